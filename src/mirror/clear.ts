/**
 * When the mirror calls a difference "duidelijk" (clear): one rule for the engine, the story,
 * the reports and the page. The Benjamini–Hochberg adjusted p is under 0.05 and the group's
 * rate is at least 10% higher or lower than everyone else's (ratio ≥ 1.1 or ≤ 1/1.1).
 */
export const CLEAR_P = 0.05;
export const CLEAR_RATIO = 1.1;

export function isClearDifference(pAdjusted: number | null, ratio: number | null): boolean {
  return (
    pAdjusted !== null && pAdjusted < CLEAR_P && ratio !== null && (ratio >= CLEAR_RATIO || ratio <= 1 / CLEAR_RATIO)
  );
}

/** A test result we call significant (adjusted comparison, outcome mirror): p under 0.05. */
export const isSignificant = (p: number | null | undefined): boolean => p !== null && p !== undefined && p < CLEAR_P;
