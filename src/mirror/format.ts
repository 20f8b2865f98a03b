/** Dutch number formatting for texts and tables: decimal comma, thin thousands separator. */
export function nl(value: number, decimals = 0): string {
  return value.toLocaleString('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export const pctNl = (value: number | null, decimals = 0): string => (value === null ? '–' : `${nl(value, decimals)}%`);

export function pointsNl(value: number | null, decimals = 0): string {
  if (value === null) return '–';
  const r = Number(value.toFixed(decimals));
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${nl(Math.abs(r), decimals)}`;
}
