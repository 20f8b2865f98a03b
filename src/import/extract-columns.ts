import { GROUNDS } from '../mirror/grounds.js';
import { DEFAULT_AGE_BANDS, ageBandGroups } from '../domain/age.js';
import { ByteDict, hashBytes } from './byte-dict.js';
import type { CsvBytes } from './csv-bytes.js';
import { COUPLE, EXTRACT_GROUNDS, resolveGroundValue } from './extract-values.js';
import type { ExtractMapping } from './extract-mapping.js';
import {
  EXTRACT_STAGES,
  MAX_ERRORS_KEPT,
  type ExtractOptions,
  type RowError,
  type ValueWarning,
} from './extract-format.js';

/** A field of the extract: its column (-1 = none, then `fixed` holds the mapping's default for every row). */
interface FieldPlan {
  /** Key of the ground or stage. */
  key: string;
  /** Lower-case name, as in the mapping. */
  field: string;
  col: number;
  fixed?: string;
  /** A free ground named with --ground: its groups are the values found. */
  free: boolean;
}

export interface ExtractPlan {
  idCol: number;
  grounds: FieldPlan[];
  stageFields: FieldPlan[];
  stages: string[];
  bands: readonly number[];
  mapping: ExtractMapping | undefined;
}

/** Which column feeds which field, from the header and the mapping; throws a Dutch message when one is missing. */
export function planExtract(header: readonly string[], options: ExtractOptions): ExtractPlan {
  const mapping = options.mapping;
  const colOf = new Map<string, number>();
  const used = new Set<number>();
  for (const [source, field] of Object.entries(mapping?.columns ?? {})) {
    const i = header.indexOf(source);
    if (i < 0) throw new Error(`Kolom "${source}" uit de koppeling staat niet in de kopregel (${header.join(', ')}).`);
    if (colOf.has(field)) throw new Error(`Veld ${field} krijgt in de koppeling meer dan één kolom.`);
    colOf.set(field, i);
    used.add(i);
  }
  const column = (field: string): number => {
    const mapped = colOf.get(field);
    if (mapped !== undefined) return mapped;
    const i = header.indexOf(field);
    return i >= 0 && !used.has(i) ? i : -1;
  };
  const idCol = column('persoon');
  if (idCol < 0) throw new Error('Kolom "persoon" ontbreekt in de kopregel.');
  const plan = (key: string, free: boolean): FieldPlan | null => {
    const field = key.toLowerCase();
    const col = column(field);
    const fixed = mapping?.defaults[field];
    return col >= 0 || fixed !== undefined ? { key, field, col, fixed, free } : null;
  };
  const grounds = EXTRACT_GROUNDS.map((g) => plan(g, false)).filter((p): p is FieldPlan => p !== null);
  for (const g of options.extraGrounds ?? []) {
    const p = plan(g, true);
    if (!p) throw new Error(`Kolom "${g}" (genoemd bij --ground) ontbreekt in de kopregel.`);
    grounds.push(p);
  }
  const stageFields = EXTRACT_STAGES.map((s) => plan(s, false)).filter((p): p is FieldPlan => p !== null);
  return {
    idCol,
    grounds,
    stageFields,
    stages: stageFields.map((s) => s.key),
    bands: options.ageBands ?? DEFAULT_AGE_BANDS,
    mapping,
  };
}

const NOT_UNDERSTOOD = -1;

/** The distinct values of one column: per value its code (or NOT_UNDERSTOOD), text and reason. */
interface ColumnValues {
  dict: ByteDict;
  /**
   * A direct-mapped cache in front of the dictionary, by length and first and last byte: entry +
   * 1, or 0. A ground has a handful of values, so a row mostly finds its value here with one
   * comparison, without hashing.
   */
  quick: Int32Array;
  code: number[];
  text: string[];
  reason: string[];
  warned: number[];
  firstRow: number[];
}

const QUICK_SLOTS = 1024;
const quickSlot = (buf: Uint8Array, start: number, end: number): number =>
  end === start ? 0 : ((end - start) * 157 + buf[start] * 59 + buf[end - 1]) & (QUICK_SLOTS - 1);

const newValues = (): ColumnValues => ({
  dict: new ByteDict(),
  quick: new Int32Array(QUICK_SLOTS),
  code: [],
  text: [],
  reason: [],
  warned: [],
  firstRow: [],
});

