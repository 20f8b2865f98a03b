import { UNKNOWN, type GroundDef } from './grounds.js';

/** One person as the mirror sees them: a group per ground (null = unknown) and stages reached. */
export interface MirrorPerson {
  grounds: Readonly<Record<string, string | null>>;
  stages: Readonly<Record<string, boolean>>;
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
}

export const MAX_STAGES = 30;

/** Builds the columnar table from person rows. Groups not in a ground's list count as unknown. */
export function buildPersonTable(persons: readonly MirrorPerson[], grounds: readonly GroundDef[], stages: readonly string[]): PersonTable {
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
  return fromColumns(n, stages, columns, masks);
}

/** Builds the table from ready columns (e.g. read straight from the database). */
export function fromColumns(size: number, stages: readonly string[], grounds: ReadonlyMap<string, GroundColumn>, masks: Uint32Array): PersonTable {
  const ids = new Map<number, number>();
  const maskIds = new Uint16Array(size);
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
    maskIds[i] = id;
  }
  return { size, stages, grounds, maskIds, distinctMasks: distinct };
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
  const hist = new Uint32Array(cells * m);
  const n = table.size;
  const ids = table.maskIds;
  if (cols.length === 1) {
    const a = cols[0].codes;
    for (let i = 0; i < n; i++) hist[a[i] * m + ids[i]]++;
  } else if (cols.length === 2) {
    const a = cols[0].codes, b = cols[1].codes, rb = radix[1];
    for (let i = 0; i < n; i++) hist[(a[i] * rb + b[i]) * m + ids[i]]++;
  } else if (cols.length === 3) {
    const a = cols[0].codes, b = cols[1].codes, c = cols[2].codes, rb = radix[1], rc = radix[2];
    for (let i = 0; i < n; i++) hist[((a[i] * rb + b[i]) * rc + c[i]) * m + ids[i]]++;
  } else {
    throw new RangeError('a grouping has one, two or three grounds');
  }
  const out: GroupCount[] = [];
  const s = table.stages.length;
  for (let cell = 0; cell < cells; cell++) {
    const reached = new Array<number>(s).fill(0);
    let population = 0;
    const base = cell * m;
    for (let j = 0; j < m; j++) {
      const k = hist[base + j];
      if (k === 0) continue;
      population += k;
      const mask = table.distinctMasks[j];
      for (let b = 0; b < s; b++) if (mask & (1 << b)) reached[b] += k;
    }
    // decode the cell into its groups
    const groups: string[] = [];
    let rest = cell;
    for (let g = cols.length - 1; g >= 0; g--) {
      const code = rest % radix[g];
      rest = Math.floor(rest / radix[g]);
      groups[g] = code === 0 ? UNKNOWN : cols[g].def.groups[code - 1];
    }
    out.push({ groups, population, reached });
  }
  return out;
}
