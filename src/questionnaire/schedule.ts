/**
 * When each measurement moment is due, per client. T0 at the start of guidance (the start of
 * the current benefit period), T1 and T2 a configurable number of months later (default 4
 * and 8). Pure functions over ISO dates.
 */
import { WAVES, type Mode, type Wave } from './definition.js';
import { addDays, addMonths, daysBetween } from '../domain/dates.js';

export interface ScheduleSettings {
  /** Months after the start at which T1 and T2 are due. */
  readonly t1Months: number;
  readonly t2Months: number;
  /** Days after the due date before a wave counts as overdue. */
  readonly overdueDays: number;
  /** Days after the due date of the next wave (or for T2: after its own due date plus this) when a wave is missed. */
  readonly missedAfterDays: number;
  /** How long a personal link stays valid. */
  readonly linkDays: number;
}

export const DEFAULT_SCHEDULE: ScheduleSettings = {
  t1Months: 4,
  t2Months: 8,
  overdueDays: 28,
  missedAfterDays: 90,
  linkDays: 14,
};

/** What the case file knows about a wave: whether it was sent and completed, and how. */
export interface WaveRecord {
  readonly wave: Wave;
  readonly sentOn: string | null;
  readonly completedOn: string | null;
  readonly mode: Mode | null;
}

/** gepland: not yet due; open: due; te_laat: overdue; verstuurd: link sent, not filled in; ingevuld; gemist: too late to count. */
export type WaveStatus = 'gepland' | 'open' | 'te_laat' | 'verstuurd' | 'ingevuld' | 'gemist';

export interface WaveDue {
  readonly wave: Wave;
  readonly dueOn: string;
  readonly status: WaveStatus;
  readonly sentOn: string | null;
  readonly completedOn: string | null;
  readonly mode: Mode | null;
}

/** Calendar arithmetic lives in src/domain/dates.ts; re-exported for the questionnaire's callers. */
export { addDays, addMonths } from '../domain/dates.js';

/** Due date of each wave for guidance that started on `start`. */
export function dueDates(start: string, s: ScheduleSettings = DEFAULT_SCHEDULE): Record<Wave, string> {
  return { T0: start, T1: addMonths(start, s.t1Months), T2: addMonths(start, s.t2Months) };
}

/**
 * Status of every wave on `today`. `endedOn`: the benefit ended; a wave due after that is missed.
 */
export function waveStatuses(
  start: string,
  today: string,
  records: readonly WaveRecord[],
  s: ScheduleSettings = DEFAULT_SCHEDULE,
  endedOn: string | null = null,
): WaveDue[] {
  const due = dueDates(start, s);
  return WAVES.map((wave, i) => {
    const r = records.find((x) => x.wave === wave);
    const base = {
      wave,
      dueOn: due[wave],
      sentOn: r?.sentOn ?? null,
      completedOn: r?.completedOn ?? null,
      mode: r?.mode ?? null,
    };
    if (r?.completedOn) return { ...base, status: 'ingevuld' as const };
    const next = WAVES[i + 1];
    const missedFrom = next ? due[next] : addDays(due[wave], s.missedAfterDays);
    if (today >= missedFrom || (endedOn !== null && endedOn < due[wave])) return { ...base, status: 'gemist' as const };
    if (r?.sentOn) return { ...base, status: 'verstuurd' as const };
    if (today < due[wave]) return { ...base, status: 'gepland' as const };
    if (daysBetween(due[wave], today) > s.overdueDays) return { ...base, status: 'te_laat' as const };
    return { ...base, status: 'open' as const };
  });
}

/** The wave to act on now (open, overdue or sent), if any. */
export function actionableWave(statuses: readonly WaveDue[]): WaveDue | null {
  return statuses.find((w) => w.status === 'open' || w.status === 'te_laat' || w.status === 'verstuurd') ?? null;
}
