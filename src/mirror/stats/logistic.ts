import { checkLevel } from './arguments.js';
import { INTERCEPT, levelName, type DesignMatrix } from './design-matrix.js';
import { cholesky, choleskyInverse, choleskySolve } from './linear-algebra.js';
import { criticalValue, twoSidedNormalP } from './normal-distribution.js';

/** One coefficient of a logistic regression. */
export interface LogisticCoefficient {
  /** Column name, e.g. `(Intercept)` or `leeftijd: 45+`. */
  name: string;
  /** b: change in log-odds compared with the reference level. */
  estimate: number;
  /** Standard error of b: √ of the diagonal of (X'WX)⁻¹. */
  standardError: number;
  /** Wald statistic b / SE. */
  z: number;
  /** Two-sided Wald p-value 2·P(Z > |z|). */
  p: number;
  /** Odds ratio e^b. */
  oddsRatio: number;
  /** Lower bound of the odds ratio: e^(b − z·SE), z = 1.959964 for 95%. */
  lower: number;
  /** Upper bound of the odds ratio: e^(b + z·SE). */
  upper: number;
}

/** A fit that came to an answer. */
export interface LogisticFit {
  status: 'ok';
  coefficients: LogisticCoefficient[];
  /** Residual deviance −2·log-likelihood of the fitted model. */
  deviance: number;
  /** Deviance of the model with only an intercept (everyone the same rate). */
  nullDeviance: number;
  /** Number of IRLS iterations used. */
  iterations: number;
  converged: true;
}

/** A fit that did not come to a trustworthy answer, with a plain Dutch explanation. */
export interface LogisticProblem {
  status: 'not-converged' | 'separation' | 'singular';
  /** Explanation for the reader, in plain Dutch (B1). */
  message: string;
  /** Column or group concerned, when one can be named. */
  column?: string;
}

export type LogisticResult = LogisticFit | LogisticProblem;

export interface LogisticOptions {
  /** Maximum number of IRLS iterations (R's glm: 25). */
  maxIterations?: number;
  /** Convergence tolerance on the relative change in deviance (R's glm: 1e-8). */
  epsilon?: number;
  /** Confidence level of the odds-ratio intervals (default 0.95). */
  level?: number;
}

/** Limit of |b| beyond which a coefficient is taken as running off to infinity. */
export const DIVERGING_ESTIMATE = 10;
/** Standard error that, together with |b| > 10, marks a diverging coefficient. */
export const DIVERGING_STANDARD_ERROR = 100;

// R's binomial family (src/library/stats/src/family.c): thresholds for the logit.
const THRESHOLD = 30;
const EPS = Number.EPSILON;
const INVERSE_EPS = 1 / EPS;

function inverseLogit(eta: number): number {
  const t = eta < -THRESHOLD ? EPS : eta > THRESHOLD ? INVERSE_EPS : Math.exp(eta);
  return t / (1 + t);
}

function inverseLogitDerivative(eta: number): number {
  if (eta > THRESHOLD || eta < -THRESHOLD) return EPS;
  const e = Math.exp(eta);
  return e / ((1 + e) * (1 + e));
}

function deviance(y: readonly number[], mu: Float64Array | ((i: number) => number)): number {
  const at = typeof mu === 'function' ? mu : (i: number) => mu[i];
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += 2 * (y[i] === 1 ? -Math.log(at(i)) : -Math.log(1 - at(i)));
  return sum;
}

const NO_RESULT = 'De berekening komt niet tot een uitkomst';

function separationInGroup(group: string, outcome: number): LogisticProblem {
  const who = outcome === 1 ? 'heeft iedereen de uitkomst' : 'heeft niemand de uitkomst';
  return {
    status: 'separation',
    column: group,
    message:
      `${NO_RESULT}: in de groep '${group}' ${who}. ` +
      'Dan is het verschil met de andere groepen oneindig groot en niet te schatten. ' +
      'Voeg deze groep samen met een andere groep, of laat dit kenmerk weg.',
  };
}

const SEPARATION: LogisticProblem = {
  status: 'separation',
  message:
    `${NO_RESULT}: voor een deel van de mensen is de uitkomst helemaal te voorspellen uit hun kenmerken. ` +
    'Dan zijn de verschillen oneindig groot en niet te schatten. Voeg groepen samen, of laat een kenmerk weg.',
};

function notConverged(iterations: number): LogisticProblem {
  return {
    status: 'not-converged',
    message: `${NO_RESULT}: na ${iterations} rondes rekenen verandert de uitkomst nog steeds. Er is geen betrouwbaar resultaat.`,
  };
}

