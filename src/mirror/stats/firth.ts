import type { DesignMatrix } from './design-matrix.js';
import { cholesky, choleskyInverse } from './linear-algebra.js';
import { criticalValue, twoSidedNormalP } from './normal-distribution.js';
import type { LogisticCoefficient, LogisticResult } from './logistic.js';

export interface FirthOptions {
  maxIterations?: number;
  /** Stop when every step in the coefficients is smaller than this. */
  tolerance?: number;
  level?: number;
}

const MAX_STEP = 5;
const MAX_HALVINGS = 25;

function fitted(design: DesignMatrix, beta: Float64Array): Float64Array {
  const { rows: n, columns: p, values: x } = design;
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) eta += x[i * p + j] * beta[j];
    mu[i] = 1 / (1 + Math.exp(-eta));
  }
  return mu;
}

/** X'WX with w = μ(1 − μ). */
function information(design: DesignMatrix, mu: Float64Array): Float64Array {
  const { rows: n, columns: p, values: x } = design;
  const m = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const w = mu[i] * (1 - mu[i]);
    for (let j = 0; j < p; j++) {
      const wx = w * x[i * p + j];
      if (wx === 0) continue;
      for (let k = 0; k <= j; k++) m[j * p + k] += wx * x[i * p + k];
    }
  }
  for (let j = 0; j < p; j++) for (let k = j + 1; k < p; k++) m[j * p + k] = m[k * p + j];
  return m;
}

interface State {
  beta: Float64Array;
  mu: Float64Array;
  cov: Float64Array;
  penalised: number;
  logLik: number;
}

function evaluate(design: DesignMatrix, y: readonly number[], beta: Float64Array): State | null {
  const p = design.columns;
  const mu = fitted(design, beta);
  const factor = cholesky(information(design, mu), p, 1e-14);
  if (!factor.ok) return null;
  let logDet = 0;
  for (let j = 0; j < p; j++) logDet += 2 * Math.log(factor.factor[j * p + j]);
  let logLik = 0;
  for (let i = 0; i < y.length; i++) logLik += y[i] === 1 ? Math.log(mu[i]) : Math.log(1 - mu[i]);
  return { beta, mu, cov: choleskyInverse(factor.factor, p), penalised: logLik + 0.5 * logDet, logLik };
}

/**
 * Firth's bias-reduced logistic regression (Firth 1993; Heinze & Schemper 2002): maximises
 * the log-likelihood penalised by ½·log|X'WX| (Jeffreys prior), which always has a finite
 * answer, also under (quasi-)complete separation where ordinary maximum likelihood runs off
 * to infinity. Newton–Raphson on the modified score
 *   U*(β) = X'(y − μ + h·(½ − μ)),  h = diagonal of W^½X(X'WX)⁻¹X'W^½,
 * with steps capped at 5 and halved while the penalised likelihood falls, as R's `logistf`.
 * Standard errors from (X'WX)⁻¹ at the estimate; Wald intervals and p-values, as R's
 * `brglm2` (type = "AS_mean") reports them. `logistf` itself gives profile-likelihood
 * intervals by default; its coefficients are the same.
 */
export function firthLogisticRegression(
  design: DesignMatrix,
  y: readonly number[],
  options: FirthOptions = {},
): LogisticResult {
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  const level = options.level ?? 0.95;
  const { rows: n, columns: p, values: x } = design;
  if (y.length !== n) throw new RangeError(`y has ${y.length} values, but the design has ${n} rows`);
  let state = evaluate(design, y, new Float64Array(p));
  if (!state) {
    return {
      status: 'singular',
      message: 'De berekening kan niet: een kenmerk volgt helemaal uit de andere kenmerken.',
    };
  }
  let converged = false;
  let iterations = 0;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const { mu, cov, beta } = state;
    const score = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const w = mu[i] * (1 - mu[i]);
      let h = 0;
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let k = 0; k < p; k++) s += cov[j * p + k] * x[i * p + k];
        h += x[i * p + j] * s;
      }
      h *= w;
      const r = y[i] - mu[i] + h * (0.5 - mu[i]);
      for (let j = 0; j < p; j++) score[j] += x[i * p + j] * r;
    }
    const delta = new Float64Array(p);
    for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) delta[j] += cov[j * p + k] * score[k];
    const largest = Math.max(...delta.map(Math.abs));
    if (largest > MAX_STEP) for (let j = 0; j < p; j++) delta[j] *= MAX_STEP / largest;
    let next: State | null = null;
    let scale = 1;
    for (let h = 0; h <= MAX_HALVINGS; h++, scale /= 2) {
      const candidate = beta.map((b, j) => b + scale * delta[j]);
      next = evaluate(design, y, candidate);
      if (next && next.penalised >= state.penalised - 1e-12) break;
    }
    if (!next) break;
    converged = Math.max(...delta.map((d) => Math.abs(d * scale))) < tolerance;
    state = next;
  }
  if (!converged) {
    return {
      status: 'not-converged',
      message: `De berekening komt niet tot een uitkomst: na ${iterations} rondes rekenen verandert de uitkomst nog steeds.`,
    };
  }
  const critical = criticalValue(level);
  const coefficients = design.names.map((name, j): LogisticCoefficient => {
    const estimate = state.beta[j];
    const standardError = Math.sqrt(state.cov[j * p + j]);
    const z = estimate / standardError;
    return {
      name,
      estimate,
      standardError,
      z,
      p: twoSidedNormalP(z),
      oddsRatio: Math.exp(estimate),
      lower: Math.exp(estimate - critical * standardError),
      upper: Math.exp(estimate + critical * standardError),
    };
  });
  const yMean = y.reduce((a, b) => a + b, 0) / n;
  const nullDeviance = -2 * y.reduce((a, v) => a + (v === 1 ? Math.log(yMean) : Math.log(1 - yMean)), 0);
  return {
    status: 'ok',
    coefficients,
    deviance: -2 * state.logLik,
    nullDeviance,
    iterations,
    converged: true,
  };
}
