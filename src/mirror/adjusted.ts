import { buildDesignMatrix, logisticRegression, type CategoricalVariable, type LogisticResult } from './stats/index.js';
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
  /** People with a known value for the ground and every covariate. */
  used: number;
  /** People left out because a value was unknown. */
  leftOut: number;
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
  const threshold = req.threshold ?? DEFAULT_THRESHOLD;
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
  let leftOut = 0;
  for (let i = 0; i < table.size; i++) {
    if (cols.some((c) => c.codes[i] === 0)) { leftOut++; continue; }
    const r: Record<string, string> = {};
    cols.forEach((c, k) => { r[keys[k]] = c.def.groups[c.codes[i] - 1]; });
    records.push(r);
    y.push(table.distinctMasks[table.maskIds[i]] & (1 << stageIndex) ? 1 : 0);
  }
  // groups that are present, and which of them are too small to show
  const stats = new Map<string, { n: number; x: number }>();
  records.forEach((r, i) => {
    const s = stats.get(r[req.ground]) ?? { n: 0, x: 0 };
    s.n++; s.x += y[i];
    stats.set(r[req.ground], s);
  });
  const small = (g: string) => { const s = stats.get(g); return !s || s.n < threshold || s.x < threshold || s.n - s.x < threshold; };
  const base: AdjustedResult = { stage: req.stage, ground: req.ground, reference, covariates: keys.slice(1), used: records.length, leftOut, rows: [], problem: null, explanation: [] };
  if (small(reference)) {
    return { ...base, problem: `De vergelijkingsgroep "${groupLabel(groundDef, reference)}" is te klein (minder dan ${threshold} mensen, of minder dan ${threshold} die de fase wel of niet bereikten). Kies een andere vergelijkingsgroep of een langere periode.` };
  }
  // leave out the small groups from the model: their coefficients would be shown from small counts
  const keep = records.map((r) => !small(r[req.ground]));
  const recs = records.filter((_, i) => keep[i]);
  const ys = y.filter((_, i) => keep[i]);
  const vars = (withCovariates: boolean): CategoricalVariable[] => keys.slice(0, withCovariates ? keys.length : 1).map((k, idx) => {
    const levels = [...new Set(recs.map((r) => r[k]))];
    const def = cols[idx].def;
    const ref = idx === 0 ? reference : (def.reference && levels.includes(def.reference) ? def.reference : def.groups.find((g) => levels.includes(g))!);
    return { name: k, reference: ref, levels: def.groups.filter((g) => levels.includes(g)) };
  });
  const crudeFit = logisticRegression(buildDesignMatrix(recs, vars(false)), ys);
  const adjustedFit = keys.length > 1 ? logisticRegression(buildDesignMatrix(recs, vars(true)), ys) : crudeFit;
  const pick = (fit: LogisticResult, group: string) => {
    if (fit.status !== 'ok') return null;
    const c = fit.coefficients.find((k) => k.name === `${req.ground}: ${group}`);
    return c ? { oddsRatio: c.oddsRatio, lower: c.lower, upper: c.upper, p: c.p } : null;
  };
  const problem = crudeFit.status !== 'ok' ? crudeFit.message : adjustedFit.status !== 'ok' ? adjustedFit.message : null;
  for (const g of groundDef.groups) {
    if (!stats.has(g)) continue;
    const hide = small(g);
    const s = stats.get(g)!;
    base.rows.push({
      group: g, label: groupLabel(groundDef, g),
      n: hide ? null : s.n, reached: hide ? null : s.x,
      crude: hide || g === reference ? null : pick(crudeFit, g),
      adjusted: hide || g === reference ? null : pick(adjustedFit, g),
      suppressed: hide,
    });
  }
  return { ...base, problem, explanation: explain(base.rows, groundDef.groups.length ? groupLabel(groundDef, reference) : reference, keys.slice(1), problem) };
}

function explain(rows: AdjustedRow[], referenceLabel: string, covariates: string[], problem: string | null): string[] {
  if (problem) return [problem];
  const out: string[] = [];
  const fmt = (x: number) => x.toLocaleString('nl-NL', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  for (const r of rows) {
    if (!r.crude || !r.adjusted) continue;
    const sigC = r.crude.p < 0.05, sigA = r.adjusted.p < 0.05;
    const dir = r.adjusted.oddsRatio < 1 ? 'kleiner' : 'groter';
    if (sigC && !sigA) {
      out.push(`${r.label}: zonder correctie is de kans ${r.crude.oddsRatio < 1 ? 'kleiner' : 'groter'} dan bij ${referenceLabel} (odds ratio ${fmt(r.crude.oddsRatio)}), maar na rekening houden met ${covariates.join(', ')} is er geen duidelijk verschil meer (${fmt(r.adjusted.oddsRatio)}, interval ${fmt(r.adjusted.lower)}–${fmt(r.adjusted.upper)}). Het verschil hangt dus vooral samen met die andere kenmerken.`);
    } else if (sigA) {
      out.push(`${r.label}: ook na rekening houden met ${covariates.length ? covariates.join(', ') : 'niets'} is de kans ${dir} dan bij ${referenceLabel} (odds ratio ${fmt(r.adjusted.oddsRatio)}, interval ${fmt(r.adjusted.lower)}–${fmt(r.adjusted.upper)}). Dit verschil wordt niet verklaard door die kenmerken.`);
    } else {
      out.push(`${r.label}: geen duidelijk verschil met ${referenceLabel}, met of zonder correctie (odds ratio ${fmt(r.adjusted.oddsRatio)}, interval ${fmt(r.adjusted.lower)}–${fmt(r.adjusted.upper)}).`);
    }
  }
  out.push('Een odds ratio van 1 betekent: geen verschil. Onder 1: kleinere kans, boven 1: grotere kans. Het interval laat zien hoe zeker we zijn; ligt 1 erbinnen, dan is het verschil niet duidelijk.');
  return out;
}

