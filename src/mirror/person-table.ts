import { UNKNOWN, type GroundDef } from './grounds.js';

/** One person as the mirror sees them: a group per ground (null = unknown) and stages reached. */
export interface MirrorPerson {
  grounds: Readonly<Record<string, string | null>>;
  stages: Readonly<Record<string, boolean>>;
  /** Fixed random record key (0 ≤ key < 2^32) for disclosure control; see disclosure.ts. */
  key?: number;
  /** Numeric facts used as covariates in the adjusted comparison (e.g. age in years); null = unknown. */
  numbers?: Readonly<Record<string, number | null>>;
}

/** A ground held as codes: 0 = unknown, i = groups[i - 1]. */
export interface GroundColumn {
  def: GroundDef;
  codes: Uint8Array;
}

/**
 * The population of a period in columns: per person a code per ground and one bit per stage.
 * Built once; every grouping of the mirror is then one pass over flat typed arrays.
 */
export interface PersonTable {
  readonly size: number;
  readonly stages: readonly string[];
  readonly grounds: ReadonlyMap<string, GroundColumn>;
  /** Index into `distinctMasks` per person (the set of stages reached). */
  readonly maskIds: Uint16Array;
  /** The distinct stage bitmasks that occur; bit i = stages[i]. */
  readonly distinctMasks: readonly number[];
  /** Rows are ordered by mask id: rows of mask id j are blockStarts[j] ≤ i < blockStarts[j + 1]. */
  readonly blockStarts: Uint32Array;
  /** Record key per row (same order as the other columns), or null when the rows carry none. */
  readonly keys: Uint32Array | null;
  /** Numeric columns (same row order; NaN = unknown), e.g. age in years; absent when none. */
  readonly numbers?: ReadonlyMap<string, Float64Array>;
  /** The full cross-classification of the grounds, when the table was built from one (fromCube). */
  readonly cube?: GroundCube;
}

/**
 * How many people have each combination of codes of all grounds, per set of stages reached: the
 * full cross-classification, from which every grouping's counts are sums (margins). A table of
 * a few hundred thousand people has a cube of a few thousand combinations per stage set, so a
 * grouping costs a pass over the cube instead of over the people.
 */
export interface GroundCube {
  /** The grounds in the order of the cube (the first one varies slowest). */
  readonly keys: readonly string[];
  /** Codes per ground (groups + 1, for unknown). */
  readonly radices: readonly number[];
  /** Number of combinations: the product of the radices. */
  readonly combos: number;
  /** counts[maskId * combos + combo], maskId as in the table, combo = the codes as a mixed-radix number. */
  readonly counts: Uint32Array;
}

/** Numeric column of age in years at the start of the period (as the age bands use). */
export const AGE_IN_YEARS = 'leeftijd_jaren';

export const MAX_STAGES = 30;

/** Builds the columnar table from person rows. Groups not in a ground's list count as unknown. */
export function buildPersonTable(
  persons: readonly MirrorPerson[],
  grounds: readonly GroundDef[],
  stages: readonly string[],
): PersonTable {
  const c = encodePersons(persons, grounds, stages);
  return fromColumns(persons.length, stages, c.columns, c.masks, c.keys, c.numbers);
}

/** Person rows as columns in their own order (not yet ordered by stage set): what fromColumns takes. */
export interface PersonColumns {
  columns: Map<string, GroundColumn>;
  masks: Uint32Array;
  keys: Uint32Array | null;
  numbers: Map<string, Float64Array>;
}

