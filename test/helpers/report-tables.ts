import type ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';

/**
 * Reading the mirror's tables from the screen and from its four exports, into comparable facts:
 * a key (group, stage, column) and the values in it, numbers normalised ("1.234" → "1234",
 * "26,1%" → "26.1", "−3,0" → "-3"), markers kept ("< 10" → "<10", "x", "–").
 */

export type Facts = Map<string, string[]>;

export interface ScreenTable {
  columns: string[];
  rows: { header: string; cells: string[] }[];
}

const NUMBER = /([+\-−]?)(\d[\d.]*(?:,\d+)?)/g;

/** The numbers of a cell as written (without sign), for finding them in the PDF's text. */
export const rawNumbers = (text: string): string[] => [...text.matchAll(NUMBER)].map((m) => m[2]);

/**
 * The values of one cell as the page (Dutch) or a Dutch file writes it: as numbers, or (exact)
 * with the decimals as written, so that "26,10" differs from "26,1".
 */
export function tokens(text: string, exact = false): string[] {
  const t = text.replace(/\*/g, '').trim();
  const below = /^<\s*(\d+(?:,\d+)?)$/.exec(t);
  if (below) return [`<${below[1].replace(',', '.')}`];
  const numbers = [...t.matchAll(NUMBER)].map((m) => {
    const written = m[2].replace(/\./g, '').replace(',', '.');
    const negative = m[1] === '-' || m[1] === '−';
    if (exact) return `${negative ? '-' : ''}${written}`;
    return String(negative ? -Number(written) : Number(written));
  });
  return numbers.length ? numbers : [t];
}

/** A value from a spreadsheet cell: numbers as they are, text as tokens. */
export const cellTokens = (v: unknown, exact = false): string[] =>
  typeof v === 'number' ? [String(v)] : tokens(String(v ?? ''), exact);

/** Three times "< 10" under one hidden cell of the page is one "< 10". */
export function collapse(values: string[]): string[] {
  const numeric = values.some((v) => /^-?\d/.test(v));
  return !numeric && values.length > 1 && values.every((v) => v === values[0]) ? [values[0]] : values;
}

export interface TableSpec {
  /** The section's name in the Dutch exports: sheet, heading. */
  name: string;
  /** data-testid of the page's table(s). */
  screen: string[];
  /** The fact key of a screen cell, or null when the cell is part of the key. */
  screenKey(header: string, cells: string[], columns: string[], i: number): string | null;
  /** The facts in one export row: key and the columns that hold its values. */
  exportKeys(row: string[]): [string, number[]][];
}

const perGroupAndStage: Pick<TableSpec, 'screenKey' | 'exportKeys'> = {
  // rate view: count, then per stage "rate (lower–upper)"; the file has a row per group and stage
  screenKey: (h, _c, cols, i) => (i === 0 ? h : `${h}|${cols[i + 1].split(':')[0]}`),
  exportKeys: (r) => [
    [r[1], [3]],
    [`${r[1]}|${r[2]}`, [7, 8, 9]],
  ],
};

export const TABLES: TableSpec[] = [
  {
    name: 'Trechter',
    screen: ['funnel-table'],
    screenKey: (h, _c, _cols, i) => `${h}#${i}`,
    exportKeys: (r) => [
      [`${r[0]}#0`, [2]],
      [`${r[0]}#1`, [3]],
    ],
  },
  { name: 'Per groep', screen: ['groups-table'], ...perGroupAndStage },
  {
    name: 'Kwaliteit',
    screen: ['quality-table'],
    screenKey: (h, _c, _cols, i) => `${h}#${i}`,
    exportKeys: (r) => [
      [`${r[0]}#0`, [1]],
      [`${r[0]}#1`, [2]],
    ],
  },
  {
    name: 'Nederland',
    screen: ['national-leeftijd-table', 'national-geslacht-table'],
    screenKey: (h, c, _cols, i) => (i === 0 ? null : `${h}|${c[0]}#${i}`),
    exportKeys: (r) => [1, 2, 3, 4].map((i): [string, number[]] => [`${r[1]}|${r[2]}#${i}`, [i + 2]]),
  },
  {
    name: 'Rekening houdend met',
    screen: ['adjusted-table'],
    screenKey: (h, _c, _cols, i) => `${h}#${i}`,
    exportKeys: (r) => [
      [`${r[0]}#0`, [1]],
      [`${r[0]}#1`, [2]],
      [`${r[0]}#2`, [3, 4, 5]],
      [`${r[0]}#3`, [6, 7, 8]],
      [`${r[0]}#4`, [9]],
    ],
  },
  { name: 'Aandacht', screen: ['attention-groups-table', 'attention-team-table'], ...perGroupAndStage },
];