function singular(design: DesignMatrix, column: number): LogisticProblem {
  const name = design.names[column];
  let empty = true;
  for (let i = 0; i < design.rows && empty; i++) if (design.values[i * design.columns + column] !== 0) empty = false;
  if (empty) {
    return {
      status: 'singular',
      column: name,
      message: `De berekening kan niet: niemand in de gegevens hoort bij '${name}'. Laat deze groep weg, of voeg hem samen met een andere groep.`,
    };
  }
  return {
    status: 'singular',
    column: name,
    message:
      `De berekening kan niet: '${name}' zegt niets nieuws, want het volgt helemaal uit de kenmerken ervoor. ` +
      'Laat dit kenmerk of een van die andere kenmerken weg.',
  };
}

/** X'WX (p × p) and X'Wz (p) for row weights w and working response z. */
function weightedCrossProducts(
  design: DesignMatrix,
  w: Float64Array,
  z: Float64Array,
): { xtwx: Float64Array; xtwz: Float64Array } {
  const { rows: n, columns: p, values: x } = design;
  const xtwx = new Float64Array(p * p);
  const xtwz = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    const row = i * p;
    for (let j = 0; j < p; j++) {
      const wx = wi * x[row + j];
      if (wx === 0) continue;
      xtwz[j] += wx * z[i];
      for (let k = 0; k <= j; k++) xtwx[j * p + k] += wx * x[row + k];
    }
  }
  for (let j = 0; j < p; j++) for (let k = j + 1; k < p; k++) xtwx[j * p + k] = xtwx[k * p + j];
  return { xtwx, xtwz };
}

/**
 * Separation that can be seen directly in the data: a group (a 0/1 column, or
 * the reference level of a categorical variable) in which everyone has the
 * same outcome. Its coefficient would be infinite.
 */
function findSeparatedGroup(design: DesignMatrix, y: readonly number[]): LogisticProblem | null {
  const { rows: n, columns: p, values: x } = design;
  const check = (group: string, inGroup: (i: number) => boolean): LogisticProblem | null => {
    let first = -1;
    for (let i = 0; i < n; i++) {
      if (!inGroup(i)) continue;
      if (first === -1) first = y[i];
      else if (y[i] !== first) return null;
    }
    return first === -1 ? null : separationInGroup(group, first);
  };
  for (let j = 0; j < p; j++) {
    if (design.names[j] === INTERCEPT) continue;
    let binary = true;
    for (let i = 0; i < n && binary; i++) binary = x[i * p + j] === 0 || x[i * p + j] === 1;
    if (!binary) continue;
    const found = check(design.names[j], (i) => x[i * p + j] === 1);
    if (found) return found;
  }
  for (const term of design.terms) {
    const found = check(levelName(term.variable, term.reference), (i) => term.columns.every((j) => x[i * p + j] === 0));
    if (found) return found;
  }
  return null;
}

/**
 * Logistic regression of a 0/1 outcome on a design matrix (with intercept), by
 * iteratively reweighted least squares (Newton–Raphson), following R's
 * `glm(family = binomial)` step by step:
 *
 * - start at μ = (y + ½)/2, η = log(μ/(1−μ));
 * - each iteration: weights w = μ'(η)²/(μ(1−μ)), working response
 *   z = η + (y − μ)/μ'(η), new b = (X'WX)⁻¹X'Wz, η = Xb, μ = 1/(1 + e^−η);
 * - stop when |dev − dev_old| / (|dev| + 0.1) < 1e-8, at most 25 iterations;
 * - standard errors from the diagonal of (X'WX)⁻¹ of the last iteration;
 *   z = b/SE, p = 2·P(Z > |z|), odds ratio e^b with interval e^(b ± 1.959964·SE).
 *
 * How to read a coefficient: the odds ratio says how many times higher the odds
 * of the outcome are for this level than for the reference level of the same
 * variable, with the other variables held equal; an interval containing 1 is
 * compatible with no difference.
 *
 * Data problems are returned, never thrown, as a status with a plain Dutch
 * message:
 * - 'singular': a column is all zeros (a group nobody belongs to) or follows
 *   from the columns before it (R would report its coefficient as NA); checked
 *   on X'X before fitting, with {@link cholesky}.
 * - 'separation': (quasi-)complete separation, when the outcome can be
 *   predicted perfectly for part of the data and some b is infinite. Detected
 *   (1) in the data: a group (0/1 column, or a reference level) or the whole
 *   dataset in which everyone has the same outcome; (2) as in R: a fitted
 *   probability within 10·ε of 0 or 1; (3) a non-intercept coefficient with
 *   |b| > 10 (odds ratio beyond 22,000) that, after convergence, also has
 *   SE > 100, or that appears without convergence; (4) X'WX becoming singular
 *   during the iterations.
 * - 'not-converged': no convergence within the maximum number of iterations
 *   and no sign of separation.
 *
 * @param y outcome per row of the design, each 0 or 1.
 * @throws RangeError when y has the wrong length or a value other than 0 or 1,
 *   or an option is out of range.
 */
