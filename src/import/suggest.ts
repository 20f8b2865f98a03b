import { COUNTRIES } from '../domain/countries.js';
import { ENTITY_DEFS, parseField, type EntityName, type FieldDef } from './entities.js';

/**
 * Suggestions for the import screen: which field a column probably holds, and which value an
 * unknown source value probably means. Only suggestions: the administrator confirms them, and
 * the import itself still checks every value.
 */

/** Lower case, without diacritics, spaces, punctuation or "(on)". */
export function normaliseLabel(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Column names municipal systems use, by field (normalised). */
const FIELD_NAMES: Record<string, string[]> = {
  bsn: ['bsn', 'burgerservicenummer', 'sofinummer'],
  given_name: ['voornaam', 'voornamen', 'roepnaam'],
  family_name: ['achternaam', 'geslachtsnaam', 'familienaam'],
  birth_date: ['geboortedatum', 'gebdat', 'geboren'],
  gender: ['geslacht', 'sekse'],
  street: ['straat', 'straatnaam'],
  house_number: ['huisnummer', 'huisnr'],
  postcode: ['postcode'],
  city: ['woonplaats', 'plaats'],
  neighbourhood: ['wijk', 'wijkcode'],
  household: ['huishouden', 'huishoudtype', 'huishoudsamenstelling', 'leefvorm'],
  education_level: ['opleiding', 'opleidingsniveau'],
  dutch_language_level: ['taalniveau', 'taalniveaunederlands'],
  work_experience: ['werkervaring'],
  doelgroepregister: ['doelgroepregister'],
  team: ['team'],
  consultant: ['klantmanager', 'consulent', 'medewerker'],
  start_date: ['begindatum', 'startdatum', 'ingangsdatum'],
  end_date: ['einddatum'],
  end_reason: ['reden', 'redeneinde', 'beeindigingsreden', 'uitstroomreden'],
  birth_country: ['geboorteland', 'geboortelandpersoon', 'landgeboorte'],
  mother_birth_country: ['geboortelandmoeder', 'geboortelandouder1'],
  father_birth_country: ['geboortelandvader', 'geboortelandouder2'],
  nationality: ['nationaliteit'],
  statushouder: ['statushouder', 'vergunninghouder'],
};

/** The field a column probably holds, or null. A field already taken is not suggested again. */
export function suggestField(
  entity: EntityName,
  header: string,
  taken: ReadonlySet<string> = new Set(),
): string | null {
  const key = normaliseLabel(header);
  for (const f of ENTITY_DEFS[entity].fields) {
    if (taken.has(f.field)) continue;
    if (normaliseLabel(f.field) === key || (FIELD_NAMES[f.field] ?? []).includes(key)) return f.field;
  }
  return null;
}

/** Known source labels per field (normalised label → value), e.g. the CBS household labels. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  gender: { m: 'man', v: 'vrouw', mannelijk: 'man', vrouwelijk: 'vrouw', x: 'anders', o: 'onbekend' },
  household: {
    // CBS (StatLine, huishoudens): eenpersoonshuishouden, (on)gehuwd paar zonder/met kinderen,
    // eenouderhuishouden, overig meerpersoonshuishouden
    eenpersoons: 'alleenstaand',
    eenpersoonshuishouden: 'alleenstaand',
    alleenstaande: 'alleenstaand',
    eenouder: 'eenouder',
    eenouderhuishouden: 'eenouder',
    eenoudergezin: 'eenouder',
    paarzonderkinderen: 'paar_zonder_kinderen',
    paarmetkinderen: 'paar_met_kinderen',
    gehuwdpaarzonderkinderen: 'paar_zonder_kinderen',
    gehuwdpaarmetkinderen: 'paar_met_kinderen',
    ongehuwdpaarzonderkinderen: 'paar_zonder_kinderen',
    ongehuwdpaarmetkinderen: 'paar_met_kinderen',
    ongehuwdeparenzonderkinderen: 'paar_zonder_kinderen',
    ongehuwdeparenmetkinderen: 'paar_met_kinderen',
    gehuwdeparenzonderkinderen: 'paar_zonder_kinderen',
    gehuwdeparenmetkinderen: 'paar_met_kinderen',
    overigmeerpersoonshuishouden: 'overig',
    meerpersoonshuishouden: 'overig',
    institutioneel: 'overig',
    institutioneelhuishouden: 'overig',
  },
  end_reason: { verhuisd: 'verhuizing', pensioen: 'aow', overleden: 'overlijden', studie: 'onderwijs' },
  work_experience: { nee: 'geen', nl: 'nederland', ja: 'nederland' },
};

const COUNTRY_BY_NAME = new Map([...COUNTRIES.values()].map((c) => [normaliseLabel(c.name), c.code]));

/**
 * The value a source value probably means for this field, or null when there is no good guess
 * (also when the value is already accepted as it is). Ambiguous labels, such as "paar" (with or
 * without children?), get no suggestion: the administrator decides.
 */
export function suggestValue(def: FieldDef, raw: string, today = '2000-01-01'): string | null {
  const v = raw.trim();
  if (v === '') return null;
  const parsed = parseField(def, v, today);
  if ('value' in parsed) return null;
  if (parsed.problem.kind !== 'unknown_code' && parsed.problem.kind !== 'invalid') return null;
  const key = normaliseLabel(v);
  const known = VALUE_LABELS[def.field]?.[key];
  if (known !== undefined) return known;
  if (def.type === 'country') return COUNTRY_BY_NAME.get(key) ?? null;
  if (def.type === 'enum') return def.values!.find((x) => normaliseLabel(x) === key) ?? null;
  return null;
}

/** Whether a source value is accepted as it is for this field (no recoding needed). */
export function acceptsValue(def: FieldDef, raw: string, today = '2000-01-01'): boolean {
  if (raw.trim() === '') return true;
  const parsed = parseField(def, raw, today);
  return 'value' in parsed || parsed.problem.kind === 'impossible_date';
}
