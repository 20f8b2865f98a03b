import { countGroups, groupCountsOf, type GroundColumn, type GroupCount, type PersonTable } from './person-table.js';

/** A joint table of this many cells at most (per stage set) is counted in one pass over the rows. */
const MAX_JOINT_CELLS = 4096;
/** At most this many grounds in one joint table. */
const MAX_JOINT_GROUNDS = 4;

/**
 * The counts of many groupings at once (what the whole mirror asks): the same as countGroups for
 * each, in the same order. Groupings of one or two grounds are counted from joint tables of up to
 * four grounds (e.g. for 13 grounds the 13 lines of the projective plane of order 3 hold every pair
 * exactly once): one pass over the rows per joint table instead of one per grouping, then each
 * pair and single is summed out of it. A table read into a cube (an extract) sums every grouping
 * out of the cube in one pass. What does not fit (three grounds on rows, a joint table that would
 * hold only one grouping) is counted by countGroups as before.
 */
export function countGroupings(table: PersonTable, groupings: readonly (readonly string[])[]): GroupCount[][] {
  const out: (GroupCount[] | null)[] = groupings.map(() => null);
  const cube = table.cube;
  if (cube) {
    // the cube is the joint table of all its grounds: every grouping of them is summed out of it
    const members: number[] = [];
    groupings.forEach((g, i) => {
      if (g.length >= 1 && g.length <= 3 && g.every((k) => cube.keys.includes(k))) members.push(i);
    });
    if (members.length > 1) countBlock(table, groupings, { grounds: [...cube.keys], members }, out);
  } else {
    const blocks = jointBlocks(table, groupings);
    for (const block of blocks) if (block.members.length > 1) countBlock(table, groupings, block, out);
  }
  return groupings.map((keys, i) => out[i] ?? countGroups(table, keys));
}

/** A joint table: its grounds, and the groupings (indices) counted from it. */
interface JointBlock {
  grounds: string[];
  members: number[];
}

/** The radix (groups + 1) of a ground, or 0 when the table does not have it. */
function radixOf(table: PersonTable, key: string): number {
  const col = table.grounds.get(key);
  return col ? col.def.groups.length + 1 : 0;
}

/**
 * Covers the pairs among the groupings with joint tables: the projective plane of order 3 when
 * the pairs are all pairs of 13 grounds, else greedily (each table takes the uncovered pair first
 * and then the grounds that cover most uncovered pairs, within the size limit). Each single goes
 * with a table that holds its ground.
 */
function jointBlocks(table: PersonTable, groupings: readonly (readonly string[])[]): JointBlock[] {
  const pairs = new Map<string, number>();
  const grounds: string[] = [];
  const see = (k: string) => {
    if (!grounds.includes(k)) grounds.push(k);
  };
  groupings.forEach((g, i) => {
    if (g.length !== 2 || g[0] === g[1] || !radixOf(table, g[0]) || !radixOf(table, g[1])) return;
    const key = pairKey(g[0], g[1]);
    if (pairs.has(key)) return;
    pairs.set(key, i);
    see(g[0]);
    see(g[1]);
  });
  const fits = (ks: string[]) =>
    ks.length <= MAX_JOINT_GROUNDS && ks.reduce((p, k) => p * radixOf(table, k), 1) <= MAX_JOINT_CELLS;
  let sets = grounds.length === 13 && pairs.size === 78 ? PLANE_OF_ORDER_3.map((l) => l.map((p) => grounds[p])) : null;
  if (sets && !sets.every(fits)) sets = null;
  sets ??= greedyCover(grounds, pairs, fits);
  const blocks: JointBlock[] = sets.map((ks) => ({ grounds: ks, members: [] }));
  const taken = new Set<string>();
  for (const block of blocks) {
    const ks = block.grounds;
    for (let a = 0; a < ks.length; a++)
      for (let b = a + 1; b < ks.length; b++) {
        for (const key of [pairKey(ks[a], ks[b]), pairKey(ks[b], ks[a])]) {
          const i = pairs.get(key);
          if (i !== undefined && !taken.has(key)) {
            taken.add(key);
            block.members.push(i);
          }
        }
      }
  }
  groupings.forEach((g, i) => {
    if (g.length !== 1) return;
    const block = blocks.find((b) => b.grounds.includes(g[0]) && b.members.length > 0);
    if (block) block.members.push(i);
  });
  return blocks;
}

const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

/** The uncovered pairs, each in a joint table of grounds that cover as many other uncovered pairs as fit. */
function greedyCover(grounds: string[], pairs: Map<string, number>, fits: (ks: string[]) => boolean): string[][] {
  const uncovered = new Set<string>();
  const has = (a: string, b: string) => uncovered.has(pairKey(a, b)) || uncovered.has(pairKey(b, a));
  for (const key of pairs.keys()) uncovered.add(key);
  const sets: string[][] = [];
  for (const first of pairs.keys()) {
    if (!uncovered.has(first)) continue;
    const set = first.split('\u0000');
    for (;;) {
      let best: string | null = null,
        bestGain = 0;
      for (const k of grounds) {
        if (set.includes(k) || !fits([...set, k])) continue;
        const gain = set.filter((s) => has(s, k)).length;
        if (gain > bestGain) [best, bestGain] = [k, gain];
      }
      if (best === null) break;
      set.push(best);
    }
    for (let a = 0; a < set.length; a++)
      for (let b = a + 1; b < set.length; b++) {
        uncovered.delete(pairKey(set[a], set[b]));
        uncovered.delete(pairKey(set[b], set[a]));
      }
    sets.push(set);
  }
  return sets;
}

