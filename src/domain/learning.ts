/**
 * Rules of the learning team: dilemma cases ("Kopkrakers"), reflection after a conversation and
 * the team's mirror of its own habits. Pure functions; the store and the routes call them.
 */
import { createHash } from 'node:crypto';
import { keyOfSet, publishCount, type ProtectionRules } from '../mirror/disclosure.js';

export { CASE_TAGS, LOGICS, VARIED_FEATURES, type CaseTag, type Logic, type VariedFeature } from './learning-codes.js';
import { LOGICS, type Logic, type VariedFeature } from './learning-codes.js';

/**
 * Which version of a case (the original or one of its variants) a person sees. Fixed per person
 * and per set, spread evenly, and not guessable from the ids: a consultant who sees the version
 * with another name cannot tell, and so cannot answer the comparison rather than the case.
 */
export function assignedVersion(userId: number, versionIds: readonly number[]): number {
  if (versionIds.length === 0) throw new RangeError('a case has at least one version');
  const sorted = [...versionIds].sort((a, b) => a - b);
  const digest = createHash('sha256').update(`${sorted[0]}:${userId}`).digest();
  return sorted[digest.readUInt32BE(0) % sorted.length];
}

export interface Vote {
  userId: number;
  optionId: number;
  reason: string;
}

export interface OptionTally {
  optionId: number;
  votes: number;
}

/** Votes per option, in the order of the options (options without votes count 0). */
export function tally(optionIds: readonly number[], votes: readonly Vote[]): OptionTally[] {
  return optionIds.map((optionId) => ({ optionId, votes: votes.filter((v) => v.optionId === optionId).length }));
}

/**
 * The reasons as a team meeting sees them: without names, empty ones left out, and in an order
 * that says nothing about who voted when (sorted on a hash of the text, not on time or person).
 */
export function anonymisedReasons(votes: readonly Vote[]): { optionId: number; reason: string }[] {
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');
  return votes
    .filter((v) => v.reason.trim().length > 0)
    .map((v) => ({ optionId: v.optionId, reason: v.reason.trim() }))
    .sort((a, b) => (hash(a.reason) < hash(b.reason) ? -1 : 1));
}

/** One version of a case in the comparison of variants: counts only when enough people voted. */
export interface VersionComparison {
  caseId: number;
  variedFeature: VariedFeature | null;
  /** Number of votes, published (rounded) — null when under the threshold. */
  votes: number | null;
  /** Share per option (0–1) from published counts; null when hidden. */
  shares: { optionId: number; share: number | null }[];
}

/**
 * Whether choices shift between versions of a case, for one team: per version the published
 * number of votes and the share per option, hidden under the disclosure threshold. The keys are
 * those of the voters (`voterKey`), so the same set of voters always gives the same numbers.
 */
export function compareVersions(
  versions: readonly { caseId: number; variedFeature: VariedFeature | null; optionIds: readonly number[] }[],
  votes: readonly (Vote & { caseId: number })[],
  voterKey: (userId: number) => number,
  rules: ProtectionRules,
): VersionComparison[] {
  return versions.map((version) => {
    const own = votes.filter((v) => v.caseId === version.caseId);
    const total = publishCount(own.length, keyOfSet(own.map((v) => voterKey(v.userId))), rules);
    const shares = version.optionIds.map((optionId) => {
      if (total === null || total === 0) return { optionId, share: null };
      const chose = own.filter((v) => v.optionId === optionId);
      const count = publishCount(chose.length, keyOfSet(chose.map((v) => voterKey(v.userId))), rules);
      return { optionId, share: count === null ? null : count / total };
    });
    return { caseId: version.caseId, variedFeature: version.variedFeature, votes: total, shares };
  });
}

/** A consultant's own reflection, as it is stored. */
export interface Reflection {
  reflectedOn: string;
  logic: Logic;
  discriminationDiscussed: boolean;
}

/** The consultant's own pattern: per month, how often each logic and how often discrimination came up. */
export function ownPattern(reflections: readonly Reflection[]): {
  month: string;
  reflections: number;
  logics: Record<Logic, number>;
  discrimination: number;
}[] {
  const byMonth = new Map<string, Reflection[]>();
  for (const r of reflections) {
    const month = r.reflectedOn.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), r]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, list]) => ({
      month,
      reflections: list.length,
      logics: Object.fromEntries(LOGICS.map((l) => [l, list.filter((r) => r.logic === l).length])) as Record<
        Logic,
        number
      >,
      discrimination: list.filter((r) => r.discriminationDiscussed).length,
    }));
}

/**
 * A team's reflections in aggregate: counts published under the disclosure rules with keys of
 * the conversations reflected on, never per person. Null counts are under the threshold.
 */
export function teamReflections(
  reflections: readonly (Reflection & { key: number })[],
  rules: ProtectionRules,
): { total: number | null; logics: Record<Logic, number | null>; discrimination: number | null } {
  const publish = (list: readonly { key: number }[]) =>
    publishCount(list.length, keyOfSet(list.map((r) => r.key)), rules);
  const total = publish(reflections);
  const hide = total === null;
  return {
    total,
    logics: Object.fromEntries(
      LOGICS.map((l) => [l, hide ? null : publish(reflections.filter((r) => r.logic === l))]),
    ) as Record<Logic, number | null>,
    discrimination: hide ? null : publish(reflections.filter((r) => r.discriminationDiscussed)),
  };
}
