import { GROUNDS, type GroundDef } from '../mirror/grounds.js';
import type { ExtractOptions, ExtractResult } from './extract-format.js';
import { ageBandGroups } from '../domain/age.js';
import { fromColumns, fromCube, type GroundColumn, type PersonTable } from '../mirror/person-table.js';
import { CsvBytes, detectEncoding, fileSource, memorySource, type ByteSource } from './csv-bytes.js';
import { COUPLE } from './extract-values.js';
import { ExtractColumns, planExtract, type ExtractPlan, type RawCube } from './extract-columns.js';

export { EXTRACT_STAGES, MAX_ERRORS_KEPT } from './extract-format.js';
export type { ExtractOptions, ExtractResult, RowError, ValueWarning } from './extract-format.js';

/** Reads an extract file in chunks; see readExtract. */
export function readMirrorExtractFile(path: string, options: ExtractOptions = {}): ExtractResult {
  const src = fileSource(path);
  try {
    return readExtract(src.read, options, undefined, src.size);
  } finally {
    src.close();
  }
}

/** Reads an extract held in memory (text or bytes); see readExtract. */
export function readMirrorExtract(
  input: string | Uint8Array,
  options: ExtractOptions = {},
  chunkSize?: number,
): ExtractResult {
  return readExtract(memorySource(typeof input === 'string' ? Buffer.from(input, 'utf8') : input), options, chunkSize);
}

/**
 * Reads a municipal extract (one row per person; `;` or `,`; UTF-8 or Windows-1252) straight
 * into the mirror's columns without storing it: per ground a code per person, per person a set
 * of stages. Each distinct value is read once; a row costs a few byte comparisons. A row with a
 * missing or repeated id or a stage that is not 0 or 1 is left out and reported with its line,
 * field and reason; a ground value that is not understood makes only that ground unknown.
 */
export function readExtract(
  source: ByteSource,
  options: ExtractOptions = {},
  chunkSize = 1 << 20,
  fileBytes?: number,
): ExtractResult {
  const csv = new CsvBytes(source, 44, chunkSize);
  const head = csv.peek();
  let firstLineEnd = head.indexOf(10);
  if (firstLineEnd < 0) firstLineEnd = head.length;
  let semis = 0,
    commas = 0;
  for (let i = 0; i < firstLineEnd; i++) {
    if (head[i] === 59) semis++;
    else if (head[i] === 44) commas++;
  }
  const delimiter = options.mapping?.delimiter ?? (semis > commas ? ';' : ',');
  csv.delimiter = delimiter.charCodeAt(0);
  const encoding = options.mapping?.encoding ?? detectEncoding(head);
  const decoder = new TextDecoder(encoding);
  if (!csv.next()) throw new Error('Het bestand is leeg.');
  const header: string[] = [];
  for (let k = 0; k < csv.count; k++) header.push(csv.text(k, decoder).toLowerCase());
  const plan = planExtract(header, options);
  const cols = new ExtractColumns(plan, decoder, options);
  if (fileBytes) expectFromStart(csv, cols, fileBytes);
  while (csv.next()) cols.take(csv);
  return finish(plan, cols, delimiter);
}

/** Sizes the id dictionary from the file size and the lines in the first chunk (an estimate; it still grows when needed). */
function expectFromStart(csv: CsvBytes, cols: ExtractColumns, fileBytes: number): void {
  const head = csv.peek();
  let lines = 0;
  for (let at = head.indexOf(10); at >= 0 && lines < 10_000; at = head.indexOf(10, at + 1)) lines++;
  if (lines < 100) return;
  const perLine = head.length / lines;
  cols.expect(Math.ceil((fileBytes / perLine) * 1.05), perLine / 8);
}

/** A ground's definition as published, and how the reader's codes map onto its groups (null: as they are). */
interface FinalGround {
  def: GroundDef;
  remap: Uint8Array | null;
}

