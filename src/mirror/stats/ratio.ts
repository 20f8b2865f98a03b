import { checkLevel, checkProportion } from './arguments.js';
import { criticalValue, twoSidedNormalP } from './normal-distribution.js';
import { wilsonInterval } from './proportion.js';

/** Ratio of two proportions with its confidence interval; null where not defined. */
export interface RiskRatio {
  /** (x1/n1) / (x2/n2); null when x2 is 0 (nothing to divide by). */
  ratio: number | null;
  /** Lower bound; null when x1 or x2 is 0. */
  lower: number | null;
  /** Upper bound; null when x1 or x2 is 0. */
  upper: number | null;
}

/**
 * Risk ratio (relative risk) of group 1 to group 2: (x1/n1) / (x2/n2), with the
 * Katz log interval
 *
 *   exp(ln RR ± z·SE),  SE = √(1/x1 − 1/n1 + 1/x2 − 1/n2),
 *
 * where z is the two-sided normal critical value for `level`.
 *
 * How to read it: 0.8 means group 1 reaches the outcome 0.8 times as often as
 * group 2 (20% less often); an interval that contains 1 is compatible with no
 * difference.
 *
 * Zero counts (decision): no correction is applied. When x1 is 0 the ratio is 0
 * and the bounds are null; when x2 is 0 the ratio and the bounds are all null.
 * The Katz interval does not exist in those cases (its SE is infinite), and an
 * added 0.5 would make up a number that the data do not contain.
 *
 * @throws RangeError when a count is not a whole number ≥ 0, n1 or n2 is 0,
 *   x1 > n1, x2 > n2, or level is not strictly between 0 and 1.
 */
export function riskRatio(x1: number, n1: number, x2: number, n2: number, level = 0.95): RiskRatio {
  checkProportion('x1', x1, 'n1', n1);
  checkProportion('x2', x2, 'n2', n2);
  checkLevel(level);
  if (x2 === 0) return { ratio: null, lower: null, upper: null };
  const ratio = x1 / n1 / (x2 / n2);
  if (x1 === 0) return { ratio, lower: null, upper: null };
  const z = criticalValue(level);
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
  const logRatio = Math.log(ratio);
  return { ratio, lower: Math.exp(logRatio - z * se), upper: Math.exp(logRatio + z * se) };
}

/** Difference of two proportions with its confidence interval, as fractions (−1 to 1). */
export interface RiskDifference {
  /** x1/n1 − x2/n2. */
  difference: number;
  lower: number;
  upper: number;
}

/**
 * Risk difference x1/n1 − x2/n2 with Newcombe's hybrid score interval (method 10
 * in Newcombe, Statistics in Medicine 1998;17:873–890), built from the Wilson
 * intervals (l1, u1) and (l2, u2) of the two proportions p1 and p2:
 *
 *   lower = (p1 − p2) − √((p1 − l1)² + (u2 − p2)²)
 *   upper = (p1 − p2) + √((u1 − p1)² + (p2 − l2)²)
 *
 * How to read it: −0.05 means group 1 reaches the outcome 5 percentage points
 * less often than group 2; an interval that contains 0 is compatible with no
 * difference. Zero counts need no special handling: the Wilson intervals exist
 * for 0 of n and n of n.
 *
 * @throws RangeError as for {@link riskRatio}.
 */
export function riskDifference(x1: number, n1: number, x2: number, n2: number, level = 0.95): RiskDifference {
  checkProportion('x1', x1, 'n1', n1);
  checkProportion('x2', x2, 'n2', n2);
  checkLevel(level);
  const w1 = wilsonInterval(x1, n1, level);
  const w2 = wilsonInterval(x2, n2, level);
  const difference = w1.estimate - w2.estimate;
  return {
    difference,
    lower: difference - Math.hypot(w1.estimate - w1.lower, w2.upper - w2.estimate),
    upper: difference + Math.hypot(w1.upper - w1.estimate, w2.estimate - w2.lower),
  };
}

/** Odds ratio of group 1 to group 0 with its Wald interval and p (as glm on one 0/1 term). */
export interface OddsRatio {
  oddsRatio: number;
  lower: number;
  upper: number;
  p: number;
}

/**
 * Odds ratio (x1/(n1−x1)) / (x0/(n0−x0)) with the Wald interval exp(ln OR ± z·SE),
 * SE = √(1/x1 + 1/(n1−x1) + 1/x0 + 1/(n0−x0)), and the two-sided Wald p-value. This is
 * exactly what a logistic regression on the group alone gives (R: glm(y ~ group, binomial)
 * with confint.default). Null when any of the four cells is 0 (the interval does not exist).
 */
export function oddsRatio2x2(x1: number, n1: number, x0: number, n0: number, level = 0.95): OddsRatio | null {
  checkLevel(level);
  const cells = [x1, n1 - x1, x0, n0 - x0];
  if (cells.some((c) => !Number.isInteger(c) || c < 0))
    throw new RangeError(`counts must be whole numbers with 0 ≤ x ≤ n, got ${x1}/${n1}, ${x0}/${n0}`);
  if (cells.some((c) => c === 0)) return null;
  const log = Math.log(x1 / (n1 - x1) / (x0 / (n0 - x0)));
  const se = Math.sqrt(cells.reduce((a, c) => a + 1 / c, 0));
  const z = criticalValue(level);
  return {
    oddsRatio: Math.exp(log),
    lower: Math.exp(log - z * se),
    upper: Math.exp(log + z * se),
    p: twoSidedNormalP(log / se),
  };
}