export function logisticRegression(
  design: DesignMatrix,
  y: readonly number[],
  options: LogisticOptions = {},
): LogisticResult {
  const maxIterations = options.maxIterations ?? 25;
  const epsilon = options.epsilon ?? 1e-8;
  const level = options.level ?? 0.95;
  const { rows: n, columns: p, values: x } = design;
  if (y.length !== n) throw new RangeError(`y has ${y.length} values, but the design has ${n} rows`);
  y.forEach((value, i) => {
    if (value !== 0 && value !== 1) throw new RangeError(`y must contain only 0 and 1; y[${i}] is ${value}`);
  });
  if (!Number.isInteger(maxIterations) || maxIterations < 1)
    throw new RangeError(`maxIterations must be a positive integer, got ${maxIterations}`);
  if (!(epsilon > 0)) throw new RangeError(`epsilon must be positive, got ${epsilon}`);
  checkLevel(level);

  // Singular design: X'X (unweighted) must be positive definite.
  const ones = new Float64Array(n).fill(1);
  const plain = cholesky(weightedCrossProducts(design, ones, ones).xtwx, p);
  if (!plain.ok) return singular(design, plain.column);

  // Separation visible in the data.
  if (y.every((value) => value === y[0])) {
    return {
      status: 'separation',
      message: `${NO_RESULT}: iedereen in de gegevens heeft dezelfde uitkomst. Dan valt er niets te vergelijken.`,
    };
  }
  const separated = findSeparatedGroup(design, y);
  if (separated) return separated;

  // IRLS, as R's glm.fit.
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = (y[i] + 0.5) / 2;
    eta[i] = Math.log(mu[i] / (1 - mu[i]));
  }
  let devianceOld = deviance(y, mu);
  let dev = devianceOld;
  const w = new Float64Array(n);
  const z = new Float64Array(n);
  let beta: Float64Array = new Float64Array(p);
  let factor: Float64Array | null = null;
  let converged = false;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < n; i++) {
      const derivative = inverseLogitDerivative(eta[i]);
      w[i] = (derivative * derivative) / (mu[i] * (1 - mu[i]));
      z[i] = eta[i] + (y[i] - mu[i]) / derivative;
    }
    const { xtwx, xtwz } = weightedCrossProducts(design, w, z);
    const weighted = cholesky(xtwx, p);
    if (!weighted.ok) return SEPARATION;
    factor = weighted.factor;
    beta = choleskySolve(factor, p, xtwz);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < p; j++) sum += x[i * p + j] * beta[j];
      eta[i] = sum;
      mu[i] = inverseLogit(sum);
    }
    dev = deviance(y, mu);
    if (!Number.isFinite(dev)) return notConverged(iterations);
    if (Math.abs(dev - devianceOld) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devianceOld = dev;
  }
  if (factor === null) return notConverged(iterations);

  const covariance = choleskyInverse(factor, p);
  const se = Array.from({ length: p }, (_, j) => Math.sqrt(covariance[j * p + j]));

  const nearBoundary = 10 * EPS;
  if (mu.some((m) => m < nearBoundary || m > 1 - nearBoundary)) return SEPARATION;
  const diverging = (j: number) =>
    design.names[j] !== INTERCEPT &&
    Math.abs(beta[j]) > DIVERGING_ESTIMATE &&
    (!converged || se[j] > DIVERGING_STANDARD_ERROR);
  if (se.some((_, j) => diverging(j))) return SEPARATION;
  if (!converged) return notConverged(iterations);

  const yMean = y.reduce((sum, value) => sum + value, 0) / n;
  const critical = criticalValue(level);
  const coefficients = design.names.map((name, j): LogisticCoefficient => {
    const estimate = beta[j];
    const standardError = se[j];
    const zValue = estimate / standardError;
    return {
      name,
      estimate,
      standardError,
      z: zValue,
      p: twoSidedNormalP(zValue),
      oddsRatio: Math.exp(estimate),
      lower: Math.exp(estimate - critical * standardError),
      upper: Math.exp(estimate + critical * standardError),
    };
  });
  return {
    status: 'ok',
    coefficients,
    deviance: dev,
    nullDeviance: deviance(y, () => yMean),
    iterations,
    converged: true,
  };
}
