import { checkProportion } from './arguments.js';
import { chiSquare2x2, expectedCounts } from './chisquare.js';
import { fisherExact2x2 } from './fisher.js';

/** Which test was used, its statistic (chi-square only) and its two-sided p-value. */
export type DifferenceTest = { method: 'chi-square'; statistic: number; p: number } | { method: 'fisher'; p: number };

/** Smallest expected count for which the chi-square approximation is used. */
export const MIN_EXPECTED_FOR_CHI_SQUARE = 5;

/**
 * Tests whether two proportions x1/n1 and x2/n2 differ, on the 2×2 table
 * [x1, n1−x1; x2, n2−x2]:
 * - Pearson's chi-square without continuity correction when every expected
 *   count is at least 5 (the usual rule for when the approximation holds);
 * - otherwise Fisher's exact test (two-sided, as R).
 *
 * How to read it: p is the chance of a difference at least this large if both
 * groups really had the same rate. With many comparisons, adjust the p-values
 * (see `benjaminiHochberg`).
 *
 * @throws RangeError when a count is not a whole number ≥ 0, n1 or n2 is 0,
 *   x1 > n1 or x2 > n2.
 */
export function testDifference(x1: number, n1: number, x2: number, n2: number): DifferenceTest {
  checkProportion('x1', x1, 'n1', n1);
  checkProportion('x2', x2, 'n2', n2);
  const a = x1;
  const b = n1 - x1;
  const c = x2;
  const d = n2 - x2;
  if (expectedCounts(a, b, c, d).every((e) => e >= MIN_EXPECTED_FOR_CHI_SQUARE)) {
    const { statistic, p } = chiSquare2x2(a, b, c, d);
    return { method: 'chi-square', statistic, p };
  }
  return { method: 'fisher', p: fisherExact2x2(a, b, c, d).p };
}