/** Collects the columns of the people counted, one row at a time. */
export class ExtractColumns {
  size = 0;
  codes: Uint8Array[];
  masks: Uint32Array;
  keys: Uint32Array | null;
  errors: RowError[] = [];
  errorCount = 0;
  rejectedRows = 0;
  private capacity = 1 << 16;
  /**
   * The ids of the people counted, for the check on repeated ids. While every id comes after the
   * one before (length, then bytes: an extract sorted by person), a new id is told apart by one
   * comparison with the last; the first id out of that order indexes them all, and from then on
   * every id is looked up in the hash table.
   */
  private readonly ids = ByteDict.inOrder();
  private idLines = new Int32Array(1 << 16);
  private readonly values: ColumnValues[];
  private readonly stageValues: ColumnValues[];
  private readonly fixedCodes: number[];
  private readonly free: Map<string, number>[];
  private readonly pending: RowError[] = [];
  private readonly pendingWarn: number[] = [];
  private readonly rowCodes: Int32Array;
  /** Per ground: its column, or -1 (then every row has the mapping's default). */
  private readonly groundCols: Int32Array;
  /** Per stage: its column, or -2 when its values go through the mapping or a default. */
  private readonly stageCols: Int32Array;
  /** Counting into a cross-classification (ExtractOptions.countsOnly): counts[mask * combos + combo]. */
  readonly cube: RawCube | null;
  /** The stage sets in order of first appearance (cube mode). */
  readonly maskOrder: number[] = [];
  private readonly maskSeen: Int32Array;

  constructor(
    private readonly plan: ExtractPlan,
    private readonly decoder: TextDecoder,
    private readonly options: ExtractOptions,
  ) {
    this.codes = plan.grounds.map(() => new Uint8Array(this.capacity));
    this.masks = new Uint32Array(this.capacity);
    this.keys = options.keyFor ? new Uint32Array(this.capacity) : null;
    this.values = plan.grounds.map(newValues);
    this.stageValues = plan.stageFields.map(newValues);
    this.free = plan.grounds.map(() => new Map());
    this.rowCodes = new Int32Array(plan.grounds.length);
    this.groundCols = Int32Array.from(plan.grounds, (p) => p.col);
    this.stageCols = Int32Array.from(plan.stageFields, (f) =>
      f.col < 0 || plan.mapping?.values[f.field] ? -2 : f.col,
    );
    this.cube = options.countsOnly && !options.keyFor ? rawCube(plan) : null;
    this.maskSeen = new Int32Array(this.cube ? 1 << plan.stageFields.length : 0).fill(-1);
    this.fixedCodes = plan.grounds.map((p, g) => {
      if (p.fixed === undefined) return 0;
      const r = this.resolve(g, p.fixed);
      if (r.code === NOT_UNDERSTOOD) throw new Error(`extract.defaults.${p.field}: ${r.reason}.`);
      return r.code;
    });
  }

  /** Makes room for about `rows` people with ids of about `idBytes` bytes (an estimate from the file size). */
  expect(rows: number, idBytes: number): void {
    this.ids.reserve(rows, idBytes);
    if (rows > this.idLines.length) {
      const grown = new Int32Array(rows);
      grown.set(this.idLines);
      this.idLines = grown;
    }
  }

  /** Reads one record into the columns, or into the errors. */
  take(csv: CsvBytes): void {
    const line = csv.line;
    const pending = this.pending;
    // (setting length is a call into the runtime: only when there is something to clear)
    if (pending.length !== 0) pending.length = 0;
    if (this.pendingWarn.length !== 0) this.pendingWarn.length = 0;
    const buf = csv.buf;
    const idCol = this.plan.idCol;
    let idHash = 0;
    let idStart = 0,
      idEnd = 0;
    if (idCol < csv.count) {
      idStart = csv.starts[idCol];
      idEnd = csv.ends[idCol];
    }
    if (idStart === idEnd)
      pending.push({ row: line, field: 'persoon', reason: 'leeg; elke regel hoort bij één persoon' });
    else if (this.ids.indexed || !this.ids.isAfterLast(buf, idStart, idEnd)) {
      this.ids.index();
      idHash = hashBytes(buf, idStart, idEnd);
      const seen = this.ids.find(buf, idStart, idEnd, idHash);
      if (seen >= 0)
        pending.push({ row: line, field: 'persoon', reason: `komt al voor op regel ${this.idLines[seen]}` });
    }
    const grounds = this.plan.grounds;
    const groundCols = this.groundCols;
    const starts = csv.starts;
    const ends = csv.ends;
    const count = csv.count;
    const rowCodes = this.rowCodes;
    for (let g = 0; g < groundCols.length; g++) {
      const col = groundCols[g];
      if (col < 0) {
        rowCodes[g] = this.fixedCodes[g];
        continue;
      }
      const vals = this.values[g];
      // the value's entry: mostly found in the column's direct cache with one comparison
      let start = 0,
        end = 0;
      if (col < count) {
        start = starts[col];
        end = ends[col];
      }
      const slot = quickSlot(buf, start, end);
      let entry = vals.quick[slot] - 1;
      if (entry < 0 || !vals.dict.equals(entry, buf, start, end)) entry = this.entry(vals, csv, col, g, slot);
      const code = vals.code[entry];
      if (code !== NOT_UNDERSTOOD) rowCodes[g] = code;
      else if (this.options.strict) pending.push({ row: line, field: grounds[g].field, reason: vals.reason[entry] });
      else {
        rowCodes[g] = 0;
        this.pendingWarn.push(g, entry);
      }
    }
    const mask = this.stageMask(csv, line);
    if (pending.length) {
      this.errorCount += pending.length;
      this.rejectedRows++;
      for (const e of pending) if (this.errors.length < MAX_ERRORS_KEPT) this.errors.push(e);
      return;
    }
    this.accept(csv, line, mask, idStart, idEnd, idHash);
  }

