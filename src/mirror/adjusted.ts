import {
  buildDesignMatrix,
  logisticRegression,
  oddsRatio2x2,
  type CategoricalVariable,
  type LogisticResult,
} from './stats/index.js';
import { roundByKey, type ProtectionRules } from './disclosure.js';
import { isSignificant } from './clear.js';
import { groupLabel } from './grounds.js';
import type { PersonTable } from './person-table.js';
import { DEFAULT_THRESHOLD } from './funnel.js';

export interface AdjustedRequest {
  stage: string;
  ground: string;
  /** Labour-market-relevant covariates (other grounds), e.g. leeftijd, opleiding, taalniveau. */
  covariates: readonly string[];
  reference?: string;
  threshold?: number;
  /**
   * Publish protected figures: the counts rounded by cell key, the crude odds ratios computed
   * from those published counts, the adjusted odds ratios and bounds to two decimals.
   */
  protection?: ProtectionRules;
}

export interface AdjustedRow {
  group: string;
  label: string;
  /** People of this group in the analysis, and how many reached the stage. */
  n: number | null;
  reached: number | null;
  /** Odds ratio against the reference group, without and with the covariates. */
  crude: { oddsRatio: number; lower: number; upper: number; p: number } | null;
  adjusted: { oddsRatio: number; lower: number; upper: number; p: number } | null;
  suppressed: boolean;
}

export interface AdjustedResult {
  stage: string;
  ground: string;
  reference: string;
  covariates: string[];
  /** People with a known value for the ground and every covariate (null when too few to show). */
  used: number | null;
  /** People left out because a value was unknown (null when too few to show). */
  leftOut: number | null;
  rows: AdjustedRow[];
  /** Set when a fit could not be trusted: plain Dutch. */
  problem: string | null;
  /** Plain Dutch reading of the result. */
  explanation: string[];
}

/**
 * Does a ground still matter for reaching a stage once labour-market-relevant factors are taken
 * into account? Logistic regression (IRLS) of the stage on the ground alone ("crude") and on the
 * ground plus covariates ("adjusted"), over the people with every value known. Groups with
 * fewer than `threshold` people, events or non-events are not shown.
 */