/** Codes per ground, stage masks, record keys and numbers of person rows, in the rows' order. */
export function encodePersons(
  persons: readonly MirrorPerson[],
  grounds: readonly GroundDef[],
  stages: readonly string[],
): PersonColumns {
  if (stages.length > MAX_STAGES) throw new RangeError(`at most ${MAX_STAGES} stages, got ${stages.length}`);
  const n = persons.length;
  const columns = new Map<string, GroundColumn>();
  for (const def of grounds) {
    if (def.groups.length > 254) throw new RangeError(`ground ${def.key} has more than 254 groups`);
    const index = new Map(def.groups.map((g, i) => [g, i + 1]));
    const codes = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = persons[i].grounds[def.key];
      codes[i] = v === null || v === undefined || v === UNKNOWN ? 0 : (index.get(v) ?? 0);
    }
    columns.set(def.key, { def, codes });
  }
  const masks = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const st = persons[i].stages;
    let m = 0;
    for (let s = 0; s < stages.length; s++) if (st[stages[s]]) m |= 1 << s;
    masks[i] = m;
  }
  const withKeys = n > 0 && persons.every((p) => p.key !== undefined);
  const keys = withKeys ? Uint32Array.from(persons, (p) => p.key!) : null;
  const numberKeys = [...new Set(persons.flatMap((p) => Object.keys(p.numbers ?? {})))];
  const numbers = new Map(
    numberKeys.map((k) => [k, Float64Array.from(persons, (p) => p.numbers?.[k] ?? NaN)] as const),
  );
  return { columns, masks, keys, numbers };
}

/**
 * Builds the table from ready columns (e.g. read straight from the database). The rows are put
 * in order of the set of stages reached (a counting sort; the order of people carries no
 * meaning for the mirror), so that every grouping can count one block of equal stage sets at a
 * time into a small array that stays in the processor's cache.
 */
export function fromColumns(
  size: number,
  stages: readonly string[],
  grounds: ReadonlyMap<string, GroundColumn>,
  masks: Uint32Array,
  keys: Uint32Array | null = null,
  numbers: ReadonlyMap<string, Float64Array> = new Map(),
): PersonTable {
  const ids = new Map<number, number>();
  const rawIds = new Uint16Array(size);
  const distinct: number[] = [];
  for (let i = 0; i < size; i++) {
    const m = masks[i];
    let id = ids.get(m);
    if (id === undefined) {
      id = distinct.length;
      if (id >= 65535) throw new RangeError('too many distinct stage combinations');
      ids.set(m, id);
      distinct.push(m);
    }
    rawIds[i] = id;
  }
  const blockStarts = new Uint32Array(distinct.length + 1);
  for (let i = 0; i < size; i++) blockStarts[rawIds[i] + 1]++;
  for (let j = 0; j < distinct.length; j++) blockStarts[j + 1] += blockStarts[j];
  const next = blockStarts.slice(0, distinct.length);
  const order = new Uint32Array(size);
  for (let i = 0; i < size; i++) order[next[rawIds[i]]++] = i;
  const maskIds = new Uint16Array(size);
  for (let k = 0; k < size; k++) maskIds[k] = rawIds[order[k]];
  const sorted = new Map<string, GroundColumn>();
  for (const [key, col] of grounds) {
    const codes = new Uint8Array(size);
    for (let k = 0; k < size; k++) codes[k] = col.codes[order[k]];
    sorted.set(key, { def: col.def, codes });
  }
  let sortedKeys: Uint32Array | null = null;
  if (keys) {
    sortedKeys = new Uint32Array(size);
    for (let k = 0; k < size; k++) sortedKeys[k] = keys[order[k]];
  }
  const sortedNumbers = new Map<string, Float64Array>();
  for (const [key, col] of numbers) {
    const values = new Float64Array(size);
    for (let k = 0; k < size; k++) values[k] = col[order[k]];
    sortedNumbers.set(key, values);
  }
  return {
    size,
    stages,
    grounds: sorted,
    maskIds,
    distinctMasks: distinct,
    blockStarts,
    keys: sortedKeys,
    numbers: sortedNumbers,
  };
}

/**
 * Builds the table from a cube, and keeps the cube for counting. The row columns (a code per
 * ground and a stage set per person, in order of stage set as fromColumns orders them) are
 * written out from the cube only when something reads them, such as the adjusted comparison:
 * the mirror's counts come from the cube alone. `masks` are the stage sets in the order of the
 * cube's mask ids; `grounds` in the cube's order.
 */
