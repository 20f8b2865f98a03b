/**
 * Tests for repeated measurements (T0 → T1 → T2) and for the difference in change between
 * groups, computed exactly as R computes them (two-sided, R's defaults):
 *
 * - McNemar's test for paired yes/no answers: `mcnemar.test(table)` with `correct = TRUE`;
 * - Wilcoxon signed-rank test for paired grades and scales: `wilcox.test(x, y, paired = TRUE)`;
 * - Wilcoxon rank-sum (Mann–Whitney) test for two independent samples, e.g. change scores of
 *   two groups: `wilcox.test(x, y)`.
 *
 * R's choices are kept, so the expected values in the tests can come from R
 * (scripts/r/paired-golden.R): the exact distribution when n < 50 (per sample) and there are no
 * ties (and, for the signed-rank test, no zero differences); otherwise the normal approximation
 * with a correction for ties and a continuity correction of ½ towards zero.
 */
import { chiSquare1UpperTail, normalUpperTail } from './normal-distribution.js';

export interface McNemarResult {
  /** Pairs yes → no (b) and no → yes (c): only discordant pairs count. */
  readonly b: number;
  readonly c: number;
  /** (|b − c| − 1)² / (b + c), or (b − c)²/(b + c) when b = c (R then skips the correction: 0). NaN when b + c = 0. */
  readonly statistic: number;
  readonly df: 1;
  readonly p: number;
}

/**
 * McNemar's test with R's continuity correction. `b` = pairs with yes before and no after,
 * `c` = no before and yes after. R applies the correction only when b ≠ c; with b = c the
 * statistic is 0 (p = 1), and with no discordant pairs R gives NaN.
 */
export function mcnemarTest(b: number, c: number): McNemarResult {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) throw new RangeError('b and c must be counts');
  const total = b + c;
  if (total === 0) return { b, c, statistic: NaN, df: 1, p: NaN };
  const y = b !== c ? Math.abs(b - c) - 1 : 0;
  const statistic = (y * y) / total;
  return { b, c, statistic, df: 1, p: chiSquare1UpperTail(statistic) };
}

/** McNemar's test from paired booleans (before[i], after[i] belong to one person). */
export function mcnemarPaired(before: readonly boolean[], after: readonly boolean[]): McNemarResult {
  if (before.length !== after.length) throw new RangeError('before and after must have the same length');
  let b = 0;
  let c = 0;
  for (let i = 0; i < before.length; i++) {
    if (before[i] && !after[i]) b++;
    else if (!before[i] && after[i]) c++;
  }
  return mcnemarTest(b, c);
}

/** Average ranks (ties get the mean of their ranks), as R's rank() with ties.method = "average". */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Sum over tie groups of t³ − t. */
function tieSum(ranks: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  let sum = 0;
  for (const t of counts.values()) sum += t * t * t - t;
  return sum;
}

const hasTies = (ranks: readonly number[]): boolean => new Set(ranks).size !== ranks.length;

/** P(V ≤ q), or P(V > q) when `upper`, of the signed-rank statistic for n pairs (R's psignrank). */
function signrankCdf(q: number, n: number, upper = false): number {
  const max = (n * (n + 1)) / 2;
  const x = Math.floor(q + 1e-7);
  if (x < 0) return upper ? 1 : 0;
  if (x >= max) return upper ? 0 : 1;
  // counts[s] = number of subsets of {1..n} with sum s; 2^n in total.
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let s = (k * (k + 1)) / 2; s >= k; s--) counts[s] += counts[s - k];
  }
  let p = 0;
  if (upper) for (let s = x + 1; s <= max; s++) p += counts[s];
  else for (let s = 0; s <= x; s++) p += counts[s];
  return p / 2 ** n;
}

/** P(W ≤ q), or P(W > q) when `upper`, of the rank-sum statistic W (= U) for samples of m and n (R's pwilcox). */
function ranksumCdf(q: number, m: number, n: number, upper = false): number {
  const max = m * n;
  const x = Math.floor(q + 1e-7);
  if (x < 0) return upper ? 1 : 0;
  if (x >= max) return upper ? 0 : 1;
  // ways[j][u]: choose j of the first i elements so that U (= rank sum − j(j+1)/2) equals u.
  // Recurrence over elements i = 1..m+n: element i, taken as the j-th chosen, adds i − j to U.
  let ways: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(max + 1));
  ways[0][0] = 1;
  for (let i = 1; i <= m + n; i++) {
    const next = ways.map((row) => row.slice());
    for (let j = 1; j <= Math.min(i, m); j++) {
      const add = i - j;
      if (add > n) continue;
      const from = ways[j - 1];
      const to = next[j];
      for (let u = 0; u + add <= max; u++) if (from[u] !== 0) to[u + add] += from[u];
    }
    ways = next;
  }
  const row = ways[m];
  let total = 0;
  let p = 0;
  for (let u = 0; u <= max; u++) {
    total += row[u];
    if (upper ? u > x : u <= x) p += row[u];
  }
  return p / total;
}

