/**
 * Disclosure control for everything the mirror publishes (docs/openbaarmaking.md).
 *
 * Every person carries a fixed random record key (32 bits, derived from the client id with a
 * secret). The key of a cell is the sum of the keys of the people in it, modulo 2^32, so it
 * depends only on the *set* of people in the cell. A published count is the true count
 * rounded to a multiple of `base` (default 5), up or down at random with the cell key as the
 * draw (unbiased: 13 is published as 15 with chance 3/5 and as 10 with chance 2/5).
 *
 * - The same set of people always gets the same number, in every table, format and scope, so
 *   asking again teaches nothing new.
 * - Any sum or difference of published counts is a multiple of `base`: subtracting one table
 *   from another (periods, scopes, totals) can never give an exact small count other than a
 *   multiple of `base`, and even that only by chance.
 * - Counts under the threshold are not published at all ("< 10"); a line of cells with exactly
 *   one hidden cell gets a second small cell hidden ("x"), but only when one is cheap to hide.
 */

export interface ProtectionRules {
  /** Counts below this are not published (primary suppression). */
  threshold: number;
  /** Published counts are multiples of this (random rounding by cell key). 1 = no rounding. */
  base: number;
  /**
   * Secondary suppression hides another cell of a line only when its count (or, for a stage,
   * the smaller of reached / not reached) is below this; larger groups are never hidden to
   * protect a small one (the rounding protects those lines).
   */
  secondaryLimit: number;
  /**
   * Tests of a difference are taken at counts moved this much towards no difference (each
   * published count may be off by up to base − 1 through the rounding).
   */
  testSlack: number;
}

export const DEFAULT_ROUNDING_BASE = 5;
/** Secondary suppression may hide cells up to this many times the threshold. */
export const SECONDARY_LIMIT_FACTOR = 3;
/**
 * A population (team, wijk, period, extract) with fewer people than this many times the
 * threshold is not published at all: its figures could not be protected.
 */
export const MIN_SCOPE_FACTOR = 10;

export function protectionRules(threshold: number, base = DEFAULT_ROUNDING_BASE, testSlack?: number): ProtectionRules {
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError(`threshold must be a whole number ≥ 1, got ${threshold}`);
  if (!Number.isInteger(base) || base < 1)
    throw new RangeError(`rounding base must be a whole number ≥ 1, got ${base}`);
  return {
    threshold,
    base,
    secondaryLimit: SECONDARY_LIMIT_FACTOR * threshold,
    testSlack: testSlack ?? Math.floor(base / 2),
  };
}

const TWO_32 = 4294967296;

/** Sum of record keys modulo 2^32: the key of a set of people. */
export function keyOfSet(keys: Iterable<number>): number {
  let sum = 0;
  for (const k of keys) sum = (sum + k) % TWO_32;
  return sum;
}

/**
 * The published value of a true count: 0 stays 0 (an empty cell tells nothing about anyone);
 * otherwise rounded to a multiple of `base`, up with chance (count mod base) / base, drawn by
 * the cell key (uniform on 0 ≤ u < 1). Unbiased: the expected published value is the count.
 */
export function roundByKey(count: number, cellKey: number, base: number): number {
  if (count === 0 || base === 1) return count;
  const rest = count % base;
  if (rest === 0) return count;
  const down = count - rest;
  const u = (cellKey >>> 0) / TWO_32;
  return u < rest / base ? down + base : down;
}

/**
 * A single count as it may be published: null when under the threshold (and not zero),
 * otherwise rounded by its key. For counts outside the cell grid (data quality, totals).
 */
export function publishCount(count: number, cellKey: number, rules: ProtectionRules): number | null {
  if (count > 0 && count < rules.threshold) return null;
  return roundByKey(count, cellKey, rules.base);
}