  private accept(csv: CsvBytes, line: number, mask: number, idStart: number, idEnd: number, idHash: number): void {
    const cube = this.cube;
    if (cube) {
      const rowCodes = this.rowCodes;
      const strides = cube.strides;
      let combo = mask * cube.combos;
      for (let g = 0; g < strides.length; g++) combo += rowCodes[g] * strides[g];
      cube.counts[combo]++;
      if (this.maskSeen[mask] < 0) this.maskSeen[mask] = this.maskOrder.push(mask) - 1;
      this.size++;
    } else {
      if (this.size === this.capacity) this.grow();
      const i = this.size++;
      for (let g = 0; g < this.codes.length; g++) this.codes[g][i] = this.rowCodes[g];
      this.masks[i] = mask;
    }
    const ids = this.ids;
    const id = ids.indexed ? ids.add(csv.buf, idStart, idEnd, idHash) : ids.append(csv.buf, idStart, idEnd);
    if (id >= this.idLines.length) {
      const grown = new Int32Array(this.idLines.length * 2);
      grown.set(this.idLines);
      this.idLines = grown;
    }
    this.idLines[id] = line;
    if (this.keys) this.keys[this.size - 1] = this.options.keyFor!(csv.text(this.plan.idCol, this.decoder));
    const w = this.pendingWarn;
    for (let k = 0; k < w.length; k += 2) {
      const vals = this.values[w[k]];
      if (vals.warned[w[k + 1]]++ === 0) vals.firstRow[w[k + 1]] = line;
    }
  }

  private stageMask(csv: CsvBytes, line: number): number {
    const direct = this.stageCols;
    const buf = csv.buf;
    const starts = csv.starts;
    const ends = csv.ends;
    const count = csv.count;
    let mask = 0;
    for (let s = 0; s < direct.length; s++) {
      const col = direct[s];
      if (col >= 0 && col < count) {
        const at = starts[col];
        if (ends[col] - at === 1) {
          const c = buf[at];
          if (c === 49) {
            mask |= 1 << s;
            continue;
          }
          if (c === 48) continue;
        }
      }
      if (this.stageValue(csv, line, s)) mask |= 1 << s;
    }
    return mask;
  }

  /** A stage's value that is not a plain 0 or 1 in its own column: mapped, a default, or an error. */
  private stageValue(csv: CsvBytes, line: number, s: number): boolean {
    const field = this.plan.stageFields[s];
    const col = field.col;
    const text = col < 0 ? field.fixed! : this.mapped(field.field, col < csv.count ? csv.text(col, this.decoder) : '');
    if (text === '1') return true;
    if (text !== '0')
      this.pending.push({
        row: line,
        field: field.field,
        reason: text === '' ? 'leeg; verwacht 0 of 1' : `"${text}" is geen 0 of 1`,
      });
    return false;
  }

  /** The entry of this record's value in a column's values (not in the direct cache's `slot`), reading a new value once. */
  private entry(vals: ColumnValues, csv: CsvBytes, col: number, g: number, slot: number): number {
    let start = 0,
      end = 0;
    if (col < csv.count) {
      start = csv.starts[col];
      end = csv.ends[col];
    }
    const hash = hashBytes(csv.buf, start, end);
    let entry = vals.dict.find(csv.buf, start, end, hash);
    if (entry >= 0) {
      vals.quick[slot] = entry + 1;
      return entry;
    }
    entry = vals.dict.add(csv.buf, start, end, hash);
    vals.quick[slot] = entry + 1;
    const text = col < csv.count ? csv.text(col, this.decoder) : '';
    const r = this.resolve(g, text);
    vals.code[entry] = r.code;
    vals.text[entry] = text;
    vals.reason[entry] = r.reason;
    vals.warned[entry] = 0;
    vals.firstRow[entry] = 0;
    return entry;
  }