/** The definition of ground g; `hasCode(c)` tells whether some person has code c. */
function finalGround(plan: ExtractPlan, cols: ExtractColumns, g: number, hasCode: (c: number) => boolean): FinalGround {
  const key = plan.grounds[g].key;
  if (key === 'leeftijd') {
    const groups = ageBandGroups(plan.bands);
    return { def: { ...GROUNDS.find((d) => d.key === key)!, groups, reference: groups[1] }, remap: null };
  }
  if (plan.grounds[g].free) {
    const values = cols.freeValues(g);
    const sorted = [...values].sort((a, b) => a.localeCompare(b, 'nl'));
    if (sorted.length > 254) throw new RangeError(`ground ${key} has more than 254 groups`);
    const remap = new Uint8Array(values.length + 1);
    values.forEach((v, i) => (remap[i + 1] = sorted.indexOf(v) + 1));
    return { def: { key, label: key, groups: sorted }, remap };
  }
  const def = GROUNDS.find((d) => d.key === key)!;
  if (key === 'huishouden' && hasCode(def.groups.length + 1)) {
    // Couples without word of children: CBS's four groups, both kinds of couple as one.
    const groups = ['alleenstaand', 'eenouder', COUPLE, 'overig'];
    const remap = Uint8Array.from([0, 1, 2, 3, 3, 4, 3]);
    return {
      def: { ...def, groups, groupLabels: { ...def.groupLabels, [COUPLE]: 'Paar (met of zonder kinderen)' } },
      remap,
    };
  }
  return { def, remap: null };
}

/** The table from the reader's cube: its counts moved to the final codes, stage sets in order of appearance. */
function tableFromCube(
  plan: ExtractPlan,
  cols: ExtractColumns,
  cube: RawCube,
): { table: PersonTable; grounds: GroundDef[] } {
  const { radices, strides, combos, counts } = cube;
  const masks = cols.maskOrder;
  // which raw combinations occur, and from them which codes of each ground occur
  const used = new Uint8Array(combos);
  for (const mask of masks)
    for (let combo = 0; combo < combos; combo++) if (counts[mask * combos + combo]) used[combo] = 1;
  const digit = (combo: number, g: number) => Math.floor(combo / strides[g]) % radices[g];
  const present = radices.map((r) => new Uint8Array(r));
  for (let combo = 0; combo < combos; combo++)
    if (used[combo]) for (let g = 0; g < radices.length; g++) present[g][digit(combo, g)] = 1;
  const finals = plan.grounds.map((_, g) => finalGround(plan, cols, g, (c) => present[g][c] === 1));
  const grounds = finals.map((f) => f.def);
  const outRadices = grounds.map((d) => d.groups.length + 1);
  const outCombos = outRadices.reduce((a, b) => a * b, 1);
  const target = new Int32Array(combos);
  for (let combo = 0; combo < combos; combo++) {
    let to = 0;
    for (let g = 0; g < radices.length; g++) {
      const code = digit(combo, g);
      to = to * outRadices[g] + (finals[g].remap ? finals[g].remap![code] : code);
    }
    target[combo] = to;
  }
  const out = new Uint32Array(masks.length * outCombos);
  for (let j = 0; j < masks.length; j++) {
    const from = masks[j] * combos;
    for (let combo = 0; combo < combos; combo++) {
      const k = counts[from + combo];
      if (k !== 0) out[j * outCombos + target[combo]] += k;
    }
  }
  return { table: fromCube(plan.stages, grounds, masks, out), grounds };
}

function finish(plan: ExtractPlan, cols: ExtractColumns, delimiter: ';' | ','): ExtractResult {
  const n = cols.size;
  let table: PersonTable;
  let grounds: GroundDef[];
  if (cols.cube) ({ table, grounds } = tableFromCube(plan, cols, cols.cube));
  else {
    grounds = [];
    const columns = new Map<string, GroundColumn>();
    for (let g = 0; g < plan.grounds.length; g++) {
      const raw = cols.codes[g].subarray(0, n);
      const { def, remap } = finalGround(plan, cols, g, (c) => raw.includes(c));
      grounds.push(def);
      columns.set(def.key, { def, codes: remap ? raw.map((c) => remap[c]) : raw });
    }
    table = fromColumns(n, plan.stages, columns, cols.masks.subarray(0, n), cols.keys?.subarray(0, n) ?? null);
  }
  return {
    table,
    grounds,
    stages: plan.stages,
    errors: cols.errors,
    errorCount: cols.errorCount,
    rejectedRows: cols.rejectedRows,
    warnings: cols.warnings(),
    delimiter,
  };
}
