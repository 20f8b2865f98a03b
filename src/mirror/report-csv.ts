import type { MirrorResult } from './funnel.js';
import { DECIMALS, type MirrorReport } from './report-model.js';
import { reportTexts } from './report-texts.js';

export const CSV_COLUMNS = [
  'kenmerk',
  'groep',
  'fase',
  'n_populatie',
  'n_fase',
  'aandeel_populatie',
  'aandeel_fase',
  'verschil_pp',
  'kans',
  'kans_onder',
  'kans_boven',
  'ratio',
  'ratio_onder',
  'ratio_boven',
  'p',
  'p_bh',
  'onderdrukt',
] as const;

const num = (v: number | null): string => (v === null || !Number.isFinite(v) ? '' : String(v));

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One row per ground × group × stage; percentages unrounded (0–100); numbers empty where the
 * cell is suppressed (onderdrukt = klein-aantal: under the threshold; secundair: hidden to
 * protect another cell) or not defined (e.g. no ratio for the unknown group).
 */
export function mirrorToCsv(result: MirrorResult): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of result.cells) {
    lines.push(
      [
        quote(c.ground),
        quote(c.group),
        quote(c.stage),
        num(c.nPopulation),
        num(c.nStage),
        num(c.sharePopulation),
        num(c.shareStage),
        num(c.differencePp),
        num(c.rate),
        num(c.rateLower),
        num(c.rateUpper),
        num(c.ratio),
        num(c.ratioLower),
        num(c.ratioUpper),
        num(c.p),
        num(c.pAdjusted),
        c.suppressed === null ? 'nee' : c.suppressed,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The report for Excel: UTF-8 with a byte-order mark, labelled headers, numbers rounded as on
 * screen (no thousands separator, so Excel reads them as numbers). Dutch: ";" between fields and a
 * decimal comma, as Dutch Excel expects. English: "," between fields and a decimal point, as
 * English Excel expects. One block per table with its title above and its notes below,
 * separated by an empty line.
 */
export function reportToCsv(report: MirrorReport): string {
  const tx = reportTexts(report.lang);
  const en = report.lang === 'en';
  const sep = en ? ',' : ';';
  const quote = (value: string): string =>
    value.includes(sep) || /["\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const lines: string[] = [
    quote(`${report.title} ${report.municipality}, ${report.period}, ${report.scope}, ${report.ground}`),
    quote(tx.madeOn(report.generatedOn)),
  ];
  for (const t of report.tables) {
    lines.push('', quote(t.title), t.columns.map((c) => quote(c.label)).join(sep));
    for (const row of t.rows)
      lines.push(
        row
          .map((v, i) => {
            const kind = t.columns[i].kind;
            if (typeof v === 'string' || kind === 'text') return quote(String(v));
            const text = v.toFixed(DECIMALS[kind]);
            return en ? text : text.replace('.', ',');
          })
          .join(sep),
      );
    for (const n of t.notes) lines.push(quote(n));
  }
  lines.push('', quote(tx.methodTitle), ...report.methodNotes.map(quote));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
