/**
 * The employer's part of the chain as stages of the mirror: of the people proposed, who was
 * invited; of those invited, who was hired; of those hired, who still worked after 1, 6 and 12
 * months. Each step is its own small mirror (the population is everyone who reached the step's
 * first stage), computed by the funnel under the same disclosure protection, so a policy officer
 * sees at which step a group drops out. Per employer only where numbers allow.
 */
import { computeMirror, type MirrorCell, type MirrorResult } from './funnel.js';
import { buildPersonTable, type MirrorPerson } from './person-table.js';
import { MIN_SCOPE_FACTOR, keyOfSet, publishCount, type ProtectionRules } from './disclosure.js';
import type { GroundDef } from './grounds.js';
import {
  FOLLOW_UP_MONTHS,
  PROPOSAL_STAGES,
  PROPOSAL_STAGE_LABELS,
  stagesReached,
  workingObservable,
  type ProposalFacts,
  type ProposalStage,
} from '../domain/placement.js';

export interface EmployerStep {
  from: ProposalStage;
  to: ProposalStage;
  /** "Uitgenodigd → aangenomen". */
  label: string;
}

export const EMPLOYER_STEPS: readonly EmployerStep[] = PROPOSAL_STAGES.slice(1).map((to, i) => ({
  from: PROPOSAL_STAGES[i],
  to,
  label: `${PROPOSAL_STAGE_LABELS[PROPOSAL_STAGES[i]]} → ${PROPOSAL_STAGE_LABELS[to].toLowerCase()}`,
}));

/** A group that clearly falls behind everyone else at one step (a drop-out point). */
export interface DropOut {
  step: string;
  ground: string;
  group: string;
  rate: number;
  ratio: number;
  pAdjusted: number;
}

export interface EmployerChain {
  /** False when the scope has too few people to publish anything (then everything else is empty). */
  published: boolean;
  /** People proposed, as published (rounded; null when under the threshold). */
  proposed: number | null;
  steps: { step: EmployerStep; result: MirrorResult | null }[];
  dropOuts: DropOut[];
}

/**
 * Key of the flag "this stage could be observed for this person" (e.g. 6 months have passed since
 * the start of the work). A step counts only the people for whom its second stage could be seen,
 * so that recent placements do not count as drop-outs. Without the flag a stage is observable.
 */
export const observableKey = (stage: string): string => `waarneembaar_${stage}`;

/**
 * The stages one proposal reached, with for each "still working" stage whether it could be
 * observed by the period's end `to` (see workingObservable).
 */
export function proposalStages(p: ProposalFacts, to: string): Record<string, boolean> {
  const observable = workingObservable(p, to);
  return {
    ...stagesReached(p),
    ...Object.fromEntries(FOLLOW_UP_MONTHS.map((m) => [observableKey(`werkzaam_${m}m`), observable[m]])),
  };
}

/** The smallest number of people proposed for which a scope (all employers, or one) is published. */
export const minimumScope = (rules: ProtectionRules): number => MIN_SCOPE_FACTOR * rules.threshold;

/**
 * The chain for one scope. `persons` are the people proposed in the scope (one row per person,
 * stages as reached in the scope, record keys set); `grounds` are compared one at a time.
 */
export function computeEmployerChain(
  persons: readonly MirrorPerson[],
  grounds: readonly GroundDef[],
  rules: ProtectionRules,
): EmployerChain {
  const published = persons.length >= minimumScope(rules);
  const keys = persons.map((p) => p.key ?? 0);
  if (!published) return { published, proposed: null, steps: [], dropOuts: [] };
  const proposed = publishCount(persons.length, keyOfSet(keys), rules);
  const groupings = grounds.map((g) => [g.key]);
  const steps = EMPLOYER_STEPS.map((step) => {
    const reachedFrom = persons.filter((p) => p.stages[step.from] && p.stages[observableKey(step.to)] !== false);
    if (reachedFrom.length < rules.threshold) return { step, result: null };
    const table = buildPersonTable(reachedFrom, grounds, [step.to]);
    return { step, result: computeMirror(table, groupings, { protection: rules }) };
  });
  const dropOuts: DropOut[] = [];
  for (const { step, result } of steps) {
    for (const c of result?.cells ?? []) if (isDropOut(c)) dropOuts.push(toDropOut(step, c));
  }
  return { published, proposed, steps, dropOuts };
}

const isDropOut = (c: MirrorCell): boolean =>
  c.clear && !c.unknown && c.suppressed === null && c.ratio !== null && c.ratio < 1;

const toDropOut = (step: EmployerStep, c: MirrorCell): DropOut => ({
  step: step.label,
  ground: c.ground,
  group: c.group,
  rate: c.rate!,
  ratio: c.ratio!,
  pAdjusted: c.pAdjusted!,
});

/**
 * One row per person for a scope: the person's first proposal in it (rows come in order of
 * proposal date). Taking "the furthest over all proposals" instead would favour people proposed
 * more often, and make the number of proposals look like a difference between groups.
 */
export function mergeByPerson(
  rows: readonly { clientId: number; key: number; grounds: MirrorPerson['grounds']; stages: Record<string, boolean> }[],
): MirrorPerson[] {
  const byClient = new Map<number, MirrorPerson>();
  for (const r of rows)
    if (!byClient.has(r.clientId)) byClient.set(r.clientId, { key: r.key, grounds: r.grounds, stages: r.stages });
  return [...byClient.values()];
}
