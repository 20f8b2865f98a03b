import { benjaminiHochberg, riskRatio, testDifference, wilsonInterval } from './stats/index.js';
import { UNKNOWN, groundDef, type GroundDef } from './grounds.js';
import { countGroups, type PersonTable } from './person-table.js';
import { decideSuppression, type SuppressionReason } from './suppression.js';

export const DEFAULT_THRESHOLD = 10;
export const INTERSECTION_SEPARATOR = ' × ';

/** One ground (or intersection) × group × stage of the mirror. Percentages are 0–100, unrounded. */
export interface MirrorCell {
  /** Ground key, or keys joined with ' × ' for an intersection. */
  ground: string;
  /** Group, or groups joined with ' × '. */
  group: string;
  groups: readonly string[];
  stage: string;
  /** True when any part of the group is unknown: counted, never in shares, ratios or tests. */
  unknown: boolean;
  nPopulation: number | null;
  nStage: number | null;
  /** Share of the population (of those with a known value) that is in this group. */
  sharePopulation: number | null;
  /** Share of those who reached the stage (with a known value) that is in this group. */
  shareStage: number | null;
  /** shareStage − sharePopulation, in percentage points (how CBS Table 2.1 is read). */
  differencePp: number | null;
  rate: number | null;
  rateLower: number | null;
  rateUpper: number | null;
  /** Rate of this group divided by the rate of everyone else (known values), 95% Katz interval. */
  ratio: number | null;
  ratioLower: number | null;
  ratioUpper: number | null;
  /** Rate divided by the reference group's rate (single grounds with a reference only). */
  reference: string | null;
  ratioReference: number | null;
  ratioReferenceLower: number | null;
  ratioReferenceUpper: number | null;
  test: 'chi-square' | 'fisher' | null;
  p: number | null;
  /** Benjamini–Hochberg adjusted over all groups and grounds of this stage in this mirror. */
  pAdjusted: number | null;
  suppressed: SuppressionReason;
}

export interface StageTotal {
  stage: string;
  reached: number | null;
  rate: number | null;
  suppressed: SuppressionReason;
}

export interface MirrorResult {
  threshold: number;
  population: number;
  stages: readonly string[];
  groupings: readonly string[];
  totals: StageTotal[];
  cells: MirrorCell[];
}

export interface MirrorOptions {
  /** Counts below this are never output (default 10). */
  threshold?: number;
  /** Reference group per ground key (default: the ground's own reference). */
  references?: Readonly<Record<string, string>>;
  /** Extra ground definitions (e.g. from an extract's own columns). */
  extraGrounds?: readonly GroundDef[];
}

const pct = (x: number) => x * 100;

/**
 * The whole mirror for a population: for every grouping (one ground, or an intersection of two
 * or three) and every stage, composition, rate, ratios, a test and the BH-adjusted p-value, with
 * small numbers suppressed before anything leaves this function.
 */
