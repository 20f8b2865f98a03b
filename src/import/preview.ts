import { openSource, type ReadOptions } from './read.js';

/** How often each value occurs in one column (the most frequent first). */
export interface ColumnProfile {
  name: string;
  values: { value: string; count: number }[];
  /** Distinct values seen; counting stops at MAX_DISTINCT, then `more` is true. */
  distinct: number;
  more: boolean;
  empty: number;
}

export interface FilePreview {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  header: string[];
  /** The first rows, as text cells. */
  rows: string[][];
  /** Rows read for the value counts (the whole file, up to maxRows). */
  rowsRead: number;
  complete: boolean;
  columns: ColumnProfile[];
}

const MAX_DISTINCT = 200;
const SHOWN_VALUES = MAX_DISTINCT;

/**
 * A look at an extract before it is imported: its header, the first rows and the value counts
 * per column, read as a stream (the same reader as the import). Keeps at most MAX_DISTINCT
 * values per column in memory.
 */
export async function previewFile(
  input: AsyncIterable<Buffer | Uint8Array | string>,
  opts: Pick<ReadOptions, 'encoding' | 'delimiter'> & { firstRows?: number; maxRows?: number } = {},
): Promise<FilePreview> {
  const source = await openSource(input, { encoding: opts.encoding, delimiter: opts.delimiter });
  const firstRows = opts.firstRows ?? 10;
  const maxRows = opts.maxRows ?? 100_000;
  const counts = source.header.map(() => new Map<string, number>());
  const more = source.header.map(() => false);
  const empty = source.header.map(() => 0);
  const rows: string[][] = [];
  let rowsRead = 0;
  let complete = true;
  for await (const r of source.rows) {
    if (rowsRead >= maxRows) {
      complete = false;
      break;
    }
    rowsRead++;
    if (rows.length < firstRows) rows.push(source.header.map((_, i) => r.cells[i] ?? ''));
    source.header.forEach((_, i) => {
      const v = (r.cells[i] ?? '').trim();
      if (v === '') {
        empty[i]++;
        return;
      }
      const m = counts[i];
      const n = m.get(v);
      if (n !== undefined) m.set(v, n + 1);
      else if (m.size < MAX_DISTINCT) m.set(v, 1);
      else more[i] = true;
    });
  }
  return {
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    header: source.header,
    rows,
    rowsRead,
    complete,
    columns: source.header.map((name, i) => ({
      name,
      values: [...counts[i]]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, SHOWN_VALUES)
        .map(([value, count]) => ({ value, count })),
      distinct: counts[i].size,
      more: more[i],
      empty: empty[i],
    })),
  };
}
