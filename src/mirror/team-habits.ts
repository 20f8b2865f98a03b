/**
 * The team's mirror of its own habits, next to the attention mirror: per group of clients, how
 * often discrimination was discussed with those the team spoke to, how often the client's own
 * wish was written down on an instrument, and the clients' feedback scores.
 *
 * The same protection as the mirror: counts rounded by cell key to multiples of the base,
 * groups under the threshold hidden ("klein-aantal"), and one more cheap cell hidden in a line
 * with exactly one hidden cell ("secundair"). A mean score is shown only when its count is.
 */
import { ageBand, AGE_BANDS } from '../domain/age.js';
import { ageOn } from '../domain/dates.js';
import { GENDERS, GENDER_LABELS, HOUSEHOLDS, HOUSEHOLD_LABELS } from '../domain/codes.js';
import type { HabitRow } from '../store/learning/habits.js';
import { keyOfSet, roundByKey, type ProtectionRules } from './disclosure.js';
import { decideSuppression, type SuppressionReason } from './suppression.js';

export const HABIT_GROUNDS = ['geslacht', 'leeftijd', 'huishouden'] as const;
export type HabitGround = (typeof HABIT_GROUNDS)[number];

export interface Measure {
  /** The people (or allocations, or scores) the measure is about: published count, null when hidden. */
  base: number | null;
  /** How many of them: published count, null when hidden. */
  count: number | null;
  /** count / base from the published numbers; for feedback the mean score (1 decimal). */
  value: number | null;
  hidden: SuppressionReason;
}

export interface HabitGroup {
  group: string;
  label: string;
  discrimination: Measure;
  ownWish: Measure;
  feedback: Measure;
}

export interface HabitTable {
  ground: HabitGround;
  groups: HabitGroup[];
  total: Omit<HabitGroup, 'group' | 'label'>;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Row headers: the code lists' labels, starting with a capital. */
const GROUP_LABELS: Record<HabitGround, (g: string) => string> = {
  geslacht: (g) => capital(GENDER_LABELS[g as keyof typeof GENDER_LABELS] ?? g),
  leeftijd: (g) => (g === 'onbekend' ? 'Onbekend' : `${g} jaar`),
  huishouden: (g) => capital(HOUSEHOLD_LABELS[g as keyof typeof HOUSEHOLD_LABELS] ?? g),
};

const GROUPS: Record<HabitGround, readonly string[]> = {
  geslacht: GENDERS,
  leeftijd: [...AGE_BANDS, 'onbekend'],
  huishouden: HOUSEHOLDS,
};

function groupOf(row: HabitRow, ground: HabitGround, today: string): string {
  if (ground === 'geslacht') return row.gender;
  if (ground === 'huishouden') return row.household;
  return (row.birthDate && ageBand(ageOn(row.birthDate, today))) || 'onbekend';
}

interface Raw {
  spoken: number[];
  discussed: number[];
  allocations: number[];
  withWish: number[];
  scores: { key: number; score: number }[];
}

function collect(rows: readonly HabitRow[], key: (clientId: number) => number): Raw {
  const raw: Raw = { spoken: [], discussed: [], allocations: [], withWish: [], scores: [] };
  for (const r of rows) {
    const k = key(r.clientId);
    if (r.hadConversation) {
      raw.spoken.push(k);
      if (r.discriminationDiscussed) raw.discussed.push(k);
    }
    for (let i = 0; i < r.allocations; i++) raw.allocations.push(k);
    for (let i = 0; i < r.allocationsWithWish; i++) raw.withWish.push(k);
    for (const score of r.feedbackScores) raw.scores.push({ key: k, score });
  }
  return raw;
}

function measure(
  base: number[],
  part: number[] | null,
  reason: SuppressionReason,
  rules: ProtectionRules,
  mean?: number,
): Measure {
  if (reason !== null) return { base: null, count: null, value: null, hidden: reason };
  const publishedBase = roundByKey(base.length, keyOfSet(base), rules.base);
  if (part === null) {
    const value = mean === undefined || base.length === 0 ? null : Math.round(mean * 10) / 10;
    return { base: publishedBase, count: null, value, hidden: null };
  }
  const count = roundByKey(part.length, keyOfSet(part), rules.base);
  return { base: publishedBase, count, value: publishedBase > 0 ? count / publishedBase : null, hidden: null };
}

/** Hidden-cell decisions for one measure over a ground's groups plus the total (one line). */
function hide(bases: number[], parts: number[] | null, rules: ProtectionRules): SuppressionReason[] {
  const counts = bases.map((b, i) => ({ groups: [String(i)], population: b, reached: parts ? [parts[i]] : [] }));
  const s = decideSuppression(counts, [bases.length], parts ? 1 : 0, rules.threshold, rules.secondaryLimit);
  return bases.map((_, i) => (parts ? s.stage[i][0] : s.population[i]));
}

/** The three tables (one per ground) for the rows of a team over a period. */
export function teamHabits(
  rows: readonly HabitRow[],
  today: string,
  recordKey: (clientId: number) => number,
  rules: ProtectionRules,
): HabitTable[] {
  const all = collect(rows, recordKey);
  const mean = (s: { score: number }[]) => s.reduce((a, b) => a + b.score, 0) / Math.max(1, s.length);
  const total = {
    discrimination: measure(
      all.spoken,
      all.discussed,
      hide([all.spoken.length], [all.discussed.length], rules)[0],
      rules,
    ),
    ownWish: measure(
      all.allocations,
      all.withWish,
      hide([all.allocations.length], [all.withWish.length], rules)[0],
      rules,
    ),
    feedback: measure(
      all.scores.map((s) => s.key),
      null,
      hide([all.scores.length], null, rules)[0],
      rules,
      mean(all.scores),
    ),
  };
  return HABIT_GROUNDS.map((ground) => {
    const groups = GROUPS[ground];
    const raws = groups.map((g) =>
      collect(
        rows.filter((r) => groupOf(r, ground, today) === g),
        recordKey,
      ),
    );
    const discHidden = hide(
      raws.map((r) => r.spoken.length),
      raws.map((r) => r.discussed.length),
      rules,
    );
    const wishHidden = hide(
      raws.map((r) => r.allocations.length),
      raws.map((r) => r.withWish.length),
      rules,
    );
    const scoreHidden = hide(
      raws.map((r) => r.scores.length),
      null,
      rules,
    );
    return {
      ground,
      total,
      groups: groups
        .map((group, i) => ({
          group,
          label: GROUP_LABELS[ground](group),
          discrimination: measure(raws[i].spoken, raws[i].discussed, discHidden[i], rules),
          ownWish: measure(raws[i].allocations, raws[i].withWish, wishHidden[i], rules),
          feedback: measure(
            raws[i].scores.map((s) => s.key),
            null,
            scoreHidden[i],
            rules,
            mean(raws[i].scores),
          ),
        }))
        .filter(
          (g, i) =>
            raws[i].spoken.length + raws[i].allocations.length + raws[i].scores.length > 0 || g.group !== 'onbekend',
        ),
    };
  });
}
