import { benjaminiHochberg, evidenceSize, testDifference, type EvidenceSize } from './stats/index.js';
import { computeMirror, INTERSECTION_SEPARATOR, type MirrorCell } from './funnel.js';
import { fromColumns, type PersonTable } from './person-table.js';
import { groupLabel, type GroundDef } from './grounds.js';
import type { ProtectionRules } from './disclosure.js';
import { CLEAR_P } from './clear.js';

/**
 * The signal band: a ratio between 0.8 and 1.25 (the four-fifths rule and its inverse) is not
 * taken as a signal. Outside it is a reason to look closer, never a verdict.
 */
export const SIGNAL_BAND = { lower: 0.8, upper: 1.25 } as const;
export const outsideBand = (ratio: number | null): boolean =>
  ratio !== null && (ratio < SIGNAL_BAND.lower || ratio > SIGNAL_BAND.upper);

export interface ScanRow {
  /** Ground keys and groups of the subgroup (2 or 3). */
  grounds: string[];
  groups: string[];
  label: string;
  n: number;
  reached: number;
  rate: number;
  /** Rate against everyone else outside the subgroup, with its interval. */
  ratio: number;
  ratioLower: number | null;
  ratioUpper: number | null;
  /** Rate against each "parent": the subgroup with one ground fewer (its own rate shown). */
  parents: { label: string; rate: number; ratio: number; p: number }[];
  /** Largest p of all tests (everyone else and each parent): an intersection–union test. */
  p: number;
  /** Benjamini–Hochberg adjusted over the whole scan. */
  pAdjusted: number;
  evidence: EvidenceSize;
  /** Clear: adjusted p < 0.05 and outside the band against everyone else and every parent. */
  signal: boolean;
}

export interface ScanResult {
  stage: string;
  grounds: string[];
  /** Subgroups tested (published, not hidden, with a known value on every ground). */
  tested: number;
  /** The subgroups with a signal, strongest first, and after them the largest differences without one. */
  rows: ScanRow[];
  minimumEffect: typeof SIGNAL_BAND;
  protection: { base: number; threshold: number } | null;
}

/** All combinations of k of the keys, in order. */
export function combinations<T>(keys: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  keys.forEach((key, i) => {
    for (const rest of combinations(keys.slice(i + 1), k - 1)) out.push([key, ...rest]);
  });
  return out;
}

/** The table with only one stage, so the mirror of hundreds of intersections stays quick. */
function oneStage(table: PersonTable, stage: string): PersonTable {
  const s = table.stages.indexOf(stage);
  if (s < 0) throw new RangeError(`unknown stage "${stage}"`);
  const masks = new Uint32Array(table.size);
  for (let i = 0; i < table.size; i++) masks[i] = (table.distinctMasks[table.maskIds[i]] >> s) & 1;
  return fromColumns(table.size, [stage], table.grounds, masks, table.keys);
}

/**
 * The test of a difference on published (rounded) counts, taken at counts moved `slack`
 * towards no difference, as the mirror's own tests (funnel.ts fillComparison).
 */
export function protectedTest(x: number, n: number, x2: number, n2: number, slack: number): number {
  const share = (x + x2) / (n + n2);
  const toward = (v: number, target: number, size: number) =>
    Math.round(Math.min(size, Math.max(0, Math.min(v + slack, Math.max(v - slack, target)))));
  return testDifference(toward(x, n * share, n), n, toward(x2, n2 * share, n2), n2).p;
}

const cellKey = (keys: readonly string[], groups: readonly string[]) =>
  keys.map((k, i) => `${k}=${groups[i]}`).join('|');

/**
 * Subgroup scan: every intersection of 2 and 3 of the given grounds, each subgroup against
 * everyone else and against each of its parents (the subgroup with one ground fewer), all on
 * the published counts of the protected mirror (rounded by cell key, small cells hidden). A
 * subgroup has a signal when its rate differs from everyone else's and from every parent's by
 * more than the band 0.8–1.25 and the largest p of those tests survives Benjamini–Hochberg
 * over the whole scan. Against the parents means: a subgroup is not shown because one of its
 * grounds alone explains the difference (45+ × anything is not news when 45+ is).
 */
