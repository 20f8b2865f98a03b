import { normalQuantile, normalUpperTail } from './normal-distribution.js';

/** Power and significance level used for the evidence size. */
export const EVIDENCE_POWER = 0.8;
export const EVIDENCE_ALPHA = 0.05;

/**
 * Power of the two-sided test of two proportions with n people per group, as R's
 * `power.prop.test` (strict = FALSE):
 *
 *   Φ( (√n·|p1 − p2| − z₁₋α/₂·√((p1 + p2)(1 − (p1 + p2)/2))) / √(p1(1 − p1) + p2(1 − p2)) )
 */
export function powerTwoProportions(n: number, p1: number, p2: number, alpha = EVIDENCE_ALPHA): number {
  const z = normalQuantile(1 - alpha / 2);
  const num = Math.sqrt(n) * Math.abs(p1 - p2) - z * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2));
  const den = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return 1 - normalUpperTail(num / den);
}

/**
 * The proportion p2 > p1 that a comparison of n people per group detects with the given
 * power: R's `power.prop.test(n = n, p1 = p1, power = power)$p2`, solved here by bisection
 * to full precision. Null when even p2 = 1 would not reach the power (too few people).
 */
export function detectableProportionAbove(
  n: number,
  p1: number,
  power = EVIDENCE_POWER,
  alpha = EVIDENCE_ALPHA,
): number | null {
  if (!(n > 0) || !(p1 >= 0 && p1 < 1)) return null;
  const f = (p2: number) => powerTwoProportions(n, p1, p2, alpha) - power;
  let lo = p1,
    hi = 1;
  if (f(hi) < 0) return null;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Smallest ratios a comparison can detect: above 1 and below 1, or null where it cannot. */
export interface EvidenceSize {
  /** People per group used in the power formula: the harmonic mean of the two group sizes. */
  nPerGroup: number;
  /** Smallest ratio above 1 (group rate / comparison rate) detected with 80% power at α 0.05. */
  ratioAbove: number | null;
  /** Largest ratio below 1 detected likewise. */
  ratioBelow: number | null;
  /** False when the groups are too small to detect even a large difference. */
  enough: boolean;
}

/**
 * Evidence size of a comparison of a group (n1 people) with a comparison group (n2 people,
 * rate p2): the smallest ratio of rates the test could find with 80% power at α 0.05. Unequal
 * groups are taken as two equal groups of their harmonic mean 2·n1·n2/(n1 + n2), the usual
 * reduction to R's `power.prop.test`, which assumes equal groups. The ratio below 1 uses the
 * symmetry of the formula in p ↔ 1 − p. "Enough" means a ratio of 2 (or 1/2) or closer is
 * detectable.
 */
export function evidenceSize(n1: number, n2: number, p2: number): EvidenceSize {
  const n = n1 > 0 && n2 > 0 ? (2 * n1 * n2) / (n1 + n2) : 0;
  const up = p2 > 0 && p2 < 1 ? detectableProportionAbove(n, p2) : null;
  const downP = p2 > 0 && p2 < 1 ? detectableProportionAbove(n, 1 - p2) : null;
  const ratioAbove = up === null ? null : up / p2;
  const ratioBelow = downP === null ? null : (1 - downP) / p2;
  const enough = (ratioAbove !== null && ratioAbove <= 2) || (ratioBelow !== null && ratioBelow >= 0.5);
  return { nPerGroup: n, ratioAbove, ratioBelow, enough };
}

export const TOO_LITTLE_EVIDENCE = 'Te weinig gegevens om iets te zeggen';
