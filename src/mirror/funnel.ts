// The statistics from their own modules, not stats/index.js, which also loads the regressions.
import { benjaminiHochberg } from './stats/multiple-testing.js';
import { riskRatio } from './stats/ratio.js';
import { testDifference } from './stats/difference-test.js';
import { wilsonInterval } from './stats/proportion.js';
import { UNKNOWN, groundDef, type GroundDef } from './grounds.js';
import { groupKeys, totalKeys, type GroupCount, type PersonTable } from './person-table.js';
import { countGroupings } from './count-groupings.js';
import { decideSuppression, type SuppressionReason, type SuppressionResult } from './suppression.js';
import { roundByKey, type ProtectionRules } from './disclosure.js';
import { isClearDifference } from './clear.js';

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
  /** A clear difference with everyone else (clear.ts): the one rule the story, reports and page read. */
  clear: boolean;
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
  /**
   * How the figures were protected: null = exact counts with threshold suppression (the
   * analyst's extract path); otherwise counts rounded to multiples of `base` by cell key, and
   * every share, rate, ratio, interval and test computed from the published counts only.
   */
  protection: { base: number; secondaryLimit: number } | null;
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
  /** Publish protected figures (disclosure.ts); the table must carry record keys. */
  protection?: ProtectionRules;
}

const pct = (x: number) => x * 100;

/**
 * The whole mirror for a population: for every grouping (one ground, or an intersection of two
 * or three) and every stage, composition, rate, ratios, a test and the BH-adjusted p-value, with
 * small numbers suppressed before anything leaves this function.
 */
export function computeMirror(
  table: PersonTable,
  groupings: readonly (readonly string[])[],
  options: MirrorOptions = {},
): MirrorResult {
  const protection = options.protection ?? null;
  const threshold = protection?.threshold ?? options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError(`threshold must be a whole number ≥ 1, got ${threshold}`);
  const S = table.stages.length;
  const cells: MirrorCell[] = [];

  // overall stage totals
  const totalReached = new Array<number>(S).fill(0);
  const mask = table.distinctMasks;
  // rows are ordered by stage set: the people with stage set j are one block
  for (let j = 0; j < mask.length; j++) {
    const people = table.blockStarts[j + 1] - table.blockStarts[j];
    for (let s = 0; s < S; s++) if (mask[j] & (1 << s)) totalReached[s] += people;
  }
  const keysOfAll = protection ? totalKeys(table) : null;
  const publish = (count: number, key: number) => (protection ? roundByKey(count, key, protection.base) : count);
  const population = keysOfAll ? publish(table.size, keysOfAll.population) : table.size;
  const totals: StageTotal[] = table.stages.map((stage, s) => {
    const small = totalReached[s] < threshold || table.size - totalReached[s] < threshold;
    const reached = small ? null : keysOfAll ? publish(totalReached[s], keysOfAll.reached[s]) : totalReached[s];
    return {
      stage,
      reached,
      rate: reached === null || population === 0 ? null : pct(reached / population),
      suppressed: small ? 'klein-aantal' : null,
    };
  });

  // the counts of every grouping at once: pairs and singles share passes over the rows
  const counted = countGroupings(table, groupings);
  groupings.forEach((keys, index) => {
    const defs = keys.map((k) => {
      const col = table.grounds.get(k);
      if (!col) throw new RangeError(`unknown ground "${k}"`);
      return col.def;
    });
    // known groups first, any cell with an unknown part last (the grid stays complete)
    const raw = counted[index];
    const order = raw
      .map((_, i) => i)
      .sort((a, b) => Number(raw[a].groups.includes(UNKNOWN)) - Number(raw[b].groups.includes(UNKNOWN)) || a - b);
    const radix = defs.map((d) => d.groups.length + 1);
    const rawSupp = decideSuppression(raw, radix, S, threshold, protection?.secondaryLimit);
    const grouping: Grouping = {
      keys,
      counts: order.map((i) => raw[i]),
      supp: { population: order.map((i) => rawSupp.population[i]), stage: order.map((i) => rawSupp.stage[i]) },
      reference: keys.length === 1 ? (options.references?.[keys[0]] ?? defs[0].reference ?? null) : null,
    };
    if (protection) {
      const k = groupKeys(table, keys);
      const published: GroupCount[] = order.map((i) => ({
        groups: raw[i].groups,
        population: publish(raw[i].population, k.population[i]),
        reached: raw[i].reached.map((x, s) => publish(x, k.reached[i * S + s])),
      }));
      // Everyone with a known value, published as a count of its own (the key of a union of
      // disjoint cells is the sum of their keys): the base of shares and of "everyone else".
      let n = 0,
        nKey = 0;
      const x = new Array<number>(S).fill(0);
      const xKey = new Array<number>(S).fill(0);
      raw.forEach((c, i) => {
        if (c.groups.includes(UNKNOWN)) return;
        n += c.population;
        nKey = (nKey + k.population[i]) % 4294967296;
        for (let s = 0; s < S; s++) {
          x[s] += c.reached[s];
          xKey[s] = (xKey[s] + k.reached[i * S + s]) % 4294967296;
        }
      });
      const known = { population: publish(n, nKey), reached: x.map((v, s) => publish(v, xKey[s])) };
      cells.push(...protectedCells(grouping, published, known, table.stages, threshold, protection.testSlack));
    } else {
      cells.push(...exactCells(grouping, table.stages));
    }
  });

  // Benjamini–Hochberg per stage, over all groups and grounds compared in this mirror.
  for (const stage of table.stages) {
    const family = cells.filter((c) => c.stage === stage && c.p !== null);
    const adjusted = benjaminiHochberg(family.map((c) => c.p as number));
    family.forEach((c, k) => {
      c.pAdjusted = adjusted[k];
    });
  }
  for (const c of cells) c.clear = isClearDifference(c.pAdjusted, c.ratio);

  return {
    threshold,
    protection: protection ? { base: protection.base, secondaryLimit: protection.secondaryLimit } : null,
    population,
    stages: table.stages,
    groupings: groupings.map((g) => g.join(INTERSECTION_SEPARATOR)),
    totals,
    cells,
  };
}