export function subgroupScan(
  table: PersonTable,
  stage: string,
  groundKeys: readonly string[],
  protection: ProtectionRules,
  defs: ReadonlyMap<string, GroundDef>,
  limit = 25,
): ScanResult {
  const t = oneStage(table, stage);
  const groupings = [1, 2, 3].flatMap((k) => combinations(groundKeys, k));
  const mirror = computeMirror(t, groupings, { protection });
  const byKey = new Map<string, MirrorCell>();
  for (const c of mirror.cells) byKey.set(cellKey(c.ground.split(INTERSECTION_SEPARATOR), c.groups), c);
  const label = (keys: readonly string[], groups: readonly string[]) =>
    keys.map((k, i) => `${defs.get(k)?.label ?? k}: ${groupLabel(defs.get(k)!, groups[i])}`).join(' × ');
  const candidates: Omit<ScanRow, 'pAdjusted' | 'signal'>[] = [];
  for (const c of mirror.cells) {
    const keys = c.ground.split(INTERSECTION_SEPARATOR);
    if (keys.length < 2 || c.unknown || c.suppressed || c.p === null || c.ratio === null) continue;
    if (c.nPopulation === null || c.nStage === null || c.rate === null) continue;
    const parents: ScanRow['parents'] = [];
    let complete = true;
    keys.forEach((_, drop) => {
      const pk = keys.filter((_, i) => i !== drop);
      const pg = c.groups.filter((_, i) => i !== drop);
      const parent = byKey.get(cellKey(pk, pg));
      if (!parent || parent.suppressed || parent.nPopulation === null || parent.nStage === null) {
        complete = false;
        return;
      }
      const n2 = parent.nPopulation - c.nPopulation!,
        x2 = parent.nStage - c.nStage!;
      if (n2 < protection.threshold || x2 < 0 || x2 > n2) {
        complete = false;
        return;
      }
      const rate2 = x2 / n2;
      parents.push({
        label: label(pk, pg),
        rate: (100 * parent.nStage) / parent.nPopulation,
        ratio: rate2 > 0 ? c.nStage! / c.nPopulation! / rate2 : Infinity,
        p: protectedTest(c.nStage!, c.nPopulation!, x2, n2, protection.testSlack),
      });
    });
    if (!complete) continue;
    const others = { n: mirror.population - c.nPopulation, x: 0 };
    const total = mirror.totals[0].reached;
    if (total === null) continue;
    others.x = total - c.nStage;
    candidates.push({
      grounds: keys,
      groups: [...c.groups],
      label: label(keys, c.groups),
      n: c.nPopulation,
      reached: c.nStage,
      rate: c.rate,
      ratio: c.ratio,
      ratioLower: c.ratioLower,
      ratioUpper: c.ratioUpper,
      parents,
      p: Math.max(c.p, ...parents.map((p) => p.p)),
      evidence: evidenceSize(c.nPopulation, others.n, others.n > 0 ? others.x / others.n : 0),
    });
  }
  const adjusted = benjaminiHochberg(candidates.map((c) => c.p));
  const rows: ScanRow[] = candidates.map((c, i) => ({
    ...c,
    pAdjusted: adjusted[i],
    signal: adjusted[i] < CLEAR_P && outsideBand(c.ratio) && c.parents.every((p) => outsideBand(p.ratio)),
  }));
  // strongest first: signals, then by the interval bound nearest to 1 (large and certain)
  const strength = (r: ScanRow) => {
    const bound = r.ratio >= 1 ? (r.ratioLower ?? r.ratio) : 1 / (r.ratioUpper ?? r.ratio);
    return Math.log(Math.max(bound, 1e-9));
  };
  rows.sort((a, b) => Number(b.signal) - Number(a.signal) || strength(b) - strength(a));
  return {
    stage,
    grounds: [...groundKeys],
    tested: rows.length,
    rows: rows.slice(0, limit),
    minimumEffect: SIGNAL_BAND,
    protection: { base: protection.base, threshold: protection.threshold },
  };
}