export function fromCube(
  stages: readonly string[],
  grounds: readonly GroundDef[],
  masks: readonly number[],
  counts: Uint32Array,
): PersonTable {
  const radices = grounds.map((d) => d.groups.length + 1);
  const combos = radices.reduce((a, b) => a * b, 1);
  if (counts.length !== combos * masks.length) throw new RangeError('cube size does not match its grounds and masks');
  const cube: GroundCube = { keys: grounds.map((d) => d.key), radices, combos, counts };
  const blockStarts = new Uint32Array(masks.length + 1);
  for (let j = 0; j < masks.length; j++) {
    let people = 0;
    for (let i = j * combos; i < (j + 1) * combos; i++) people += counts[i];
    blockStarts[j + 1] = blockStarts[j] + people;
  }
  const size = blockStarts[masks.length];
  let rows: { codes: Uint8Array[]; maskIds: Uint16Array } | null = null;
  const expanded = () => (rows ??= expandCube(cube, size));
  const columns = new Map<string, GroundColumn>();
  grounds.forEach((def, g) =>
    columns.set(def.key, {
      def,
      get codes() {
        return expanded().codes[g];
      },
    }),
  );
  return {
    size,
    stages,
    grounds: columns,
    get maskIds() {
      return expanded().maskIds;
    },
    distinctMasks: [...masks],
    blockStarts,
    keys: null,
    numbers: new Map(),
    cube,
  };
}

/** The people of a cube as rows: per combination and stage set, as many rows as it counts. */
function expandCube(cube: GroundCube, size: number): { codes: Uint8Array[]; maskIds: Uint16Array } {
  const { radices, combos, counts } = cube;
  const codes = radices.map(() => new Uint8Array(size));
  const maskIds = new Uint16Array(size);
  const digits = new Int32Array(radices.length);
  let at = 0;
  for (let i = 0; i < counts.length; i++) {
    const k = counts[i];
    if (k === 0) continue;
    for (let g = radices.length - 1, rest = i % combos; g >= 0; g--) {
      digits[g] = rest % radices[g];
      rest = (rest - digits[g]) / radices[g];
    }
    for (let g = 0; g < radices.length; g++) if (digits[g] !== 0) codes[g].fill(digits[g], at, at + k);
    maskIds.fill(Math.floor(i / combos), at, at + k);
    at += k;
  }
  return { codes, maskIds };
}

/** The cells of a cube that hold people, per mask block: block j is entries from[j] ≤ e < from[j + 1]. */
interface SparseCube {
  from: Int32Array;
  combo: Int32Array;
  count: Uint32Array;
}

const sparseCubes = new WeakMap<GroundCube, SparseCube>();

function sparseCube(cube: GroundCube): SparseCube {
  let sparse = sparseCubes.get(cube);
  if (sparse) return sparse;
  const { combos, counts } = cube;
  const blocks = counts.length / combos;
  let filled = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) filled++;
  sparse = { from: new Int32Array(blocks + 1), combo: new Int32Array(filled), count: new Uint32Array(filled) };
  let e = 0;
  for (let j = 0; j < blocks; j++) {
    sparse.from[j] = e;
    for (let combo = 0; combo < combos; combo++) {
      const k = counts[j * combos + combo];
      if (k === 0) continue;
      sparse.combo[e] = combo;
      sparse.count[e++] = k;
    }
  }
  sparse.from[blocks] = e;
  sparseCubes.set(cube, sparse);
  return sparse;
}

/**
 * For a grouping whose grounds are all in the table's cube: a function that adds the people of
 * mask block j to `local` (cell in the order of countGroups) from the cube. Null otherwise.
 */
function cubeTally(table: PersonTable, groundKeys: readonly string[], radix: readonly number[]): Tally | null {
  const cube = table.cube;
  if (!cube) return null;
  const at = groundKeys.map((k) => cube.keys.indexOf(k));
  if (at.some((i) => i < 0)) return null;
  const { combos, radices } = cube;
  const cellOf = new Int32Array(combos);
  const digits = new Int32Array(radices.length);
  for (let combo = 0; combo < combos; combo++) {
    for (let g = radices.length - 1, rest = combo; g >= 0; g--) {
      digits[g] = rest % radices[g];
      rest = (rest - digits[g]) / radices[g];
    }
    let cell = 0;
    for (let k = 0; k < at.length; k++) cell = cell * radix[k] + digits[at[k]];
    cellOf[combo] = cell;
  }
  const sparse = sparseCube(cube);
  return (j, _from, _to, local) => {
    for (let e = sparse.from[j]; e < sparse.from[j + 1]; e++) local[cellOf[sparse.combo[e]]] += sparse.count[e];
  };
}

