import { ageBand, ageBandGroups, DEFAULT_AGE_BANDS } from '../domain/age.js';

/** The grounds an extract may carry, with the values the mirror uses for them. */
export const EXTRACT_GROUNDS = ['geslacht', 'leeftijd', 'migratieachtergrond', 'huishouden', 'doelgroepregister'];

export const KNOWN_VALUES: Record<string, readonly string[]> = {
  geslacht: ['man', 'vrouw', 'anders'],
  migratieachtergrond: ['nederlands', 'westers', 'niet-westers'],
  huishouden: ['alleenstaand', 'eenouder', 'paar_met_kinderen', 'paar_zonder_kinderen', 'overig'],
  doelgroepregister: ['ja', 'nee'],
};

/**
 * A couple of whom the extract does not say whether they have children, as CBS counts them in
 * Table 2.1 of the Gelijke Kansenspiegel ("(on)gehuwde paren"). When an extract has such people,
 * its household ground has CBS's four groups and both kinds of couple count as "paar".
 */
export const COUPLE = 'paar';

/**
 * Labels of CBS and of municipal registers, after normalising (lower case, runs of spaces,
 * underscores and hyphens as one space), and the mirror's value they stand for.
 */
export const CBS_LABELS: Record<string, Record<string, string>> = {
  geslacht: { m: 'man', mannen: 'man', v: 'vrouw', vrouwen: 'vrouw' },
  migratieachtergrond: {
    'geen migratieachtergrond': 'nederlands',
    'nederlandse achtergrond': 'nederlands',
    nederland: 'nederlands',
    autochtoon: 'nederlands',
    'westerse migratieachtergrond': 'westers',
    'niet westers': 'niet-westers',
    nietwesters: 'niet-westers',
    'niet westerse migratieachtergrond': 'niet-westers',
  },
  huishouden: {
    eenpersoons: 'alleenstaand',
    eenpersoonshuishouden: 'alleenstaand',
    alleenstaande: 'alleenstaand',
    eenouderhuishouden: 'eenouder',
    eenoudergezin: 'eenouder',
    'eenouder gezin': 'eenouder',
    'paar met kinderen': 'paar_met_kinderen',
    'gehuwd paar met kinderen': 'paar_met_kinderen',
    'ongehuwd paar met kinderen': 'paar_met_kinderen',
    '(on)gehuwd paar met kinderen': 'paar_met_kinderen',
    '(on)gehuwde paren met kinderen': 'paar_met_kinderen',
    'paar zonder kinderen': 'paar_zonder_kinderen',
    'gehuwd paar zonder kinderen': 'paar_zonder_kinderen',
    'ongehuwd paar zonder kinderen': 'paar_zonder_kinderen',
    '(on)gehuwd paar zonder kinderen': 'paar_zonder_kinderen',
    '(on)gehuwde paren zonder kinderen': 'paar_zonder_kinderen',
    paar: COUPLE,
    paren: COUPLE,
    'gehuwd paar': COUPLE,
    'ongehuwd paar': COUPLE,
    '(on)gehuwd paar': COUPLE,
    '(on)gehuwde paren': COUPLE,
    samenwonend: COUPLE,
    'overig/institutioneel/onbekend': 'overig',
    institutioneel: 'overig',
    'institutioneel huishouden': 'overig',
    'overig huishouden': 'overig',
  },
  doelgroepregister: { j: 'ja', n: 'nee', '1': 'ja', '0': 'nee' },
};

/** CBS's age bands of Table 2.1, for extracts that give a band instead of an age (default bands only). */
const CBS_AGE_BANDS: Record<string, string> = {
  '26 jaar of jonger': 't/m 26',
  '27 tot 45 jaar': '27-44',
  '45 tot aow leeftijd': '45+',
  '45 jaar tot aow leeftijd': '45+',
};

export const normalise = (v: string): string =>
  v
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

/** The outcome of reading one distinct value of a ground: a group, unknown on purpose, or not understood. */
export type Resolved = { group: string } | { unknown: true } | { notUnderstood: string };

/**
 * What a value of a base ground means. Empty and "onbekend" are unknown on purpose; a value that
 * is neither the mirror's own nor a CBS label is not understood (the caller decides whether that
 * person's ground becomes unknown or the row is refused).
 */
export function resolveGroundValue(ground: string, raw: string, bands: readonly number[]): Resolved {
  const v = raw.toLowerCase();
  if (v === '' || v === 'onbekend') return { unknown: true };
  if (ground === 'leeftijd') {
    const age = Number(v);
    if (Number.isInteger(age) && age >= 15 && age <= 70) return { group: ageBand(age, bands)! };
    const groups = ageBandGroups(bands);
    if (groups.includes(v)) return { group: v };
    const sameBands = bands.length === DEFAULT_AGE_BANDS.length && bands.every((b, i) => b === DEFAULT_AGE_BANDS[i]);
    const cbs = CBS_AGE_BANDS[normalise(v)];
    if (cbs && sameBands) return { group: cbs };
    return { notUnderstood: `"${raw}" is geen leeftijd in hele jaren (15–70)` };
  }
  if (KNOWN_VALUES[ground].includes(v)) return { group: v };
  const label = CBS_LABELS[ground]?.[normalise(v)];
  if (label) return { group: label };
  return {
    notUnderstood: `onbekende waarde "${raw}"; toegestaan: ${KNOWN_VALUES[ground].join(', ')}, onbekend of leeg`,
  };
}