/** One grouping's true counts (known groups first) and what is hidden. */
interface Grouping {
  keys: readonly string[];
  counts: GroupCount[];
  supp: SuppressionResult;
  reference: string | null;
}

function emptyCell(g: Grouping, c: GroupCount, stage: string, unknown: boolean, hidden: SuppressionReason): MirrorCell {
  return {
    ground: g.keys.join(INTERSECTION_SEPARATOR),
    group: c.groups.join(INTERSECTION_SEPARATOR),
    groups: c.groups,
    stage,
    unknown,
    nPopulation: null,
    nStage: null,
    sharePopulation: null,
    shareStage: null,
    differencePp: null,
    rate: null,
    rateLower: null,
    rateUpper: null,
    ratio: null,
    ratioLower: null,
    ratioUpper: null,
    reference: g.reference,
    ratioReference: null,
    ratioReferenceLower: null,
    ratioReferenceUpper: null,
    test: null,
    p: null,
    pAdjusted: null,
    clear: false,
    suppressed: hidden,
  };
}

/** Rate with its Wilson interval. */
function fillRate(cell: MirrorCell, x: number, n: number): void {
  cell.nPopulation = n;
  cell.nStage = x;
  if (n === 0) return;
  const w = wilsonInterval(x, n);
  cell.rate = pct(w.estimate);
  cell.rateLower = pct(w.lower);
  cell.rateUpper = pct(w.upper);
}

/**
 * Ratio against everyone else (x2 of n2), with Katz interval and the test of the difference.
 * With `slack` (published counts carry rounding errors of about that size) the test is taken at
 * both stage counts moved that much towards what no difference would give, so that the rounding
 * never makes a difference look more certain than it is.
 */
function fillComparison(cell: MirrorCell, x: number, n: number, x2: number, n2: number, slack = 0): void {
  if (n2 <= 0 || n <= 0) return;
  const rr = riskRatio(x, n, x2, n2);
  cell.ratio = rr.ratio;
  cell.ratioLower = rr.lower;
  cell.ratioUpper = rr.upper;
  const toward = (v: number, target: number, size: number) =>
    Math.round(Math.min(size, Math.max(0, Math.min(v + slack, Math.max(v - slack, target)))));
  const share = (x + x2) / (n + n2);
  const t =
    slack > 0
      ? testDifference(toward(x, n * share, n), n, toward(x2, n2 * share, n2), n2)
      : testDifference(x, n, x2, n2);
  cell.test = t.method;
  cell.p = t.p;
}

function fillReference(cell: MirrorCell, x: number, n: number, xRef: number, nRef: number): void {
  const rr = riskRatio(x, n, xRef, nRef);
  cell.ratioReference = rr.ratio;
  cell.ratioReferenceLower = rr.lower;
  cell.ratioReferenceUpper = rr.upper;
}

