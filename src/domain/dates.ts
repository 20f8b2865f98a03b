/**
 * Calendar days for the whole application. A date is a 'YYYY-MM-DD' string (a calendar day,
 * no time of day). "Today" is always the day in the Netherlands (Europe/Amsterdam), on the
 * server as in the browser: between 00:00 and 02:00 Dutch time the UTC date is still
 * yesterday, and a form's default date must not be refused as lying in the future.
 *
 * Pure functions; the only clock is {@link clock}, which tests may replace.
 */

/** The time zone in which Kansenspiegel's days begin and end. */
export const TIME_ZONE = 'Europe/Amsterdam';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The one clock of the application. Tests set `clock.now` to a fixed moment (and put it back);
 * production code calls {@link todayIso} without an argument.
 */
export const clock: { now: () => Date } = { now: () => new Date() };

// Made on first use: a formatter with a time zone costs tens of milliseconds to create, which
// every command would otherwise pay at start, also those that never ask for today's date.
let dayFormat: Intl.DateTimeFormat | null = null;

/** The calendar day in Amsterdam at moment `now` (default: the clock), as YYYY-MM-DD. */
export function todayIso(now: Date = clock.now()): string {
  dayFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts = Object.fromEntries(dayFormat.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const toUtc = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The date `days` calendar days after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The date `months` calendar months after `iso`; 31 January + 1 month = 28/29 February. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Age in full years on `onDate` (someone born on 29 February turns a year older on 1 March). */
export function ageOn(birthDate: string, onDate: string): number {
  let age = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (onDate.slice(5, 10) < birthDate.slice(5, 10)) age -= 1;
  return age;
}

/** 'YYYY-MM' of a date, or null. */
export const monthOf = (iso: string | null): string | null => (iso === null ? null : iso.slice(0, 7));

const MONTHS: Record<'nl' | 'en', readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** The name of month 1–12: "februari" (Dutch) or "February". */
export const monthName = (month: number, lang: 'nl' | 'en' = 'nl'): string => MONTHS[lang][month - 1];

/** A month 'YYYY-MM' (or a date 'YYYY-MM-DD') as words: "februari 2025" (Dutch) or "February 2025". */
export function monthLabel(iso: string | null | undefined, lang: 'nl' | 'en' = 'nl'): string {
  if (!iso) return '';
  const month = Number(iso.slice(5, 7));
  if (!/^\d{4}-\d{2}/.test(iso) || month < 1 || month > 12) return iso;
  return `${MONTHS[lang][month - 1]} ${iso.slice(0, 4)}`;
}