const packedPairs = new WeakMap<PersonTable, Map<string, Uint8Array>>();

/** The codes of two grounds packed into one byte per person (a << 4 | b), kept with the table. */
function packedPair(table: PersonTable, keyA: string, keyB: string, a: Uint8Array, b: Uint8Array): Uint8Array {
  let byTable = packedPairs.get(table);
  if (!byTable) {
    byTable = new Map();
    packedPairs.set(table, byTable);
  }
  const key = `${keyA}\u0000${keyB}`;
  let col = byTable.get(key);
  if (!col) {
    col = new Uint8Array(table.size);
    for (let i = 0; i < table.size; i++) col[i] = (a[i] << 4) | b[i];
    byTable.set(key, col);
  }
  return col;
}

/** Adds the people of mask block j (rows from ≤ i < to) to `local`, by cell of the grouping. */
type Tally = (j: number, from: number, to: number, local: Int32Array) => void;

/** The tally over the rows of the table (one pass over the people per grouping). */
function rowTally(table: PersonTable, groundKeys: readonly string[], cols: GroundColumn[], radix: number[]): Tally {
  const a = cols[0].codes;
  const b = cols.length > 1 ? cols[1].codes : a;
  const c = cols.length > 2 ? cols[2].codes : a;
  const rb = radix[1] ?? 1,
    rc = radix[2] ?? 1;
  // Two grounds of at most 15 groups each: count on a cached packed column (a << 4 | b), built
  // on first use, so that a warm pair costs one pass over one byte per person, like a single.
  if (cols.length === 2 && radix[0] <= 16 && radix[1] <= 16) {
    const packed = packedPair(table, groundKeys[0], groundKeys[1], a, b);
    const packedSize = radix[0] << 4;
    const packedLocal = new Int32Array(packedSize);
    return (_j, from, to, local) => {
      packedLocal.fill(0);
      for (let i = from; i < to; i++) packedLocal[packed[i]]++;
      for (let v = 0; v < packedSize; v++) if (packedLocal[v] !== 0) local[(v >> 4) * rb + (v & 15)] += packedLocal[v];
    };
  }
  if (cols.length === 1)
    return (_j, from, to, local) => {
      for (let i = from; i < to; i++) local[a[i]]++;
    };
  if (cols.length === 2)
    return (_j, from, to, local) => {
      for (let i = from; i < to; i++) local[a[i] * rb + b[i]]++;
    };
  return (_j, from, to, local) => {
    for (let i = from; i < to; i++) local[(a[i] * rb + b[i]) * rc + c[i]]++;
  };
}

/** Counts for one cell of a grouping: people in the group and, per stage, how many reached it. */
export interface GroupCount {
  /** Group per ground of the grouping, in order; UNKNOWN where unknown. */
  groups: string[];
  population: number;
  reached: number[];
}

/**
 * Counts people per combination of groups of the given grounds (one ground, or an
 * intersection of two or three), and per stage how many reached it. One pass over the rows:
 * a histogram of (group combination, stage set), then reduced per stage.
 */
