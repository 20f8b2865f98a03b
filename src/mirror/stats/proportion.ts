import { checkLevel, checkProportion } from './arguments.js';
import { criticalValue } from './normal-distribution.js';

/** A proportion with the bounds of its confidence interval, all as fractions 0–1. */
export interface ProportionInterval {
  /** x / n. */
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a proportion x of n, without continuity correction.
 *
 * With p̂ = x/n and z the two-sided normal critical value for `level`
 * (1.959964 for 95%):
 *
 *   centre ± half = (p̂ + z²/(2n) ± z·√(p̂(1−p̂)/n + z²/(4n²))) / (1 + z²/n)
 *
 * How to read it: with 95% confidence the true share lies between `lower` and
 * `upper`. Unlike the simple p̂ ± z·√(p̂(1−p̂)/n), the interval stays inside
 * 0–1 and is sensible for small groups and for 0 of n (lower bound exactly 0)
 * or n of n (upper bound exactly 1).
 *
 * @throws RangeError when x or n is not a whole number ≥ 0, n is 0, x > n, or
 *   level is not strictly between 0 and 1.
 */
export function wilsonInterval(x: number, n: number, level = 0.95): ProportionInterval {
  checkProportion('x', x, 'n', n);
  checkLevel(level);
  const z = criticalValue(level);
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    estimate: p,
    // Exactly 0 for 0 of n and exactly 1 for n of n, where the formula only
    // reaches them up to rounding.
    lower: x === 0 ? 0 : (centre - half) / denominator,
    upper: x === n ? 1 : (centre + half) / denominator,
  };
}
