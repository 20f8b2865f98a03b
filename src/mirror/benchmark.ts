import { readFileSync } from 'node:fs';
import type { MirrorResult } from './funnel.js';
import { testDifference } from './stats/difference-test.js';

/** One row of CBS Table 2.1 (national, 2018). */
export interface NationalRow {
  ground: string;
  group: string;
  population: number;
  withProvision: number;
  employed1m: number;
  employed6m: number;
}

/** Reads reference/cbs-kansenspiegel-2018.csv (or another file of the same columns). */
export function readNationalFigures(
  path = new URL('../../../reference/cbs-kansenspiegel-2018.csv', import.meta.url),
): NationalRow[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = readFileSync(new URL('../../reference/cbs-kansenspiegel-2018.csv', import.meta.url), 'utf8');
  }
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (header.trim() !== 'ground,group,population,with_provision,employed_1m,employed_6m') {
    throw new Error(`unexpected header in national figures: ${header}`);
  }
  return lines.map((line) => {
    const [ground, group, population, withProvision, employed1m, employed6m] = line.split(',');
    return {
      ground,
      group,
      population: +population,
      withProvision: +withProvision,
      employed1m: +employed1m,
      employed6m: +employed6m,
    };
  });
}

/** How the national groups map onto the mirror's grounds and groups. */
const MAPPING: Record<string, { ground: string; groups: Record<string, string[]> }> = {
  gender: { ground: 'geslacht', groups: { vrouw: ['vrouw'], man: ['man'] } },
  age: {
    ground: 'leeftijd',
    groups: { '26 jaar of jonger': ['t/m 26'], '27 tot 45 jaar': ['27-44'], '45 tot AOW-leeftijd': ['45+'] },
  },
  migration_background: {
    ground: 'migratieachtergrond',
    groups: { 'niet-westers': ['niet-westers'], westers: ['westers'], nederlands: ['nederlands'] },
  },
  household: {
    ground: 'huishouden',
    groups: {
      eenouderhuishouden: ['eenouder'],
      eenpersoonshuishouden: ['alleenstaand'],
      '(on)gehuwde paren': ['paar_met_kinderen', 'paar_zonder_kinderen'],
      'overig/institutioneel/onbekend': ['overig'],
    },
  },
};

const STAGE_OF: Record<'withProvision' | 'employed1m' | 'employed6m', string> = {
  withProvision: 'voorziening',
  employed1m: 'werkzaam_1m',
  employed6m: 'werkzaam_6m',
};

export interface BenchmarkRow {
  ground: string;
  nationalGroup: string;
  groups: string[];
  stage: string;
  /** Composition difference (share of stage − share of population), points. */
  localDifferencePp: number | null;
  nationalDifferencePp: number;
  /** Local rate vs the national rate, percent. */
  localRate: number | null;
  nationalRate: number;
}

/**
 * Compares the municipality's composition differences and rates with the national 2018 figures,
 * for the stages both have (voorziening, werkzaam ≥ 1 and ≥ 6 months). Local cells that are
 * suppressed stay null. Where national groups combine local ones (couples), counts are summed.
 */
let nationalFigures: NationalRow[] | null = null;

/** The national figures, read from the reference file once per process. */
export function nationalFiguresOnce(): readonly NationalRow[] {
  nationalFigures ??= readNationalFigures();
  return nationalFigures;
}

export function compareWithNational(
  result: MirrorResult,
  national: readonly NationalRow[] = nationalFiguresOnce(),
): BenchmarkRow[] {
  const out: BenchmarkRow[] = [];
  for (const [natGround, map] of Object.entries(MAPPING)) {
    if (!result.groupings.includes(map.ground)) continue;
    const rows = national.filter((r) => r.ground === natGround);
    const natPop = rows.reduce((a, r) => a + r.population, 0);
    for (const [field, stage] of Object.entries(STAGE_OF) as [
      'withProvision' | 'employed1m' | 'employed6m',
      string,
    ][]) {
      if (!result.stages.includes(stage)) continue;
      const natStage = rows.reduce((a, r) => a + r[field], 0);
      for (const r of rows) {
        const localGroups = map.groups[r.group];
        const cells = result.cells.filter(
          (c) => c.ground === map.ground && c.stage === stage && localGroups.includes(c.group),
        );
        const complete =
          cells.length === localGroups.length && cells.every((c) => c.suppressed === null && c.nPopulation !== null);
        const share = (k: 'sharePopulation' | 'shareStage') => cells.reduce((a, c) => a + (c[k] ?? 0), 0);
        const n = cells.reduce((a, c) => a + (c.nPopulation ?? 0), 0);
        const x = cells.reduce((a, c) => a + (c.nStage ?? 0), 0);
        out.push({
          ground: map.ground,
          nationalGroup: r.group,
          groups: localGroups,
          stage,
          localDifferencePp: complete ? share('shareStage') - share('sharePopulation') : null,
          nationalDifferencePp: 100 * (r[field] / natStage - r.population / natPop),
          localRate: complete && n > 0 ? (100 * x) / n : null,
          nationalRate: (100 * r[field]) / r.population,
        });
      }
    }
  }
  return out;
}

export interface PeriodComparisonRow {
  ground: string;
  group: string;
  stage: string;
  /** Rates (percent) here and in the other period or team; null where either cell is suppressed. */
  rate: number | null;
  otherRate: number | null;
  /** Composition differences (points) here and there. */
  differencePp: number | null;
  otherDifferencePp: number | null;
  /** Change in rate (points) and a test of it (two independent groups of people). */
  change: number | null;
  test: 'chi-square' | 'fisher' | null;
  p: number | null;
}

/**
 * Compares a mirror with the same mirror for another period or team, group by group. Only cells
 * released by both (not suppressed) are compared; the test treats the two as independent samples
 * (people who are in both periods make it conservative).
 */
export function compareResults(current: MirrorResult, other: MirrorResult): PeriodComparisonRow[] {
  const key = (c: { ground: string; group: string; stage: string }) => `${c.ground}|${c.group}|${c.stage}`;
  const byKey = new Map(other.cells.map((c) => [key(c), c]));
  return current.cells
    .filter((c) => !c.unknown)
    .map((c) => {
      const o = byKey.get(key(c));
      const both = o && c.nStage !== null && c.nPopulation && o.nStage !== null && o.nPopulation;
      const t = both ? testDifference(c.nStage!, c.nPopulation!, o.nStage!, o.nPopulation!) : null;
      return {
        ground: c.ground,
        group: c.group,
        stage: c.stage,
        rate: c.rate,
        otherRate: o?.rate ?? null,
        differencePp: c.differencePp,
        otherDifferencePp: o?.differencePp ?? null,
        change: both ? c.rate! - o.rate! : null,
        test: t?.method ?? null,
        p: t?.p ?? null,
      };
    });
}

export { NATIONAL_CAVEAT } from './caveats.js';
