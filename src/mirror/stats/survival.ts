import { criticalValue } from './normal-distribution.js';
import { chiSquareUpperTail } from './gamma.js';

/** One person's follow-up: time until the event, or until censoring (event false). */
export interface SurvivalObservation {
  time: number;
  event: boolean;
}

/** One step of a Kaplan–Meier curve: at `time`, the share still without the event. */
export interface SurvivalStep {
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  /** Greenwood standard error of the survival. */
  standardError: number;
  /** Pointwise interval on the log scale (R's default conf.type = "log"), capped at 1. */
  lower: number | null;
  upper: number | null;
}

export interface KaplanMeier {
  n: number;
  events: number;
  steps: SurvivalStep[];
  /** Median time to the event, and its interval; null when the curve (or bound) stays above ½. */
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
}

/**
 * Kaplan–Meier estimate as R's `survfit(Surv(time, event) ~ 1)`: one step per distinct time
 * (events before censorings at the same time), Greenwood variance Σ d/(n(n − d)), the log
 * interval S·exp(±z·se(log S)), and the median with its interval as `print.survfit` gives it:
 * the first time the curve (lower, upper bound) is at or below ½, averaged with the next time
 * when the curve is exactly ½ on a flat stretch.
 */
export function kaplanMeier(data: readonly SurvivalObservation[], level = 0.95): KaplanMeier {
  for (const d of data)
    if (!Number.isFinite(d.time) || d.time < 0) throw new RangeError(`time must be a number ≥ 0, got ${d.time}`);
  const z = criticalValue(level);
  const sorted = [...data].sort((a, b) => a.time - b.time);
  const steps: SurvivalStep[] = [];
  let atRisk = sorted.length;
  let s = 1;
  let greenwood = 0;
  let i = 0;
  while (i < sorted.length) {
    const t = sorted[i].time;
    let events = 0,
      censored = 0;
    while (i < sorted.length && sorted[i].time === t) {
      if (sorted[i].event) events++;
      else censored++;
      i++;
    }
    if (events > 0) {
      s *= 1 - events / atRisk;
      greenwood += atRisk === events ? Infinity : events / (atRisk * (atRisk - events));
    }
    const seLog = Math.sqrt(greenwood);
    const lower = s > 0 && Number.isFinite(seLog) ? s * Math.exp(-z * seLog) : null;
    const upper = s > 0 && Number.isFinite(seLog) ? Math.min(1, s * Math.exp(z * seLog)) : null;
    steps.push({ time: t, atRisk, events, censored, survival: s, standardError: s * seLog, lower, upper });
    atRisk -= events + censored;
  }
  return {
    n: data.length,
    events: data.filter((d) => d.event).length,
    steps,
    median: medianOf(steps, (st) => st.survival),
    medianLower: medianOf(steps, (st) => st.lower ?? 0),
    medianUpper: medianOf(steps, (st) => st.upper ?? 0),
  };
}

/**
 * R's survival:::survmean "minmin" rule: the first time where the curve is below ½ + tol; if
 * it is within tol of ½ there, the midpoint with the next time the curve drops.
 */
function medianOf(steps: readonly SurvivalStep[], value: (s: SurvivalStep) => number | null): number | null {
  const tol = Math.sqrt(Number.EPSILON);
  for (let k = 0; k < steps.length; k++) {
    const v = value(steps[k]);
    if (v === null || v > 0.5 + tol) continue;
    if (Math.abs(v - 0.5) > tol) return steps[k].time;
    for (let m = k + 1; m < steps.length; m++) {
      const w = value(steps[m]);
      if (w !== null && w < v - tol) return (steps[k].time + steps[m].time) / 2;
    }
    return steps[k].time;
  }
  return null;
}

export interface LogRank {
  /** Per group: observed and expected events. */
  observed: number[];
  expected: number[];
  chiSquare: number;
  degreesOfFreedom: number;
  p: number;
}

/**
 * Log-rank test of equal curves across groups, as R's `survdiff(Surv(time, event) ~ group)`:
 * at each event time, expected events per group n_g·d/n and the hypergeometric covariance;
 * χ² = (O − E)ᵀ V⁻ (O − E) over the first k − 1 groups, k − 1 degrees of freedom.
 */
export function logRank(groups: readonly (readonly SurvivalObservation[])[]): LogRank {
  const k = groups.length;
  const all = groups.flatMap((g, gi) => g.map((o) => ({ ...o, g: gi }))).sort((a, b) => a.time - b.time);
  const atRisk = groups.map((g) => g.length);
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const v = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let i = 0;
  while (i < all.length) {
    const t = all[i].time;
    const d = new Array<number>(k).fill(0),
      leaving = new Array<number>(k).fill(0);
    while (i < all.length && all[i].time === t) {
      if (all[i].event) d[all[i].g]++;
      leaving[all[i].g]++;
      i++;
    }
    const dt = d.reduce((a, b) => a + b, 0);
    const n = atRisk.reduce((a, b) => a + b, 0);
    if (dt > 0) {
      const factor = n > 1 ? (dt * (n - dt)) / (n * n * (n - 1)) : 0;
      for (let a = 0; a < k; a++) {
        observed[a] += d[a];
        expected[a] += (atRisk[a] * dt) / n;
        for (let b = 0; b < k; b++) v[a][b] += factor * atRisk[a] * ((a === b ? n : 0) - atRisk[b]);
      }
    }
    for (let a = 0; a < k; a++) atRisk[a] -= leaving[a];
  }
  const keep = [...Array(k).keys()].filter((a) => groups[a].length > 0).slice(0, -1);
  const diff = keep.map((a) => observed[a] - expected[a]);
  const sub = keep.map((a) => keep.map((b) => v[a][b]));
  const chiSquare = quadraticForm(sub, diff);
  const df = keep.length;
  const p = df > 0 ? chiSquareUpperTail(chiSquare, df) : 1;
  return { observed, expected, chiSquare, degreesOfFreedom: df, p };
}

/** xᵀ A⁻¹ x for a small symmetric positive definite A (Gauss–Jordan). */
function quadraticForm(a: number[][], x: number[]): number {
  const m = x.length;
  const aug = a.map((row, r) => [...row, x[r]]);
  for (let c = 0; c < m; c++) {
    let piv = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(aug[r][c]) > Math.abs(aug[piv][c])) piv = r;
    [aug[c], aug[piv]] = [aug[piv], aug[c]];
    if (Math.abs(aug[c][c]) < 1e-12) return NaN;
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = aug[r][c] / aug[c][c];
      for (let cc = c; cc <= m; cc++) aug[r][cc] -= f * aug[c][cc];
    }
  }
  let sum = 0;
  for (let r = 0; r < m; r++) sum += x[r] * (aug[r][m] / aug[r][r]);
  return sum;
}
