import type { MirrorResult } from './funnel.js';

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
