import { monthName } from '../domain/dates.js';
/** One formatter per number of decimals: toLocaleString would build a new one on every call. */
const nlFormats: Intl.NumberFormat[] = [];

/** Dutch number formatting for texts and tables: decimal comma, thin thousands separator. */
export function nl(value: number, decimals = 0): string {
  // Whole numbers without the number formatter, whose first use costs tens of milliseconds: the
  // same text (digits in groups of three joined by ".", a leading "-"); -0 goes to the formatter.
  if (decimals === 0 && Number.isSafeInteger(value) && !Object.is(value, -0)) return wholeNl(value);
  let format = nlFormats[decimals];
  if (!format)
    format = nlFormats[decimals] = new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
  return format.format(value);
}

function wholeNl(value: number): string {
  const digits = String(Math.abs(value));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `.${digits.slice(i, i + 3)}`;
  return value < 0 ? `-${out}` : out;
}

export const pctNl = (value: number | null, decimals = 0): string => (value === null ? '–' : `${nl(value, decimals)}%`);

export function pointsNl(value: number | null, decimals = 0): string {
  if (value === null) return '–';
  const r = Number(value.toFixed(decimals));
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${nl(Math.abs(r), decimals)}`;
}

/** "2026-11-30" → "30 november 2026". */
export const dutchDate = (iso: string): string => reportDate(iso, 'nl');

/** "2026-11-30" → "30 november 2026" (Dutch) or "30 November 2026" (English). */
export function reportDate(iso: string, lang: 'nl' | 'en' = 'nl'): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${monthName(m, lang)} ${y}`;
}

/** Today in the Netherlands as yyyy-mm-dd. */
export const todayAmsterdam = (now = new Date()): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(now);

/** A safe part of a file name: lower case, letters and digits, words joined by "-". */
export function fileNamePart(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** kansenspiegel-utrecht-2025-hele-gemeente-geslacht-x-leeftijd.pdf */
export function reportFileName(
  parts: { municipality: string; period: string; scope: string; ground: string },
  ext: string,
): string {
  return `${['kansenspiegel', parts.municipality, parts.period, parts.scope, parts.ground].map(fileNamePart).filter(Boolean).join('-')}.${ext}`;
}
