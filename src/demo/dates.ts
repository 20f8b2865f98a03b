/**
 * Dates as whole days since 1970-01-01 (UTC), the way the generator counts time, and their
 * ISO form (YYYY-MM-DD) as the database stores them. No time zones anywhere.
 */

import { ageOn as ageOnDate } from '../domain/dates.js';

const DAY_MS = 86_400_000;

/** Day number of an ISO date. */
export function dayOf(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${iso}`);
  return Math.round(ms / DAY_MS);
}

const CACHE_FROM = dayOf('1940-01-01');
const CACHE_TO = dayOf('2040-12-31');
const cache: (string | undefined)[] = [];

/** ISO date of a day number (cached: the generator converts millions of them). */
export function isoOf(day: number): string {
  if (day >= CACHE_FROM && day <= CACHE_TO) {
    const i = day - CACHE_FROM;
    return (cache[i] ??= new Date(day * DAY_MS).toISOString().slice(0, 10));
  }
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO date or null. */
export const isoOrNull = (day: number | null): string | null => (day === null ? null : isoOf(day));

/** The day on which someone born on `birth` turns `years` (29 February → 1 March in other years). */
export function birthdayDay(birth: string, years: number): number {
  const y = Number(birth.slice(0, 4)) + years;
  const m = Number(birth.slice(5, 7)) - 1;
  const d = Number(birth.slice(8, 10));
  return Math.round(Date.UTC(y, m, d) / DAY_MS);
}

/** Age in whole years on a day (the rule itself lives in src/domain/dates.ts). */
export function ageOn(birth: string, day: number): number {
  return ageOnDate(birth, isoOf(day));
}