/** The 13 lines of the projective plane of order 3 (points 0–12): every two points share exactly one line. */
const PLANE_OF_ORDER_3 = [
  [0, 1, 2, 3],
  [0, 4, 5, 6],
  [0, 7, 8, 9],
  [0, 10, 11, 12],
  [1, 4, 7, 10],
  [1, 5, 8, 11],
  [1, 6, 9, 12],
  [2, 4, 8, 12],
  [2, 5, 9, 10],
  [2, 6, 7, 11],
  [3, 4, 9, 11],
  [3, 5, 7, 12],
  [3, 6, 8, 10],
];

/** A grouping counted from a joint table: its grounds and running sums. */
interface Member {
  index: number;
  cols: GroundColumn[];
  radix: number[];
  /** Where its cells start in the block's shared array of counts per stage set. */
  offset: number;
  cells: number;
  population: Float64Array;
  reached: Float64Array;
}

/**
 * One pass over the rows per stage set into the joint table (through the table's cached column of
 * joint cells; for a table from a cube, the cube's block of that stage set is the joint table),
 * summed out into each member grouping, whose counts per stage set then go to its population and
 * to every stage in the set.
 */
function countBlock(
  table: PersonTable,
  groupings: readonly (readonly string[])[],
  block: JointBlock,
  out: (GroupCount[] | null)[],
): void {
  const cols = block.grounds.map((k) => table.grounds.get(k)!);
  const radix = cols.map((c) => c.def.groups.length + 1);
  const cells = radix.reduce((a, b) => a * b, 1);
  const S = table.stages.length;
  const q = block.members.length;
  // target[cell * q + m]: the place of joint cell `cell` in member m's counts
  const target = new Int32Array(cells * q);
  let offset = 0;
  const members: Member[] = block.members.map((index, m) => {
    const at = groupings[index].map((k) => block.grounds.indexOf(k));
    const mRadix = at.map((a) => radix[a]);
    const mCells = mRadix.reduce((a, b) => a * b, 1);
    for (let cell = 0; cell < cells; cell++) {
      let sub = 0;
      for (let k = 0; k < at.length; k++) sub = sub * mRadix[k] + digitOf(cell, at[k], radix);
      target[cell * q + m] = offset + sub;
    }
    const member = {
      index,
      cols: at.map((a) => cols[a]),
      radix: mRadix,
      offset,
      cells: mCells,
      population: new Float64Array(mCells),
      reached: new Float64Array(mCells * S),
    };
    offset += mCells;
    return member;
  });
  const local = new Int32Array(offset);
  const cube = table.cube;
  let joint: Int32Array | Uint32Array = new Int32Array(cells);
  const column = cube ? null : jointColumn(table, block.grounds, cols, radix);
  const starts = table.blockStarts;
  for (let j = 0; j < table.distinctMasks.length; j++) {
    const from = starts[j],
      to = starts[j + 1];
    if (from === to) continue;
    if (column) {
      joint.fill(0);
      for (let i = from; i < to; i++) joint[column[i]]++;
    } else joint = cube!.counts.subarray(j * cells, (j + 1) * cells);
    local.fill(0);
    for (let cell = 0, t = 0; cell < cells; cell++, t += q) {
      const k = joint[cell];
      if (k === 0) continue;
      for (let m = 0; m < q; m++) local[target[t + m]] += k;
    }
    const mask = table.distinctMasks[j];
    for (const m of members) {
      const { population, reached } = m;
      for (let cell = 0; cell < m.cells; cell++) {
        const k = local[m.offset + cell];
        if (k === 0) continue;
        population[cell] += k;
        for (let rest = mask; rest !== 0; rest &= rest - 1) reached[cell * S + 31 - Math.clz32(rest & -rest)] += k;
      }
    }
  }
  for (const m of members) out[m.index] = groupCountsOf(m.cols, m.radix, m.population, m.reached, S);
}

/** The code of ground `g` (position in `radix`) in a mixed-radix cell number, first ground slowest. */
function digitOf(cell: number, g: number, radix: readonly number[]): number {
  let rest = cell;
  for (let k = radix.length - 1; k > g; k--) rest = Math.floor(rest / radix[k]);
  return rest % radix[g];
}

const jointColumns = new WeakMap<PersonTable, Map<string, Uint16Array>>();

/**
 * Per person the cell of the joint table of these grounds, kept with the table (built on first
 * use, two bytes per person), so that a warm joint table costs one pass over one column.
 */
function jointColumn(
  table: PersonTable,
  keys: readonly string[],
  cols: readonly GroundColumn[],
  radix: readonly number[],
): Uint16Array {
  let byTable = jointColumns.get(table);
  if (!byTable) {
    byTable = new Map();
    jointColumns.set(table, byTable);
  }
  const key = keys.join('\u0000');
  let column = byTable.get(key);
  if (column) return column;
  const n = table.size;
  column = new Uint16Array(n);
  const [a, b, c, d] = cols.map((col) => col.codes);
  const [, rb, rc, rd] = radix;
  if (cols.length === 2) for (let i = 0; i < n; i++) column[i] = a[i] * rb + b[i];
  else if (cols.length === 3) for (let i = 0; i < n; i++) column[i] = (a[i] * rb + b[i]) * rc + c[i];
  else if (cols.length === 4) for (let i = 0; i < n; i++) column[i] = ((a[i] * rb + b[i]) * rc + c[i]) * rd + d[i];
  else throw new RangeError('a joint table has two to four grounds');
  byTable.set(key, column);
  return column;
}
