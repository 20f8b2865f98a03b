import { pairsOf } from './funnel.js';

/** A period or ground choice that cannot be read; `reason` is Dutch (B1). */
export class SelectionError extends Error {
  constructor(readonly field: 'period' | 'ground', readonly reason: string) {
    super(reason);
  }
}

/** "2025" → the whole year; "a..b" → that range; nothing → last year. */
export function parsePeriod(value: string | undefined, today = new Date()): { from: string; to: string; label: string } {
  if (!value) {
    const y = today.getUTCFullYear() - 1;
    return { from: `${y}-01-01`, to: `${y}-12-31`, label: String(y) };
  }
  if (/^\d{4}$/.test(value)) return { from: `${value}-01-01`, to: `${value}-12-31`, label: value };
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (!m || m[1] > m[2]) throw new SelectionError('period', `"${value}": gebruik een jaar (2025) of begin..eind (2025-01-01..2025-06-30), begin vóór eind.`);
  return { from: m[1], to: m[2], label: `${m[1]} t/m ${m[2]}` };
}

/**
 * "geslacht,leeftijd*huishouden" → [["geslacht"], ["leeftijd","huishouden"]] (an intersection
 * with *, × or +); nothing → every allowed ground alone. With `intersections`, all pairs of the
 * single grounds are added.
 */
export function parseGroupings(value: string | undefined, allowed: readonly string[], intersections = false): string[][] {
  const groupings = value
    ? value.split(',').map((g) => g.split(/[*×+]/).map((k) => k.trim()).filter(Boolean))
    : allowed.map((k) => [k]);
  for (const g of groupings) {
    if (g.length < 1 || g.length > 3) throw new SelectionError('ground', `Een kruising heeft 1 tot 3 kenmerken ("${g.join('*')}").`);
    for (const k of g) if (!allowed.includes(k)) throw new SelectionError('ground', `Onbekend of niet toegestaan kenmerk "${k}". Kies uit: ${allowed.join(', ')}.`);
  }
  return intersections ? [...groupings, ...pairsOf(groupings.filter((g) => g.length === 1).map((g) => g[0]))] : groupings;
}
