/**
 * Age bands: one home for the case file, the import and (once switched over) the mirror and the
 * research export. The labels are those of the mirror and the Gelijke Kansenspiegel: "t/m 26",
 * "27-44", "45+"; other band limits give e.g. "t/m 24", "25-34", "35-49", "50+".
 */
export { ageOn } from './dates.js';

/** The default band limits: the lower bounds of the second and later bands (27 and 45). */
export const DEFAULT_AGE_BANDS: readonly number[] = [27, 45];

/** The labels of the default bands, youngest first. */
export const AGE_BANDS = ['t/m 26', '27-44', '45+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The band of an age; null for an unknown age. `bands` are the lower bounds of the 2nd.. band. */
export function ageBand(age: number | null, bands: readonly number[] = DEFAULT_AGE_BANDS): string | null {
  if (age === null || !Number.isFinite(age)) return null;
  if (age < bands[0]) return `t/m ${bands[0] - 1}`;
  for (let i = 0; i < bands.length - 1; i++) if (age < bands[i + 1]) return `${bands[i]}-${bands[i + 1] - 1}`;
  return `${bands[bands.length - 1]}+`;
}

/** The band labels for the given limits, youngest first. */
export function ageBandGroups(bands: readonly number[] = DEFAULT_AGE_BANDS): string[] {
  const out = [`t/m ${bands[0] - 1}`];
  for (let i = 0; i < bands.length - 1; i++) out.push(`${bands[i]}-${bands[i + 1] - 1}`);
  out.push(`${bands[bands.length - 1]}+`);
  return out;
}

/** Finer bands for the mirror: 18-26, 27-34, 35-44, 45-54, 55+. */
export function fineAgeBand(age: number | null): string | null {
  if (age === null || !Number.isFinite(age)) return null;
  return age < 27 ? '18-26' : age < 35 ? '27-34' : age < 45 ? '35-44' : age < 55 ? '45-54' : '55+';
}