/** What the figures of one grouping are taken against: the bases of shares and comparisons. */
interface Bases {
  /** Denominators of the shares at stage s (population, and those who reached the stage). */
  shares(s: number): { population: number; stage: number };
  /** Everyone else at stage s for a group of n of whom x reached it; null = no comparison. */
  others(s: number, n: number, x: number): { n: number; x: number } | null;
  /** Counts may each be off by this much (rounding): the test takes the least favourable. */
  slack: number;
}

/** The cells of one grouping: hidden cells stay empty, shown cells get every figure. */
function groupingCells(
  g: Grouping,
  counts: readonly GroupCount[],
  stages: readonly string[],
  bases: Bases,
): MirrorCell[] {
  const { supp } = g;
  const isUnknown = counts.map((c) => c.groups.includes(UNKNOWN));
  const shown = (i: number, s: number) => supp.population[i] === null && supp.stage[i][s] === null;
  const refIndex = g.reference === null ? -1 : counts.findIndex((c) => c.groups[0] === g.reference);
  const out: MirrorCell[] = [];
  counts.forEach((c, i) => {
    for (let s = 0; s < stages.length; s++) {
      const hidden = supp.stage[i][s] ?? supp.population[i];
      const cell = emptyCell(g, c, stages[s], isUnknown[i], hidden);
      out.push(cell);
      if (hidden !== null) {
        // The group's size may still be shown when only this stage is hidden.
        if (supp.population[i] === null) cell.nPopulation = c.population;
        continue;
      }
      const n = c.population;
      const x = c.reached[s];
      fillRate(cell, x, n);
      if (isUnknown[i] || n === 0) continue;
      const den = bases.shares(s);
      cell.sharePopulation = den.population > 0 ? pct(Math.min(1, n / den.population)) : null;
      cell.shareStage = den.stage > 0 ? pct(Math.min(1, x / den.stage)) : null;
      cell.differencePp =
        cell.sharePopulation !== null && cell.shareStage !== null ? cell.shareStage - cell.sharePopulation : null;
      const others = bases.others(s, n, x);
      if (others) fillComparison(cell, x, n, others.x, others.n, bases.slack);
      if (refIndex >= 0 && refIndex !== i && shown(refIndex, s) && counts[refIndex].population > 0) {
        fillReference(cell, x, n, counts[refIndex].reached[s], counts[refIndex].population);
      }
    }
  });
  return out;
}

/**
 * Exact figures (the analyst's path, equal to R): shares, the comparison with everyone else and
 * tests over all people with a known value, hidden cells included in the complements.
 */
function exactCells(g: Grouping, stages: readonly string[]): MirrorCell[] {
  const { counts, supp } = g;
  const S = stages.length;
  const isUnknown = counts.map((c) => c.groups.includes(UNKNOWN));
  let knownPop = 0,
    totalPop = 0;
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
  const unknownHiddenStage = stages.map((_, st) =>
    counts.some((_, k) => isUnknown[k] && (supp.stage[k][st] !== null || supp.population[k] !== null)),
  );
  return groupingCells(g, counts, stages, {
    shares: (s) => ({
      population: unknownHiddenPop ? totalPop : knownPop,
      stage: unknownHiddenStage[s] ? allStage[s] : knownStage[s],
    }),
    others: (s, n, x) => ({ n: knownPop - n, x: knownStage[s] - x }),
    slack: 0,
  });
}

/**
 * Protected figures: every number is computed from published (rounded) counts, never from a
 * hidden cell's own count. Shares and "everyone else" are taken against everyone with a known
 * value, which is published as a rounded count of its own: "everyone else" is that count minus
 * the group's, so it tells no more about the hidden groups than the published total does. It is
 * compared only when it is a group of at least the threshold that the rounding left whole.
 */
function protectedCells(
  g: Grouping,
  published: readonly GroupCount[],
  known: { population: number; reached: number[] },
  stages: readonly string[],
  threshold: number,
  slack: number,
): MirrorCell[] {
  return groupingCells(g, published, stages, {
    shares: (s) => ({ population: known.population, stage: known.reached[s] }),
    others: (s, n, x) => {
      const n2 = known.population - n,
        x2 = known.reached[s] - x;
      return n2 >= threshold && x2 >= 0 && x2 <= n2 ? { n: n2, x: x2 } : null;
    },
    slack,
  });
}

/** Label of a (possibly intersected) ground key. */
export function groupingLabel(key: string, extra: readonly GroundDef[] = []): string {
  return key
    .split(INTERSECTION_SEPARATOR)
    .map((k) => groundDef(k, extra)?.label ?? k)
    .join(INTERSECTION_SEPARATOR);
}

/** All pairs of the given grounds (for "every 2-way intersection"). */
export function pairsOf(keys: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) out.push([keys[i], keys[j]]);
  return out;
}
