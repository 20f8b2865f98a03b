import { checkCount } from './arguments.js';
import { chiSquare1UpperTail } from './normal-distribution.js';

/**
 * The four cells of a 2×2 table in reading order:
 *
 *              outcome   no outcome
 *   group 1       a          b
 *   group 2       c          d
 */
export type Table2x2 = readonly [a: number, b: number, c: number, d: number];

/** Result of Pearson's chi-square test on a 2×2 table. */
export interface ChiSquareResult {
  /** Σ (observed − expected)² / expected; NaN when a row or column total is 0. */
  statistic: number;
  /** Degrees of freedom: always 1 for a 2×2 table. */
  df: 1;
  /** P(χ²₁ > statistic); NaN when the statistic is NaN. */
  p: number;
  /** Expected counts under independence, in the order a, b, c, d. */
  expected: Table2x2;
}

function checkTable(a: number, b: number, c: number, d: number): void {
  checkCount('a', a);
  checkCount('b', b);
  checkCount('c', c);
  checkCount('d', d);
}

/**
 * Expected counts of a 2×2 table if group and outcome were unrelated:
 * row total × column total / grand total for each cell, in the order a, b, c, d
 * (see {@link Table2x2}). All four are 0 when the table is empty.
 *
 * @throws RangeError when a cell is not a whole number ≥ 0.
 */
export function expectedCounts(a: number, b: number, c: number, d: number): Table2x2 {
  checkTable(a, b, c, d);
  const total = a + b + c + d;
  if (total === 0) return [0, 0, 0, 0];
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const col2 = b + d;
  return [(row1 * col1) / total, (row1 * col2) / total, (row2 * col1) / total, (row2 * col2) / total];
}

/**
 * Pearson's chi-square test of independence for a 2×2 table, without
 * continuity (Yates) correction, as R's `chisq.test(m, correct = FALSE)`:
 *
 *   X² = Σ (O − E)² / E over the four cells,  df = 1,  p = P(χ²₁ > X²).
 *
 * How to read it: a small p (say below 0.05) means a difference between the
 * two groups this large would be unusual if the groups did not really differ.
 * The approximation is only trusted when every expected count is at least 5;
 * otherwise use Fisher's exact test (see `testDifference`).
 *
 * When a row or column total is 0 an expected count is 0 and the test is not
 * defined: statistic and p are then NaN (R also returns NaN).
 *
 * @throws RangeError when a cell is not a whole number ≥ 0.
 */
export function chiSquare2x2(a: number, b: number, c: number, d: number): ChiSquareResult {
  const expected = expectedCounts(a, b, c, d);
  if (expected.some((e) => e === 0)) return { statistic: NaN, df: 1, p: NaN, expected };
  const observed = [a, b, c, d];
  let statistic = 0;
  for (let i = 0; i < 4; i++) statistic += (observed[i] - expected[i]) ** 2 / expected[i];
  return { statistic, df: 1, p: chiSquare1UpperTail(statistic), expected };
}