export async function readScreenTable(page: Page, testId: string): Promise<ScreenTable> {
  const table = page.getByTestId(testId).locator('table');
  const columns = await table.locator('thead th').allInnerTexts();
  const rows = [];
  for (const row of await table.locator('tbody tr').all())
    rows.push({ header: await row.locator('th').innerText(), cells: await row.locator('td').allInnerTexts() });
  return { columns, rows };
}

/** Facts from the page's tables: as numbers, with the decimals as written, and as written (for the PDF). */
export function screenFacts(
  tables: ScreenTable[],
  spec: TableSpec,
): { facts: Facts; exact: Facts; raw: Map<string, string[]> } {
  const facts: Facts = new Map();
  const exact: Facts = new Map();
  const raw = new Map<string, string[]>();
  for (const t of tables)
    for (const r of t.rows)
      r.cells.forEach((cell, i) => {
        const key = spec.screenKey(r.header, r.cells, t.columns, i);
        if (key === null) return;
        facts.set(key, collapse(tokens(cell)));
        exact.set(key, collapse(tokens(cell, true)));
        raw.set(key, rawNumbers(cell.replace(/^<\s*\d+$/, '')));
      });
  return { facts, exact, raw };
}

/**
 * Facts from an export's rows (cells already split), as numbers or (exact, for text files) with
 * the decimals as written; a key seen twice with other values is marked.
 */
export function exportFacts(rows: unknown[][], spec: TableSpec, exact = false): Facts {
  const facts: Facts = new Map();
  for (const row of rows) {
    const text = row.map((v) => String(v ?? ''));
    for (const [key, cols] of spec.exportKeys(text)) {
      const values = collapse(cols.flatMap((c) => cellTokens(row[c], exact)));
      const before = facts.get(key);
      if (before && before.join('|') !== values.join('|')) facts.set(`${key} (twice, differing)`, values);
      else facts.set(key, values);
    }
  }
  return facts;
}

/** Sorted, for a readable deepEqual. */
export const sorted = (f: Facts): Record<string, string[]> =>
  Object.fromEntries([...f.entries()].sort(([a], [b]) => a.localeCompare(b)));

/** A sheet's table rows: under the title and header, the rows with more than one value (not the notes). */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row, i) => {
    if (i <= 2) return;
    const values = (row.values as unknown[]).slice(1);
    if (values.filter((v) => v !== null && v !== undefined && v !== '').length > 1) rows.push(values);
  });
  return rows;
}

/** Splits one CSV line on the separator, honouring quotes. */
export function splitCsv(line: string, sep: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** The CSV's blocks (separated by empty lines): title, header and the rows as wide as the header. */
export function csvBlocks(csv: string, sep: string): { title: string; header: string[]; rows: string[][] }[] {
  return csv
    .replace(/^\uFEFF/, '')
    .split('\r\n\r\n')
    .slice(1)
    .map((block) => {
      const lines = block.split('\r\n').filter(Boolean);
      const header = splitCsv(lines[1] ?? '', sep);
      const rows = lines
        .slice(2)
        .map((l) => splitCsv(l, sep))
        .filter((f) => f.length === header.length);
      return { title: splitCsv(lines[0], sep)[0], header, rows };
    });
}

/**
 * Finds, in order, every number the screen shows for the rows of one section in the PDF's text
 * (between its heading and the next); returns the numbers not found.
 */
export function missingInPdf(section: string, keysInOrder: string[], raw: Map<string, string[]>): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const key of keysInOrder)
    for (const n of raw.get(key) ?? []) {
      const re = new RegExp(`(?<![\\d,.])${n.replace(/\./g, '\\.')}(?![\\d]|,\\d)`, 'g');
      re.lastIndex = at;
      const m = re.exec(section);
      if (!m) missing.push(`${key}: ${n}`);
      else at = m.index + n.length;
    }
  return missing;
}
