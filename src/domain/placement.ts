/**
 * The employer's decision moments of a proposal (voorstel): proposed → invited → hired → still
 * working after 1, 6 and 12 months, and the follow-up contacts after a placement.
 */
import { addDays } from './casefile-rules.js';

export const FOLLOW_UP_MONTHS = [1, 6, 12] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

export const PROPOSAL_STAGES = [
  'voorgesteld',
  'uitgenodigd',
  'aangenomen',
  'werkzaam_1m',
  'werkzaam_6m',
  'werkzaam_12m',
] as const;
export type ProposalStage = (typeof PROPOSAL_STAGES)[number];

export const PROPOSAL_STAGE_LABELS: Record<ProposalStage, string> = {
  voorgesteld: 'Voorgesteld',
  uitgenodigd: 'Uitgenodigd',
  aangenomen: 'Aangenomen',
  werkzaam_1m: 'Werkt na 1 maand',
  werkzaam_6m: 'Werkt na 6 maanden',
  werkzaam_12m: 'Werkt na 12 maanden',
};

/** The date `months` calendar months after `iso` (the last day of a shorter month when needed). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The follow-up contacts scheduled when someone is hired on `hiredOn`. */
export function followUpSchedule(hiredOn: string): { months: FollowUpMonths; dueOn: string }[] {
  return FOLLOW_UP_MONTHS.map((months) => ({ months, dueOn: addMonths(hiredOn, months) }));
}

/** A follow-up is overdue when it is not held and its due date lies more than `graceDays` before today. */
export function isOverdue(f: { dueOn: string; heldOn: string | null }, today: string, graceDays = 0): boolean {
  return f.heldOn === null && addDays(f.dueOn, graceDays) < today;
}

export interface ProposalFacts {
  invitedOn: string | null;
  hiredOn: string | null;
  /** When the proposal or placement ended (a placement ends when someone no longer works there). */
  stoppedOn?: string | null;
  followUps: readonly { months: number; stillWorking: boolean | null }[];
}

/**
 * The stages a proposal reached. "Still working after n months" counts only when the follow-up
 * at n months was held and said so, every earlier follow-up did too, and the placement had not
 * ended before those n months were over.
 */
export function stagesReached(p: ProposalFacts): Record<ProposalStage, boolean> {
  const working = (months: number) =>
    p.hiredOn !== null &&
    (p.stoppedOn == null || p.stoppedOn >= addMonths(p.hiredOn, months)) &&
    FOLLOW_UP_MONTHS.filter((m) => m <= months).every(
      (m) => p.followUps.find((f) => f.months === m)?.stillWorking === true,
    );
  return {
    voorgesteld: true,
    uitgenodigd: p.invitedOn !== null,
    aangenomen: p.hiredOn !== null,
    werkzaam_1m: working(1),
    werkzaam_6m: working(6),
    werkzaam_12m: working(12),
  };
}

/** The furthest stage reached. */
export function currentStage(p: ProposalFacts): ProposalStage {
  const reached = stagesReached(p);
  return [...PROPOSAL_STAGES].reverse().find((s) => reached[s]) ?? 'voorgesteld';
}

/**
 * Whether "still working after n months" can be seen by `periodEnd`, per n: when n months have
 * passed since the start of the work, or when the placement ended before that (then the answer,
 * "no", is known already). Without a start nothing after it can be seen.
 */
export function workingObservable(
  p: Pick<ProposalFacts, 'hiredOn' | 'stoppedOn'>,
  periodEnd: string,
): Record<FollowUpMonths, boolean> {
  const seen = (m: number) =>
    p.hiredOn !== null && (addMonths(p.hiredOn, m) <= periodEnd || (p.stoppedOn != null && p.stoppedOn <= periodEnd));
  return { 1: seen(1), 6: seen(6), 12: seen(12) };
}
