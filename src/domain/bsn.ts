/**
 * The BSN (burgerservicenummer) 11-proef: nine digits d1..d9 with
 * 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9 divisible by 11 (and not all zeros).
 * Example: 111222333 → 9+8+7+12+10+8+9+6−3 = 66 = 6·11, valid.
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  if (value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(value[i]);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/** Pads an 8-digit BSN (as some systems export it) to nine digits. Leaves other input as is. */
export function normaliseBsn(value: string): string {
  const trimmed = value.trim();
  return /^\d{8}$/.test(trimmed) ? `0${trimmed}` : trimmed;
}
