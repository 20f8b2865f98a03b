/**
 * Benjamini–Hochberg adjustment of p-values for many comparisons (false
 * discovery rate), identical to R's `p.adjust(p, method = "BH")`.
 *
 * With m p-values and p₍ᵢ₎ the i-th smallest, the adjusted value is
 *   min over j ≥ i of ( m / j · p₍ⱼ₎ ), capped at 1,
 * computed as a running minimum from the largest p-value down. The result is in
 * the original order; tied p-values get the same adjusted value.
 *
 * Missing values: null and NaN entries are passed through unchanged at their
 * place and are not counted in m (as R does with NA).
 *
 * How to read it: comparing many groups turns up some small p-values by chance.
 * Calling a difference significant when its adjusted p is below 0.05 keeps the
 * expected share of false findings among those called significant at 5%.
 *
 * @throws RangeError when a p-value lies outside 0–1.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[];
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[];
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const present: number[] = [];
  pValues.forEach((p, i) => {
    if (p === null || Number.isNaN(p)) return;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must lie between 0 and 1; pValues[${i}] is ${p}`);
    present.push(i);
  });
  const m = present.length;
  // Largest first; equal p-values keep their original order (as R's order()).
  const order = [...present].sort((i, j) => (pValues[j] as number) - (pValues[i] as number) || i - j);
  const adjusted: (number | null)[] = [...pValues];
  let runningMin = Infinity;
  order.forEach((index, k) => {
    const rank = m - k; // rank of this p-value when sorted ascending
    runningMin = Math.min(runningMin, (m / rank) * (pValues[index] as number));
    adjusted[index] = Math.min(1, runningMin);
  });
  return adjusted;
}
