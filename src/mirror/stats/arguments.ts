/**
 * Argument checks shared by the statistical functions. A failed check is a
 * programming error (the caller passed something that is not a count, or a
 * count larger than its total) and throws a RangeError with a plain message.
 */

/** Throws unless `value` is a whole number ≥ 0. */
export function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** Throws unless `x` and `n` are counts with 1 ≤ n and x ≤ n (x of n people). */
export function checkProportion(xName: string, x: number, nName: string, n: number): void {
  checkCount(xName, x);
  checkCount(nName, n);
  if (n === 0) throw new RangeError(`${nName} must be at least 1, got 0`);
  if (x > n) throw new RangeError(`${xName} (${x}) must not be greater than ${nName} (${n})`);
}

/** Throws unless the confidence level lies strictly between 0 and 1. */
export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);
  }
}