export function adjustedComparison(table: PersonTable, req: AdjustedRequest): AdjustedResult {
  const protection = req.protection ?? null;
  const threshold = protection?.threshold ?? req.threshold ?? DEFAULT_THRESHOLD;
  if (protection && !table.keys)
    throw new RangeError('this population has no record keys: protected figures cannot be computed');
  const rowKeys = table.keys ?? new Uint32Array(0);
  const stageIndex = table.stages.indexOf(req.stage);
  if (stageIndex < 0) throw new RangeError(`unknown stage "${req.stage}"`);
  const keys = [req.ground, ...req.covariates.filter((c) => c !== req.ground)];
  const cols = keys.map((k) => {
    const c = table.grounds.get(k);
    if (!c) throw new RangeError(`unknown ground "${k}"`);
    return c;
  });
  const groundDef = cols[0].def;
  const reference = req.reference ?? groundDef.reference ?? groundDef.groups[0];
  const records: Record<string, string>[] = [];
  const y: number[] = [];
  const recordKeys: number[] = [];
  let leftOut = 0;
  let leftOutKey = 0;
  for (let i = 0; i < table.size; i++) {
    if (cols.some((c) => c.codes[i] === 0)) {
      leftOut++;
      if (protection) leftOutKey = (leftOutKey + rowKeys[i]) % 4294967296;
      continue;
    }
    if (protection) recordKeys.push(rowKeys[i]);
    const r: Record<string, string> = {};
    cols.forEach((c, k) => {
      r[keys[k]] = c.def.groups[c.codes[i] - 1];
    });
    records.push(r);
    y.push(table.distinctMasks[table.maskIds[i]] & (1 << stageIndex) ? 1 : 0);
  }
  // groups that are present, and which of them are too small to show
  const stats = new Map<string, { n: number; x: number; keyN: number; keyX: number }>();
  let usedKey = 0;
  records.forEach((r, i) => {
    const s = stats.get(r[req.ground]) ?? { n: 0, x: 0, keyN: 0, keyX: 0 };
    s.n++;
    s.x += y[i];
    if (protection) {
      const k = recordKeys[i];
      s.keyN = (s.keyN + k) % 4294967296;
      if (y[i]) s.keyX = (s.keyX + k) % 4294967296;
      usedKey = (usedKey + k) % 4294967296;
    }
    stats.set(r[req.ground], s);
  });
  const small = (g: string) => {
    const s = stats.get(g);
    return !s || s.n < threshold || s.x < threshold || s.n - s.x < threshold;
  };
  const pub = (count: number, key: number): number | null => {
    if (!protection) return count;
    return count > 0 && count < threshold ? null : roundByKey(count, key, protection.base);
  };
  const base: AdjustedResult = {
    stage: req.stage,
    ground: req.ground,
    reference,
    covariates: keys.slice(1),
    used: pub(records.length, usedKey),
    leftOut: pub(leftOut, leftOutKey),
    rows: [],
    problem: null,
    explanation: [],
  };
  if (small(reference)) {
    return {
      ...base,
      problem: `De vergelijkingsgroep "${groupLabel(groundDef, reference)}" is te klein (minder dan ${threshold} mensen, of minder dan ${threshold} die de fase wel of niet bereikten). Kies een andere vergelijkingsgroep of een langere periode.`,
    };
  }
  // leave out the small groups from the model: their coefficients would be shown from small counts
  const keep = records.map((r) => !small(r[req.ground]));
  const recs = records.filter((_, i) => keep[i]);
  const ys = y.filter((_, i) => keep[i]);
  const vars = (withCovariates: boolean): CategoricalVariable[] =>
    keys.slice(0, withCovariates ? keys.length : 1).map((k, idx) => {
      const levels = [...new Set(recs.map((r) => r[k]))];
      const def = cols[idx].def;
      const ref =
        idx === 0
          ? reference
          : def.reference && levels.includes(def.reference)
            ? def.reference
            : def.groups.find((g) => levels.includes(g))!;
      return { name: k, reference: ref, levels: def.groups.filter((g) => levels.includes(g)) };
    });
  const crudeFit = logisticRegression(buildDesignMatrix(recs, vars(false)), ys);
  const adjustedFit = keys.length > 1 ? logisticRegression(buildDesignMatrix(recs, vars(true)), ys) : crudeFit;
  const two = (x: number) => Math.round(x * 100) / 100;
  const pick = (fit: LogisticResult, group: string) => {
    if (fit.status !== 'ok') return null;
    const c = fit.coefficients.find((k) => k.name === `${req.ground}: ${group}`);
    if (!c) return null;
    return protection
      ? { oddsRatio: two(c.oddsRatio), lower: two(c.lower), upper: two(c.upper), p: c.p }
      : { oddsRatio: c.oddsRatio, lower: c.lower, upper: c.upper, p: c.p };
  };
  // Protected: the crude comparison is computed from the published counts of the two groups, as
  // the mirror's own ratios are; it is what glm gives on those counts.
  const refStats = stats.get(reference)!;
  const crudeFromPublished = (g: string) => {
    const s = stats.get(g)!;
    const n1 = pub(s.n, s.keyN)!,
      x1 = pub(s.x, s.keyX)!,
      n0 = pub(refStats.n, refStats.keyN)!,
      x0 = pub(refStats.x, refStats.keyX)!;
    return oddsRatio2x2(x1, n1, x0, n0);
  };
  const problem =
    crudeFit.status !== 'ok' ? crudeFit.message : adjustedFit.status !== 'ok' ? adjustedFit.message : null;
  for (const g of groundDef.groups) {
    if (!stats.has(g)) continue;
    const hide = small(g);
    const s = stats.get(g)!;
    base.rows.push({
      group: g,
      label: groupLabel(groundDef, g),
      n: hide ? null : pub(s.n, s.keyN),
      reached: hide ? null : pub(s.x, s.keyX),
      crude: hide || g === reference ? null : protection ? crudeFromPublished(g) : pick(crudeFit, g),
      adjusted: hide || g === reference ? null : pick(adjustedFit, g),
      suppressed: hide,
    });
  }
  return {
    ...base,
    problem,
    explanation: explain(
      base.rows,
      groundDef.groups.length ? groupLabel(groundDef, reference) : reference,
      keys.slice(1),
      problem,
    ),
  };
}

function explain(rows: AdjustedRow[], referenceLabel: string, covariates: string[], problem: string | null): string[] {
  if (problem) return [problem];
  const out: string[] = [];
  const fmt = (x: number) => x.toLocaleString('nl-NL', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  for (const r of rows) {
    if (!r.crude || !r.adjusted) continue;
    const sigC = isSignificant(r.crude.p),
      sigA = isSignificant(r.adjusted.p);
    const dir = r.adjusted.oddsRatio < 1 ? 'kleiner' : 'groter';
    if (sigC && !sigA) {
      out.push(
        `${r.label}: zonder correctie is de kans ${r.crude.oddsRatio < 1 ? 'kleiner' : 'groter'} dan bij ${referenceLabel} (odds ratio ${fmt(r.crude.oddsRatio)}), maar na rekening houden met ${covariates.join(', ')} is er geen duidelijk verschil meer (${fmt(r.adjusted.oddsRatio)}, interval ${fmt(r.adjusted.lower)}–${fmt(r.adjusted.upper)}). Het verschil hangt dus vooral samen met die andere kenmerken.`,
      );
    } else if (sigA) {
      out.push(
        `${r.label}: ook na rekening houden met ${covariates.length ? covariates.join(', ') : 'niets'} is de kans ${dir} dan bij ${referenceLabel} (odds ratio ${fmt(r.adjusted.oddsRatio)}, interval ${fmt(r.adjusted.lower)}–${fmt(r.adjusted.upper)}). Dit verschil wordt niet verklaard door die kenmerken.`,
      );
    } else {
      out.push(
        `${r.label}: geen duidelijk verschil met ${referenceLabel}, met of zonder correctie (odds ratio ${fmt(r.adjusted.oddsRatio)}, interval ${fmt(r.adjusted.lower)}–${fmt(r.adjusted.upper)}).`,
      );
    }
  }
  out.push(
    'Een odds ratio van 1 betekent: geen verschil. Onder 1: kleinere kans, boven 1: grotere kans. Het interval laat zien hoe zeker we zijn; ligt 1 erbinnen, dan is het verschil niet duidelijk.',
  );
  return out;
}