export interface WilcoxonResult {
  /** V (signed-rank: sum of the ranks of positive differences) or W (rank-sum). */
  readonly statistic: number;
  readonly p: number;
  /** 'exact' (R's exact distribution) or 'normal' (normal approximation with continuity correction). */
  readonly method: 'exact' | 'normal';
  /** Pairs (signed-rank, after dropping zero differences) or sizes of the two samples. */
  readonly n: number;
  readonly zeroes?: number;
  readonly ties: boolean;
}

/**
 * Wilcoxon signed-rank test on the differences x[i] − y[i], as R's
 * `wilcox.test(x, y, paired = TRUE)` (two-sided, correct = TRUE, exact = NULL): zero
 * differences are dropped; exact when fewer than 50 remain and there are no ties or zeroes,
 * otherwise normal with tie correction and continuity correction. With no non-zero difference
 * left the statistic is 0 and p is NaN (R refuses: "not enough observations").
 */
export function wilcoxonSignedRank(x: readonly number[], y: readonly number[]): WilcoxonResult {
  if (x.length !== y.length) throw new RangeError('x and y must have the same length');
  const all = x.map((v, i) => v - y[i]).filter((d) => Number.isFinite(d));
  const diffs = all.filter((d) => d !== 0);
  const zeroes = all.length - diffs.length;
  const n = diffs.length;
  if (n === 0) return { statistic: 0, p: NaN, method: 'normal', n, zeroes, ties: false };
  const ranks = averageRanks(diffs.map(Math.abs));
  let v = 0;
  for (let i = 0; i < n; i++) if (diffs[i] > 0) v += ranks[i];
  const ties = hasTies(ranks);
  if (n < 50 && !ties && zeroes === 0) {
    const p = v > (n * (n + 1)) / 4 ? signrankCdf(v - 1, n, true) : signrankCdf(v, n);
    return { statistic: v, p: Math.min(2 * p, 1), method: 'exact', n, zeroes, ties };
  }
  const z0 = v - (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum(ranks) / 48);
  const z = (z0 - Math.sign(z0) * 0.5) / sigma;
  return { statistic: v, p: twoSided(z), method: 'normal', n, zeroes, ties };
}

/**
 * Wilcoxon rank-sum (Mann–Whitney) test of two independent samples, as R's `wilcox.test(x, y)`
 * (two-sided, correct = TRUE, exact = NULL). W = sum of the ranks of x − nx(nx + 1)/2.
 */
export function wilcoxonRankSum(x: readonly number[], y: readonly number[]): WilcoxonResult {
  const a = x.filter(Number.isFinite);
  const b = y.filter(Number.isFinite);
  const nx = a.length;
  const ny = b.length;
  if (nx === 0 || ny === 0) return { statistic: NaN, p: NaN, method: 'normal', n: nx + ny, ties: false };
  const ranks = averageRanks([...a, ...b]);
  let w = -(nx * (nx + 1)) / 2;
  for (let i = 0; i < nx; i++) w += ranks[i];
  const ties = hasTies(ranks);
  if (nx < 50 && ny < 50 && !ties) {
    const p = w > (nx * ny) / 2 ? ranksumCdf(w - 1, nx, ny, true) : ranksumCdf(w, nx, ny);
    return { statistic: w, p: Math.min(2 * p, 1), method: 'exact', n: nx + ny, ties };
  }
  const z0 = w - (nx * ny) / 2;
  const total = nx + ny;
  const sigma = Math.sqrt(((nx * ny) / 12) * (total + 1 - tieSum(ranks) / (total * (total - 1))));
  const z = (z0 - Math.sign(z0) * 0.5) / sigma;
  return { statistic: w, p: twoSided(z), method: 'normal', n: total, ties };
}

/** R: 2 * min(pnorm(z), pnorm(z, lower.tail = FALSE)); NaN when sigma was 0. */
function twoSided(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}
