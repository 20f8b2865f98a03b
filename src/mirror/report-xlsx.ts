import type { ColumnKind, MirrorReport } from './report-model.js';
import { reportTexts } from './report-texts.js';

/** Excel display formats per column kind; the cell holds the number itself. */
const NUMBER_FORMAT: Record<Exclude<ColumnKind, 'text'>, string> = {
  count: '#,##0',
  pct: '0.0',
  points: '+0.0;-0.0;0.0',
  ratio: '0.00',
  p: '0.000',
};

/** Sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (s: string): string => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/**
 * The report as an Excel workbook (exceljs: maintained, MIT, already used by the import, writes
 * real number cells with formats): a sheet "Verhaal" with the story and method notes, then one
 * sheet per table with column labels in the report's language, numbers as numbers with a display format, hidden
 * values as the text shown on screen ("< 10", "x"), and the table's notes below it.
 */
export async function reportToXlsx(report: MirrorReport): Promise<Buffer> {
  const tx = reportTexts(report.lang);
  // loaded when a workbook is asked for: the module takes half a second to load
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kansenspiegel';
  wb.title = `${report.title} ${report.municipality} ${report.period}`;
  const story = wb.addWorksheet(tx.sheet.story);
  story.getColumn(1).width = 120;
  story.addRow([`${report.title} ${report.municipality}, ${report.period}, ${report.scope}, ${report.ground}`]).font = {
    bold: true,
    size: 14,
  };
  story.addRow([tx.madeOn(report.generatedOn)]);
  story.addRow([report.narrative.headline]).font = { bold: true };
  for (const s of report.narrative.sections) {
    story.addRow([]);
    story.addRow([s.title]).font = { bold: true };
    for (const x of s.sentences) story.addRow([x]).alignment = { wrapText: true };
  }
  story.addRow([]);
  story.addRow([tx.methodTitle]).font = { bold: true };
  for (const n of report.methodNotes) story.addRow([n]).alignment = { wrapText: true };

  for (const t of report.tables) {
    const ws = wb.addWorksheet(sheetName(t.name));
    ws.addRow([t.title]).font = { bold: true };
    const header = ws.addRow(t.columns.map((c) => c.label));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    t.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.kind === 'text' ? 34 : 16;
    });
    for (const row of t.rows) {
      const r = ws.addRow(row);
      row.forEach((v, i) => {
        const kind = t.columns[i].kind;
        const cell = r.getCell(i + 1);
        if (typeof v === 'number' && kind !== 'text') cell.numFmt = NUMBER_FORMAT[kind];
        else if (kind !== 'text') cell.alignment = { horizontal: 'right' };
      });
    }
    ws.views = [{ state: 'frozen', ySplit: 2 }];
    for (const n of t.notes) {
      ws.addRow([]);
      ws.addRow([n]).alignment = { wrapText: false };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
