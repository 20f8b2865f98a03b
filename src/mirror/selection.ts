import { monthName } from '../domain/dates.js';
import { pairsOf } from './funnel.js';

/** A period or ground choice that cannot be read; `reason` is Dutch (B1). */
export class SelectionError extends Error {
  constructor(
    readonly field: 'period' | 'ground',
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** "2025" → the whole year; "a..b" → that range; nothing → last year. */
export function parsePeriod(
  value: string | undefined,
  today = new Date(),
): { from: string; to: string; label: string } {
  if (!value) {
    const y = today.getUTCFullYear() - 1;
    return { from: `${y}-01-01`, to: `${y}-12-31`, label: String(y) };
  }
  if (/^\d{4}$/.test(value)) return { from: `${value}-01-01`, to: `${value}-12-31`, label: value };
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (!m || m[1] > m[2])
    throw new SelectionError(
      'period',
      `"${value}": gebruik een jaar (2025) of begin..eind (2025-01-01..2025-06-30), begin vóór eind.`,
    );
  return { from: m[1], to: m[2], label: `${m[1]} t/m ${m[2]}` };
}

const lastDay = (year: number, month: number): string => {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/**
 * The periods the mirror publishes: a whole calendar year ("2025"), quarter ("2025-K1", also
 * "2025-Q1") or month ("2025-03"); nothing → last year. Any other period is refused: two periods
 * a few days apart differ by a handful of people, and comparing them would tell about those
 * people (docs/openbaarmaking.md). Fixed windows only, so no two allowed periods differ by a few days.
 */
export function parsePublishedPeriod(
  value: string | undefined,
  today = new Date(),
): { from: string; to: string; label: string } {
  if (!value || /^\d{4}$/.test(value)) return parsePeriod(value, today);
  const q = /^(\d{4})-[KkQq]([1-4])$/.exec(value);
  if (q) {
    const year = Number(q[1]),
      k = Number(q[2]);
    return {
      from: `${year}-${String(3 * k - 2).padStart(2, '0')}-01`,
      to: lastDay(year, 3 * k),
      label: `${k}e kwartaal ${year}`,
    };
  }
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (m) {
    const year = Number(m[1]),
      month = Number(m[2]);
    return { from: `${m[1]}-${m[2]}-01`, to: lastDay(year, month), label: `${monthName(month)} ${year}` };
  }
  throw new SelectionError(
    'period',
    `"${value}": kies een heel jaar (2025), een kwartaal (2025-K1) of een maand (2025-03). Andere perioden tonen we niet: door twee perioden te vergelijken die maar een paar dagen verschillen, zou u iets over één persoon te weten kunnen komen.`,
  );
}

/**
 * "geslacht,leeftijd*huishouden" → [["geslacht"], ["leeftijd","huishouden"]] (an intersection
 * with *, × or +); nothing → every allowed ground alone. With `intersections`, all pairs of the
 * single grounds are added.
 */
export function parseGroupings(
  value: string | undefined,
  allowed: readonly string[],
  intersections = false,
): string[][] {
  const groupings = value
    ? value.split(',').map((g) =>
        g
          .split(/[*×+]/)
          .map((k) => k.trim())
          .filter(Boolean),
      )
    : allowed.map((k) => [k]);
  for (const g of groupings) {
    if (g.length < 1 || g.length > 3)
      throw new SelectionError('ground', `Een kruising heeft 1 tot 3 kenmerken ("${g.join('*')}").`);
    for (const k of g)
      if (!allowed.includes(k))
        throw new SelectionError(
          'ground',
          `Onbekend of niet toegestaan kenmerk "${k}". Kies uit: ${allowed.join(', ')}.`,
        );
  }
  return intersections
    ? [...groupings, ...pairsOf(groupings.filter((g) => g.length === 1).map((g) => g[0]))]
    : groupings;
}
