import { addDays, addMonths, daysBetween } from '../domain/dates.js';
import { srgStageKey, STAGE_RULES, type StageRule } from './stages.js';

/**
 * The stages of one person read in memory from their case-file rows, by the rules of
 * STAGE_RULES (src/mirror/stages.ts). The same rules, as SQL, read the database
 * (src/store/stage-sql.ts); the demo uses this reading to check its built-in truths.
 */
export interface CaseEvents {
  benefit_period: readonly { start_date: string; end_date: string | null }[];
  diagnosis: readonly { id: number; given_on: string; distance: string }[];
  bestand_period: readonly { bestand: string; start_date: string; end_date: string | null }[];
  action_plan: readonly { created_on: string; status: string }[];
  /** `srg_code` of the allocated instrument. */
  instrument_allocation: readonly { started_on: string | null; srg_code: number }[];
  conversation: readonly { held_on: string }[];
  work_period: readonly { start_date: string; end_date: string | null }[];
}

export interface StagePeriod {
  /** First and last day, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}

/** Where a person stands in a period: in the population from `start`, observed until `end`. */
interface Window extends StagePeriod {
  /** Earliest start of the benefit periods that overlap the period. */
  benefitStart: string;
  /** The observed end: the end of the period or of the benefit, whichever comes first. */
  end: string;
  /** Today, for event periods still running. */
  today: string;
}

const within = (d: string | null, from: string, to: string): boolean => d !== null && d >= from && d <= to;
const overlaps = (start: string, end: string | null, w: StagePeriod): boolean =>
  start <= w.to && (end === null || end >= w.from);

/** The population rule: a benefit period overlaps the period. Null when the person is not in it. */
function windowOf(events: CaseEvents, period: StagePeriod, today: string): Window | null {
  const open = events.benefit_period.filter((b) => overlaps(b.start_date, b.end_date, period));
  if (open.length === 0) return null;
  const benefitStart = open.map((b) => b.start_date).reduce((a, b) => (b < a ? b : a));
  const ends = open.map((b) => b.end_date);
  const lastEnd = ends.includes(null) ? period.to : (ends as string[]).reduce((a, b) => (b > a ? b : a));
  return { ...period, benefitStart, end: lastEnd < period.to ? lastEnd : period.to, today };
}

/** "On some day of the period, the last conversation (or the benefit start) was `days` or more before." */
function hasGap(events: CaseEvents, w: Window, days: number): boolean {
  const points = [
    w.benefitStart,
    ...events.conversation.map((c) => c.held_on).filter((d) => within(d, w.benefitStart, w.end)),
    w.end,
  ].sort();
  for (let i = 0; i + 1 < points.length; i++) {
    const reached = addDays(points[i], days);
    if ((reached > w.from ? reached : w.from) <= points[i + 1]) return true;
  }
  return false;
}

function reaches(rule: StageRule, events: CaseEvents, w: Window): boolean {
  switch (rule.kind) {
    case 'latestIs': {
      const latest = events[rule.event]
        .filter((e) => e.given_on <= w.to)
        .reduce<CaseEvents['diagnosis'][number] | null>(
          (a, e) => (a === null || e.given_on > a.given_on || (e.given_on === a.given_on && e.id > a.id) ? e : a),
          null,
        );
      return latest !== null && latest[rule.field] === rule.value;
    }
    case 'overlaps':
      return events[rule.event].some((e) => e[rule.field] === rule.value && overlaps(e.start_date, e.end_date, w));
    case 'byEnd':
      return events[rule.event].some((e) => e.created_on <= w.to && e.status !== rule.exceptStatus);
    case 'startsIn':
      return events[rule.event].some((e) => within(e.started_on, w.from, w.to));
    case 'countUpToEnd':
      return (
        events[rule.event].filter((e) => e.held_on <= w.end && daysBetween(e.held_on, w.end) < rule.days).length >=
        rule.atLeast
      );
    case 'gap':
      return hasGap(events, w, rule.days);
    case 'lasts':
      return events[rule.event].some(
        (e) =>
          within(e.start_date, w.from, w.to) &&
          (e.end_date ?? w.today) >= addDays(addMonths(e.start_date, rule.months), -1),
      );
    case 'endsIn':
      return events[rule.event].some((e) => within(e.end_date, w.from, w.to));
  }
}

export interface StageReading {
  /** Every core stage and, per SRG type received, `voorziening_srg_<code>`. */
  stages: Record<string, boolean>;
  /** A diagnosis advice was given on or before the end of the period. */
  diagnosed: boolean;
}

/** The person's stages in `period`, or null when they are not in its population. */
export function readStages(events: CaseEvents, period: StagePeriod, today: string): StageReading | null {
  const w = windowOf(events, period, today);
  if (w === null) return null;
  const stages: Record<string, boolean> = {};
  for (const [key, rule] of Object.entries(STAGE_RULES)) stages[key] = reaches(rule, events, w);
  for (const a of events.instrument_allocation)
    if (within(a.started_on, w.from, w.to)) stages[srgStageKey(a.srg_code)] = true;
  return { stages, diagnosed: events.diagnosis.some((d) => d.given_on <= w.to) };
}
