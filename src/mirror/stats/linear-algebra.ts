/**
 * Small dense linear algebra for symmetric positive definite matrices, as
 * needed by logistic regression (the p × p matrix X'WX). Matrices are
 * Float64Array in row-major order: element (i, j) of a p × p matrix is at
 * index i·p + j.
 */

/** Result of a Cholesky factorisation: the factor, or the first column that failed. */
export type CholeskyResult = { ok: true; factor: Float64Array } | { ok: false; column: number };

/**
 * Cholesky factorisation A = L·Lᵀ of a symmetric p × p matrix, with L lower
 * triangular (only the lower triangle of A is read).
 *
 * Column j fails when its pivot, A[j][j] − Σₖ<ⱼ L[j][k]², is not larger than
 * `tolerance`·A[j][j]. For A = X'X that pivot is the squared length of column
 * j of X after removing what the columns before it explain, relative to its
 * squared length: a failure means column j is (almost) a linear combination of
 * the earlier columns, or is all zeros. The first such column is reported, the
 * same column that R's glm marks as aliased (NA).
 */
export function cholesky(a: Float64Array, p: number, tolerance = 1e-10): CholeskyResult {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let pivot = a[j * p + j];
    for (let k = 0; k < j; k++) pivot -= l[j * p + k] * l[j * p + k];
    if (!(pivot > tolerance * a[j * p + j])) return { ok: false, column: j };
    const root = Math.sqrt(pivot);
    l[j * p + j] = root;
    for (let i = j + 1; i < p; i++) {
      let sum = a[i * p + j];
      for (let k = 0; k < j; k++) sum -= l[i * p + k] * l[j * p + k];
      l[i * p + j] = sum / root;
    }
  }
  return { ok: true, factor: l };
}

/** Solves A·x = b given the Cholesky factor L of A (forward, then back substitution). */
export function choleskySolve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * p + k] * y[k];
    y[i] = sum / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i] * x[k];
    x[i] = sum / l[i * p + i];
  }
  return x;
}

/** Inverse of A given its Cholesky factor L, by solving A·x = eⱼ for each unit vector eⱼ. */
export function choleskyInverse(l: Float64Array, p: number): Float64Array {
  const inverse = new Float64Array(p * p);
  const unit = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    unit.fill(0);
    unit[j] = 1;
    const column = choleskySolve(l, p, unit);
    for (let i = 0; i < p; i++) inverse[i * p + j] = column[i];
  }
  return inverse;
}
