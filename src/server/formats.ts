import { isValidBsn } from '../domain/bsn.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** JSON-schema formats the API uses on top of the standard ones. */
export const customFormats = {
  bsn: (value: string) => isValidBsn(value),
  'past-date': (value: string) => isIsoDate(value) && value <= todayIso(),
  'iso-date': (value: string) => isIsoDate(value),
};
