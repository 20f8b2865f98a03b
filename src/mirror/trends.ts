import { riskDifference } from './stats/index.js';
import { comparisonTable, EVERYONE_ELSE, type ComparisonRow } from './comparison.js';
import type { PersonTable } from './person-table.js';
import type { ProtectionRules } from './disclosure.js';

/** SRG (the national statistics of reintegration instruments) became a transaction system in January 2023. */
export const SRG_TREND_BREAK = '2023-01-01';
export const SRG_TREND_NOTE =
  'Let op: in januari 2023 is de landelijke statistiek re-integratievoorzieningen (SRG) een transactiesysteem geworden. Landelijke SRG-cijfers van vóór en na die datum zijn niet zonder meer te vergelijken (trendbreuk).';

export interface TrendPeriod {
  label: string;
  from: string;
  to: string;
  table: PersonTable;
}

export interface TrendCell {
  period: string;
  row: ComparisonRow;
  /** Change in rate (percentage points) since the period before, with its 95% Newcombe interval. */
  change: { difference: number; lower: number; upper: number } | null;
}

export interface Trend {
  stage: string;
  ground: string;
  periods: string[];
  groups: { group: string; label: string; cells: TrendCell[] }[];
  /** Notes for the reader, e.g. the SRG trend break. */
  notes: string[];
}

/**
 * The same comparison table over consecutive periods (years or quarters), and per group the
 * change in rate since the period before with its interval; from published counts only.
 */
export function trend(
  periods: readonly TrendPeriod[],
  stage: string,
  ground: string,
  protection: ProtectionRules,
  /** The span asked for (periods without enough people are left out, but the note still applies). */
  span: { from: string; to: string } = { from: periods[0]?.from ?? '', to: periods.at(-1)?.to ?? '' },
): Trend {
  const tables = periods.map((p) => comparisonTable(p.table, stage, ground, EVERYONE_ELSE, protection));
  const groups = new Map<string, { group: string; label: string; cells: TrendCell[] }>();
  tables.forEach((t, i) => {
    for (const row of t.rows) {
      const g = groups.get(row.group) ?? { group: row.group, label: row.label, cells: [] };
      const before = i > 0 ? tables[i - 1].rows.find((r) => r.group === row.group) : undefined;
      let change: TrendCell['change'] = null;
      if (before && before.n && row.n && before.reached !== null && row.reached !== null) {
        const d = riskDifference(row.reached, row.n, before.reached, before.n);
        change = { difference: 100 * d.difference, lower: 100 * d.lower, upper: 100 * d.upper };
      }
      g.cells.push({ period: periods[i].label, row, change });
      groups.set(row.group, g);
    }
  });
  const notes: string[] = [];
  const crossesBreak = span.from < SRG_TREND_BREAK && span.to >= SRG_TREND_BREAK;
  if (stage.startsWith('voorziening') && crossesBreak) notes.push(SRG_TREND_NOTE);
  return { stage, ground, periods: periods.map((p) => p.label), groups: [...groups.values()], notes };
}
