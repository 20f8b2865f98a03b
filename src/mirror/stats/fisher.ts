import { checkCount } from './arguments.js';
import { logFactorial } from './log-factorial.js';

/** Result of Fisher's exact test. */
export interface FisherResult {
  /** Two-sided p-value. */
  p: number;
}

/** R's tolerance for "as likely as the observed table" (fisher.test: relErr). */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * Fisher's exact test, two-sided, for the 2×2 table
 *
 *              outcome   no outcome
 *   group 1       a          b
 *   group 2       c          d
 *
 * With all margins fixed, the top-left cell k follows the hypergeometric
 * distribution, P(k) ∝ 1 / (k!·(r1−k)!·(c1−k)!·(r2−c1+k)!), with r1 = a+b,
 * r2 = c+d, c1 = a+c. The p-value is the total probability of all tables k
 * with P(k) ≤ P(a)·(1 + 1e-7), exactly as R's `fisher.test(m)$p.value` (the
 * small tolerance counts tables that are equally likely up to rounding).
 *
 * Probabilities are handled as logarithms (log-factorials), scaled by the
 * largest one before exponentiating, so counts in the hundreds of thousands
 * work; the time grows with the number of possible values of k.
 *
 * How to read it: as for the chi-square test, a small p means the difference
 * would be unusual if the groups did not really differ; unlike chi-square it
 * is exact and also valid for small counts. An empty table has p = 1.
 *
 * @throws RangeError when a cell is not a whole number ≥ 0.
 */
export function fisherExact2x2(a: number, b: number, c: number, d: number): FisherResult {
  checkCount('a', a);
  checkCount('b', b);
  checkCount('c', c);
  checkCount('d', d);
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const low = Math.max(0, col1 - row2);
  const high = Math.min(row1, col1);
  const logP = new Float64Array(high - low + 1);
  let max = -Infinity;
  for (let k = low; k <= high; k++) {
    const value = -(logFactorial(k) + logFactorial(row1 - k) + logFactorial(col1 - k) + logFactorial(row2 - col1 + k));
    logP[k - low] = value;
    if (value > max) max = value;
  }
  const observed = Math.exp(logP[a - low] - max);
  let total = 0;
  let asExtreme = 0;
  for (let i = 0; i < logP.length; i++) {
    const probability = Math.exp(logP[i] - max);
    total += probability;
    if (probability <= observed * RELATIVE_TOLERANCE) asExtreme += probability;
  }
  return { p: asExtreme / total };
}
