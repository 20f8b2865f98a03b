// log(k!) for k = 0 … 19, from the exact product (19! < 2^63, rounding only).
const SMALL: number[] = [];
{
  let product = 1;
  for (let k = 0; k < 20; k++) {
    if (k > 0) product *= k;
    SMALL.push(Math.log(product));
  }
}

/**
 * Natural logarithm of n! for a whole number n ≥ 0.
 *
 * Below 20 from the exact product; from 20 on by Stirling's series
 *   ln n! = n·ln n − n + ½·ln(2πn) + 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷),
 * whose first omitted term is below 2e-15 for n ≥ 20. Working with logarithms
 * keeps hypergeometric probabilities for counts in the hundreds of thousands
 * within floating-point range.
 */
export function logFactorial(n: number): number {
  if (n < 20) return SMALL[n];
  const inv = 1 / n;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + series;
}