  private mapped(field: string, text: string): string {
    const table = this.plan.mapping?.values[field];
    if (!table) return text;
    if (table[text] !== undefined) return table[text];
    const lower = text.toLowerCase();
    for (const [from, to] of Object.entries(table)) if (from.toLowerCase() === lower) return to;
    return text;
  }

  /** The code of a value of ground g: 0 unknown, i the i-th group, NOT_UNDERSTOOD with a reason. */
  private resolve(g: number, raw: string): { code: number; reason: string } {
    const p = this.plan.grounds[g];
    const text = this.mapped(p.field, raw);
    if (p.free) {
      if (text === '' || text.toLowerCase() === 'onbekend') return { code: 0, reason: '' };
      const free = this.free[g];
      let code = free.get(text);
      if (code === undefined) {
        code = free.size + 1;
        if (code > 255) throw new RangeError(`ground ${p.key} has more than 254 groups`);
        free.set(text, code);
      }
      return { code, reason: '' };
    }
    const r = resolveGroundValue(p.key, text, this.plan.bands);
    if ('unknown' in r) return { code: 0, reason: '' };
    if ('notUnderstood' in r) return { code: NOT_UNDERSTOOD, reason: r.notUnderstood };
    const groups = p.key === 'leeftijd' ? null : GROUNDS.find((d) => d.key === p.key)!.groups;
    if (r.group === COUPLE) return { code: groups!.length + 1, reason: '' };
    return { code: groups ? groups.indexOf(r.group) + 1 : this.ageCode(r.group), reason: '' };
  }

  private ageCode(band: string): number {
    const groups = ageGroupsOf(this.plan.bands);
    return groups.indexOf(band) + 1;
  }

  /** The values of free ground g in order of first appearance (code i + 1 = values[i]). */
  freeValues(g: number): string[] {
    return [...this.free[g].keys()];
  }

  warnings(): ValueWarning[] {
    const out: ValueWarning[] = [];
    this.plan.grounds.forEach((p, g) => {
      const vals = this.values[g];
      for (let e = 0; e < vals.dict.size; e++)
        if (vals.warned[e] > 0)
          out.push({ field: p.field, value: vals.text[e], count: vals.warned[e], firstRow: vals.firstRow[e] });
    });
    return out.sort((a, b) => b.count - a.count || a.firstRow - b.firstRow);
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = <T extends Uint8Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.codes = this.codes.map((c) => widen(c, (n) => new Uint8Array(n)));
    this.masks = widen(this.masks, (n) => new Uint32Array(n));
    if (this.keys) this.keys = widen(this.keys, (n) => new Uint32Array(n));
  }
}

/** The cross-classification the reader counts into: raw codes (a household couple as groups + 1). */
export interface RawCube {
  radices: number[];
  strides: Int32Array;
  combos: number;
  counts: Uint32Array;
}

/** Cubes up to this many cells (16 MB); a larger one (many groups or stages) reads rows instead. */
const MAX_CUBE_CELLS = 1 << 22;

/** The empty cube for a plan, or null when it has a free ground or would be too large. */
function rawCube(plan: ExtractPlan): RawCube | null {
  if (plan.grounds.some((p) => p.free)) return null;
  const radices = plan.grounds.map((p) => {
    if (p.key === 'leeftijd') return ageGroupsOf(plan.bands).length + 1;
    const groups = GROUNDS.find((d) => d.key === p.key)!.groups.length;
    return p.key === 'huishouden' ? groups + 2 : groups + 1;
  });
  const combos = radices.reduce((a, b) => a * b, 1);
  const cells = combos * 2 ** plan.stageFields.length;
  if (cells > MAX_CUBE_CELLS) return null;
  const strides = new Int32Array(radices.length);
  for (let g = radices.length - 1, stride = 1; g >= 0; g--) {
    strides[g] = stride;
    stride *= radices[g];
  }
  return { radices, strides, combos, counts: new Uint32Array(cells) };
}

const bandCache = new Map<string, string[]>();
function ageGroupsOf(bands: readonly number[]): string[] {
  const k = bands.join(',');
  let g = bandCache.get(k);
  if (!g) bandCache.set(k, (g = ageBandGroups(bands)));
  return g;
}