export function countGroups(table: PersonTable, groundKeys: readonly string[]): GroupCount[] {
  const cols = groundKeys.map((k) => {
    const c = table.grounds.get(k);
    if (!c) throw new RangeError(`unknown ground "${k}"`);
    return c;
  });
  const radix = cols.map((c) => c.def.groups.length + 1);
  const cells = radix.reduce((a, b) => a * b, 1);
  const m = table.distinctMasks.length;
  const s = table.stages.length;
  const population = new Float64Array(cells);
  const reached = new Float64Array(cells * s);
  const local = new Int32Array(cells);
  const starts = table.blockStarts;
  if (cols.length > 3) throw new RangeError('a grouping has one, two or three grounds');
  const tally = cubeTally(table, groundKeys, radix) ?? rowTally(table, groundKeys, cols, radix);
  for (let j = 0; j < m; j++) {
    const from = starts[j],
      to = starts[j + 1];
    if (from === to) continue;
    local.fill(0);
    tally(j, from, to, local);
    const mask = table.distinctMasks[j];
    for (let cell = 0; cell < cells; cell++) {
      const k = local[cell];
      if (k === 0) continue;
      population[cell] += k;
      // the stages of this set, lowest first (m & -m is the lowest bit that is set)
      for (let rest = mask; rest !== 0; rest &= rest - 1) reached[cell * s + 31 - Math.clz32(rest & -rest)] += k;
    }
  }
  return groupCountsOf(cols, radix, population, reached, s);
}

/** The counts of a grouping as GroupCount per cell (cell = the codes as a mixed-radix number, first ground slowest). */
export function groupCountsOf(
  cols: readonly GroundColumn[],
  radix: readonly number[],
  population: Float64Array,
  reached: Float64Array,
  s: number,
): GroupCount[] {
  const out: GroupCount[] = [];
  for (let cell = 0; cell < population.length; cell++) {
    // decode the cell into its groups
    const groups: string[] = [];
    let rest = cell;
    for (let g = cols.length - 1; g >= 0; g--) {
      const code = rest % radix[g];
      rest = Math.floor(rest / radix[g]);
      groups[g] = code === 0 ? UNKNOWN : cols[g].def.groups[code - 1];
    }
    out.push({ groups, population: population[cell], reached: Array.from(reached.subarray(cell * s, cell * s + s)) });
  }
  return out;
}

/** Cell keys of a grouping, in the cell order of countGroups: per cell, and per cell and stage. */
export interface GroupKeys {
  population: Uint32Array;
  /** Index cell * stages + stage. */
  reached: Uint32Array;
}

/**
 * The key of every cell of a grouping (sum of the record keys of its people, modulo 2^32), and
 * of every cell × stage (the people of the cell who reached the stage). Uint32Array stores wrap
 * modulo 2^32 by themselves.
 */
export function groupKeys(table: PersonTable, groundKeys: readonly string[]): GroupKeys {
  const keys = table.keys;
  if (!keys) throw new RangeError('this population has no record keys: protected figures cannot be computed');
  const cols = groundKeys.map((k) => {
    const c = table.grounds.get(k);
    if (!c) throw new RangeError(`unknown ground "${k}"`);
    return c.codes;
  });
  const radix = groundKeys.map((k) => table.grounds.get(k)!.def.groups.length + 1);
  const cells = radix.reduce((a, b) => a * b, 1);
  const s = table.stages.length;
  const population = new Uint32Array(cells);
  const reached = new Uint32Array(cells * s);
  const local = new Uint32Array(cells);
  const touched = new Uint8Array(cells);
  for (let j = 0; j < table.distinctMasks.length; j++) {
    const from = table.blockStarts[j],
      to = table.blockStarts[j + 1];
    if (from === to) continue;
    local.fill(0);
    touched.fill(0);
    for (let i = from; i < to; i++) {
      let cell = 0;
      for (let g = 0; g < cols.length; g++) cell = cell * radix[g] + cols[g][i];
      local[cell] += keys[i];
      touched[cell] = 1;
    }
    const mask = table.distinctMasks[j];
    for (let cell = 0; cell < cells; cell++) {
      if (!touched[cell]) continue;
      population[cell] += local[cell];
      for (let bit = 0; bit < s; bit++) if (mask & (1 << bit)) reached[cell * s + bit] += local[cell];
    }
  }
  return { population, reached };
}

/** Key of everyone in the table, and of everyone who reached each stage. */
export function totalKeys(table: PersonTable): { population: number; reached: number[] } {
  const k = groupKeys(table, []);
  return { population: k.population[0], reached: Array.from(k.reached) };
}
