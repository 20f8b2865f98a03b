import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';

/** One row of an extract: its line (CSV) or row number (XLSX) and its cells as text. */
export interface SourceRow {
  row: number;
  cells: string[];
}

/** A row the reader itself could not read (broken quotes, ...): reported, not imported. */
export interface UnreadableRow {
  row: number;
  reason: string;
}

export type Encoding = 'utf-8' | 'windows-1252';

export interface ReadOptions {
  /** Force the text encoding of a CSV; by default UTF-8 when the start of the file is valid UTF-8, else Windows-1252. */
  encoding?: Encoding;
  /** Force the separator; by default `;` or `,`, whichever the header line has more of. */
  delimiter?: ';' | ',';
  /** Called for each row the reader had to skip. */
  onUnreadable?: (row: UnreadableRow) => void;
}

export interface Source {
  format: 'csv' | 'xlsx';
  encoding: Encoding | null;
  delimiter: string | null;
  header: string[];
  rows: AsyncIterable<SourceRow>;
}

const SNIFF_BYTES = 1 << 20;

/** Reads until at least `n` bytes (or the end) are buffered, without losing any. */
async function peek(input: AsyncIterator<Buffer>, n: number): Promise<{ head: Buffer; done: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < n) {
    const next = await input.next();
    if (next.done) return { head: Buffer.concat(parts), done: true };
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
    parts.push(chunk);
    size += chunk.length;
  }
  return { head: Buffer.concat(parts), done: false };
}

async function* prepend(head: Buffer, rest: AsyncIterator<Buffer>, done: boolean): AsyncGenerator<Buffer> {
  if (head.length) yield head;
  if (done) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
  }
}

/**
 * UTF-8 when the sample decodes cleanly, else Windows-1252. When the sample is only the start of
 * the file (`complete` false), a character cut off at its end is allowed.
 */
export function detectEncoding(sample: Buffer, complete = true): Encoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

async function* decode(chunks: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<string> {
  // Not fatal: an unreadable byte later in the file becomes U+FFFD and that row is refused.
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const last = decoder.decode();
  if (last) yield last;
}

/** Counts `;` and `,` outside quotes in the first line. */
export function detectDelimiter(text: string): ';' | ',' {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semi++;
    else if (!quoted && ch === ',') comma++;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
  }
  return semi >= comma && semi > 0 ? ';' : ',';
}

async function openCsv(chunks: AsyncIterable<Buffer>, encoding: Encoding, opts: ReadOptions): Promise<Source> {
  const text = decode(chunks, encoding);
  const first = await text.next();
  const head = first.done ? '' : first.value;
  const delimiter = opts.delimiter ?? detectDelimiter(head.replace(/^\uFEFF/, ''));
  async function* all(): AsyncGenerator<string> {
    if (head) yield head;
    yield* text;
  }
  const parser = Readable.from(all()).pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      skip_records_with_error: true,
    }),
  );
  parser.on('skip', (err: Error & { lines?: number }) => {
    opts.onUnreadable?.({
      row: err.lines ?? 0,
      reason: `Deze regel is niet te lezen als CSV (${err.message.replace(/^Invalid /, '').slice(0, 120)}).`,
    });
  });
  const it = (parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)[Symbol.asyncIterator]();
  const firstRecord = await it.next();
  const header = firstRecord.done ? [] : firstRecord.value.record.map((h) => h.replace(/^\uFEFF/, '').trim());
  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield { row: next.value.info.lines, cells: next.value.record };
    }
  }
  return { format: 'csv', encoding, delimiter, header, rows: rows() };
}

/** The text of one XLSX cell: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function openXlsx(chunks: AsyncIterable<Buffer>): Promise<Source> {
  // loaded when a workbook comes in: the module takes half a second to load
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const first = await sheets.next();
  if (first.done)
    return {
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      header: [],
      rows: (async function* () {
        /* empty */
      })(),
    };
  const sheetRows = (first.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  const toCells = (r: ExcelJS.Row): string[] => {
    const values = r.values as ExcelJS.CellValue[];
    const out: string[] = [];
    for (let i = 1; i < values.length; i++) out.push(cellText(values[i]).trim());
    return out;
  };
  let header: string[] = [];
  for (;;) {
    const next = await sheetRows.next();
    if (next.done) break;
    header = toCells(next.value);
    if (header.some((h) => h !== '')) break;
  }
  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      const next = await sheetRows.next();
      if (next.done) break;
      const cells = toCells(next.value);
      if (cells.every((c) => c === '')) continue;
      yield { row: next.value.number, cells };
    }
    // Only the first sheet is read; let the reader finish the file.
    for (;;) if ((await sheets.next()).done) break;
  }
  return { format: 'xlsx', encoding: null, delimiter: null, header, rows: rows() };
}

/**
 * Opens an extract as a stream of rows: XLSX (recognised by its zip signature) or CSV.
 * Nothing but the current chunk and row is held in memory.
 */
export async function openSource(
  input: AsyncIterable<Buffer | Uint8Array | string>,
  opts: ReadOptions = {},
): Promise<Source> {
  const it = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const { head, done } = await peek(it, 4);
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (isZip) return openXlsx(prepend(head, it, done));
  const sniff = done
    ? { head, done }
    : await (async () => {
        const more = await peek(it, SNIFF_BYTES - head.length);
        return { head: Buffer.concat([head, more.head]), done: more.done };
      })();
  const encoding = opts.encoding ?? detectEncoding(sniff.head, sniff.done);
  return openCsv(prepend(sniff.head, it, sniff.done), encoding, opts);
}
