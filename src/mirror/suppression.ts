import type { GroupCount } from './person-table.js';

/** Why a cell is not shown. */
export type SuppressionReason = 'klein-aantal' | 'secundair' | null;

export interface SuppressionResult {
  /** Per cell: the whole group (population and every stage) is hidden. */
  population: SuppressionReason[];
  /** Per cell and stage: the stage count and all that is computed from it are hidden. */
  stage: SuppressionReason[][];
}

/**
 * Decides which cells of one grouping are never output.
 *
 * Primary: a group of fewer than `threshold` people; a stage count under the threshold, or
 * the people who did not reach it (population − reached) under the threshold. Empty groups
 * (no people) are shown as 0: they tell nothing about anyone.
 *
 * Secondary: every published total (the ground's margin, the overall total) is the sum of a
 * "line" of cells — all cells that differ only in one ground, the unknown group included. A
 * line with exactly one hidden cell would let anyone subtract it back, so the smallest other
 * non-empty cell of that line is hidden too, repeated until no line has exactly one.
 * This protects against subtraction from totals and margins; it is not a full
 * linear-programming audit of every combination of tables (documented in the README).
 *
 * With `secondaryLimit` (the protected mirror, whose counts are also rounded) only cells
 * smaller than the limit are hidden for a line's sake: a large group is never hidden to
 * protect a small one; the rounding protects that line instead.
 */
export function decideSuppression(
  counts: readonly GroupCount[],
  radix: readonly number[],
  stageCount: number,
  threshold: number,
  secondaryLimit = Number.POSITIVE_INFINITY,
): SuppressionResult {
  const population: SuppressionReason[] = counts.map((c) =>
    c.population > 0 && c.population < threshold ? 'klein-aantal' : null,
  );
  const lines = buildLines(radix);

  // population level first: a hidden group is hidden at every stage
  protectLines(
    lines,
    (i) => population[i] !== null,
    (i) => counts[i].population === 0,
    (i) => counts[i].population,
    (i) => {
      population[i] = 'secundair';
    },
    secondaryLimit,
  );

  const stage: SuppressionReason[][] = counts.map((c, i) =>
    Array.from({ length: stageCount }, (_, s) => {
      if (c.population === 0) return null;
      if (population[i] !== null) return population[i];
      const r = c.reached[s];
      return r < threshold || c.population - r < threshold ? 'klein-aantal' : null;
    }),
  );
  for (let s = 0; s < stageCount; s++) {
    protectLines(
      lines,
      (i) => stage[i][s] !== null,
      (i) => counts[i].population === 0,
      (i) => Math.min(counts[i].reached[s], counts[i].population - counts[i].reached[s]),
      (i) => {
        stage[i][s] = 'secundair';
      },
      secondaryLimit,
    );
  }
  return { population, stage };
}

/** Cell indices of every line: cells equal in all coordinates but one (row-major, as countGroups). */
export function buildLines(radix: readonly number[]): number[][] {
  const cells = radix.reduce((a, b) => a * b, 1);
  const strides = radix.map((_, d) => radix.slice(d + 1).reduce((a, b) => a * b, 1));
  const lines: number[][] = [];
  for (let d = 0; d < radix.length; d++) {
    const seen = new Set<number>();
    for (let cell = 0; cell < cells; cell++) {
      const coord = Math.floor(cell / strides[d]) % radix[d];
      const start = cell - coord * strides[d];
      if (seen.has(start)) continue;
      seen.add(start);
      lines.push(Array.from({ length: radix[d] }, (_, k) => start + k * strides[d]));
    }
  }
  return lines;
}

function protectLines(
  lines: readonly number[][],
  hidden: (i: number) => boolean,
  empty: (i: number) => boolean,
  size: (i: number) => number,
  hide: (i: number) => void,
  limit: number,
): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const live = line.filter((i) => !empty(i));
      const hiddenCount = live.filter(hidden).length;
      if (hiddenCount !== 1) continue;
      const candidates = live.filter((i) => !hidden(i) && size(i) < limit).sort((a, b) => size(a) - size(b) || a - b);
      if (candidates.length === 0) continue;
      hide(candidates[0]);
      changed = true;
    }
  }
}
