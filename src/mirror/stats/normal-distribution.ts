/**
 * Quantile of the standard normal distribution: the z with P(Z ≤ z) = p.
 * For a two-sided interval with confidence `level`, use
 * `normalQuantile(1 - (1 - level) / 2)`; for 95% that is 1.959964….
 * The same arithmetic as jStat 1.9.6 (normal.inv → erfcinv, MIT licence), written out here so
 * that loading the statistics does not load all of jStat (about 0.1 s at every start).
 */
export function normalQuantile(p: number): number {
  return -1.4142135623730951 * inverseErfc(2 * p);
}

/** Inverse of erfc (Numerical Recipes, 3rd ed., §6.2.2: a first guess and two Halley steps). */
function inverseErfc(p: number): number {
  if (p >= 2) return -100;
  if (p <= 0) return 100;
  const pp = p < 1 ? p : 2 - p;
  const t = Math.sqrt(-2 * Math.log(pp / 2));
  let x = -0.70711 * ((2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t);
  for (let j = 0; j < 2; j++) {
    const err = erfcSigned(x) - pp;
    x += err / (1.1283791670955126 * Math.exp(-x * x) - x * err);
  }
  return p < 1 ? x : -x;
}

/** erfc for any sign of x, as 1 − erf(x) with erf from the Chebyshev series below (as jStat). */
function erfcSigned(x: number): number {
  const negative = x < 0;
  const res = erfcNonNegative(negative ? -x : x);
  return 1 - (negative ? res - 1 : 1 - res);
}

/** Two-sided critical value z for a confidence level, e.g. 0.95 → 1.959964. */
export function criticalValue(level: number): number {
  return normalQuantile(1 - (1 - level) / 2);
}

// Chebyshev coefficients for erfc(x), x ≥ 0 (Press et al., Numerical Recipes,
// 3rd ed., §6.2.2, routine erfccheb; relative error about 1.2e-16).
const ERFC_COEFFICIENTS = [
  -1.3026537197817094, 0.6419697923564902, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
  3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8,
  -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
  -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
];

/**
 * Complementary error function erfc(x) = 1 − erf(x) for x ≥ 0, computed
 * directly (not as 1 − erf) so that tiny tail areas keep their precision.
 */
function erfcNonNegative(x: number): number {
  const t = 2 / (2 + x);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ERFC_COEFFICIENTS.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + ERFC_COEFFICIENTS[j];
    dd = tmp;
  }
  return t * Math.exp(-x * x + 0.5 * (ERFC_COEFFICIENTS[0] + ty * d) - dd);
}

/**
 * Upper tail of the standard normal distribution, P(Z > z) = ½·erfc(z/√2).
 * Accurate in relative terms far into the tail (P(Z > 30) ≈ 4.9e-198), which
 * matters for very small p-values.
 */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z >= 0) return 0.5 * erfcNonNegative(z / Math.SQRT2);
  return 1 - 0.5 * erfcNonNegative(-z / Math.SQRT2);
}

/** Two-sided p-value of a standard normal test statistic z: 2·P(Z > |z|). */
export function twoSidedNormalP(z: number): number {
  return 2 * normalUpperTail(Math.abs(z));
}

/**
 * Upper tail of the chi-square distribution with 1 degree of freedom,
 * P(X > x) = erfc(√(x/2)) (X is the square of a standard normal variable).
 */
export function chiSquare1UpperTail(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  return erfcNonNegative(Math.sqrt(x / 2));
}