export function computeMirror(table: PersonTable, groupings: readonly (readonly string[])[], options: MirrorOptions = {}): MirrorResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`threshold must be a whole number ≥ 1, got ${threshold}`);
  const S = table.stages.length;
  const cells: MirrorCell[] = [];

  // overall stage totals
  const totalReached = new Array<number>(S).fill(0);
  const mask = table.distinctMasks;
  const perMask = new Uint32Array(mask.length);
  for (let i = 0; i < table.size; i++) perMask[table.maskIds[i]]++;
  for (let j = 0; j < mask.length; j++) for (let s = 0; s < S; s++) if (mask[j] & (1 << s)) totalReached[s] += perMask[j];
  const totals: StageTotal[] = table.stages.map((stage, s) => {
    const small = totalReached[s] < threshold || table.size - totalReached[s] < threshold;
    return {
      stage,
      reached: small ? null : totalReached[s],
      rate: small || table.size === 0 ? null : pct(totalReached[s] / table.size),
      suppressed: small ? 'klein-aantal' : null,
    };
  });

  for (const keys of groupings) {
    const defs = keys.map((k) => {
      const col = table.grounds.get(k);
      if (!col) throw new RangeError(`unknown ground "${k}"`);
      return col.def;
    });
    // known groups first, any cell with an unknown part last (the grid stays complete)
    const raw = countGroups(table, keys);
    const order = raw.map((_, i) => i).sort((a, b) => Number(raw[a].groups.includes(UNKNOWN)) - Number(raw[b].groups.includes(UNKNOWN)) || a - b);
    const counts = order.map((i) => raw[i]);
    const radix = defs.map((d) => d.groups.length + 1);
    const rawSupp = decideSuppression(raw, radix, S, threshold);
    const supp = { population: order.map((i) => rawSupp.population[i]), stage: order.map((i) => rawSupp.stage[i]) };
    const isUnknown = counts.map((c) => c.groups.includes(UNKNOWN));
    const single = keys.length === 1;
    const refGroup = single ? (options.references?.[keys[0]] ?? defs[0].reference ?? null) : null;
    const refIndex = refGroup === null ? -1 : counts.findIndex((c) => c.groups[0] === refGroup);

    let knownPop = 0, totalPop = 0;
    const knownStage = new Array<number>(S).fill(0);
    const allStage = new Array<number>(S).fill(0);
    counts.forEach((c, i) => {
      totalPop += c.population;
      for (let s = 0; s < S; s++) allStage[s] += c.reached[s];
      if (isUnknown[i]) return;
      knownPop += c.population;
      for (let s = 0; s < S; s++) knownStage[s] += c.reached[s];
    });
    // When an unknown cell is hidden, shares are taken over everyone, so that the number
    // unknown cannot be worked back from the percentages.
    const unknownHiddenPop = counts.some((_, i) => isUnknown[i] && supp.population[i] !== null);
    const unknownHiddenStage = table.stages.map((_, st) =>
      counts.some((_, k) => isUnknown[k] && (supp.stage[k][st] !== null || supp.population[k] !== null)));

    counts.forEach((c, i) => {
      for (let s = 0; s < S; s++) {
        const hidden = supp.stage[i][s] ?? supp.population[i];
        const base: MirrorCell = {
          ground: keys.join(INTERSECTION_SEPARATOR),
          group: c.groups.join(INTERSECTION_SEPARATOR),
          groups: c.groups,
          stage: table.stages[s],
          unknown: isUnknown[i],
          nPopulation: null, nStage: null, sharePopulation: null, shareStage: null, differencePp: null,
          rate: null, rateLower: null, rateUpper: null, ratio: null, ratioLower: null, ratioUpper: null,
          reference: refGroup, ratioReference: null, ratioReferenceLower: null, ratioReferenceUpper: null,
          test: null, p: null, pAdjusted: null, suppressed: hidden,
        };
        if (hidden !== null) {
          // The group's size may still be shown when only this stage is hidden.
          if (supp.population[i] === null) base.nPopulation = c.population;
          cells.push(base);
          continue;
        }
        const n = c.population;
        const x = c.reached[s];
        base.nPopulation = n;
        base.nStage = x;
        if (n > 0) {
          const w = wilsonInterval(x, n);
          base.rate = pct(w.estimate);
          base.rateLower = pct(w.lower);
          base.rateUpper = pct(w.upper);
        }
        if (!isUnknown[i] && n > 0) {
          const popDen = unknownHiddenPop ? totalPop : knownPop;
          const stageDen = unknownHiddenStage[s] ? allStage[s] : knownStage[s];
          base.sharePopulation = popDen > 0 ? pct(n / popDen) : null;
          base.shareStage = stageDen > 0 ? pct(x / stageDen) : null;
          base.differencePp = base.sharePopulation !== null && base.shareStage !== null ? base.shareStage - base.sharePopulation : null;
          const n2 = knownPop - n;
          const x2 = knownStage[s] - x;
          if (n2 > 0) {
            const rr = riskRatio(x, n, x2, n2);
            base.ratio = rr.ratio;
            base.ratioLower = rr.lower;
            base.ratioUpper = rr.upper;
            const t = testDifference(x, n, x2, n2);
            base.test = t.method;
            base.p = t.p;
          }
          if (refIndex >= 0 && refIndex !== i && supp.stage[refIndex][s] === null && supp.population[refIndex] === null && counts[refIndex].population > 0) {
            const rr = riskRatio(x, n, counts[refIndex].reached[s], counts[refIndex].population);
            base.ratioReference = rr.ratio;
            base.ratioReferenceLower = rr.lower;
            base.ratioReferenceUpper = rr.upper;
          }
        }
        cells.push(base);
      }
    });
  }

  // Benjamini–Hochberg per stage, over all groups and grounds compared in this mirror.
  for (const stage of table.stages) {
    const family = cells.filter((c) => c.stage === stage && c.p !== null);
    const adjusted = benjaminiHochberg(family.map((c) => c.p as number));
    family.forEach((c, k) => { c.pAdjusted = adjusted[k]; });
  }

  return { threshold, population: table.size, stages: table.stages, groupings: groupings.map((g) => g.join(INTERSECTION_SEPARATOR)), totals, cells };
}

/** Label of a (possibly intersected) ground key. */
export function groupingLabel(key: string, extra: readonly GroundDef[] = []): string {
  return key.split(INTERSECTION_SEPARATOR).map((k) => groundDef(k, extra)?.label ?? k).join(INTERSECTION_SEPARATOR);
}

/** All pairs of the given grounds (for "every 2-way intersection"). */
export function pairsOf(keys: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) out.push([keys[i], keys[j]]);
  return out;
}
