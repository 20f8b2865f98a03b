import { isValidBsn, normaliseBsn } from '../domain/bsn.js';
import {
  ALLOCATION_OUTCOMES,
  BENEFIT_END_REASONS,
  CONVERSATION_KINDS,
  EDUCATION_LEVELS,
  GENDERS,
  HOUSEHOLDS,
  LANGUAGE_LEVELS,
  TARGET_GROUPS,
  WORK_EXPERIENCE,
  normalisePostcode,
} from '../domain/codes.js';
import { isKnownCountry } from '../domain/countries.js';

/** What an extract can hold. One file holds one entity. */
export const ENTITIES = [
  'clients',
  'benefit_periods',
  'diagnoses',
  'instruments',
  'allocations',
  'conversations',
  'work_periods',
  'register_facts',
] as const;
export type EntityName = (typeof ENTITIES)[number];

export type FieldType = 'text' | 'bsn' | 'date' | 'enum' | 'bool' | 'number' | 'int' | 'postcode' | 'country';
/** How a date is checked: a birth date, a date that has happened, or any plausible date. */
export type DateKind = 'birth' | 'past' | 'any';

export interface FieldDef {
  field: string;
  /** Column in the table; absent for fields that are looked up (bsn of a linked entity, team, ...). */
  column?: string;
  type: FieldType;
  required?: boolean;
  values?: readonly string[];
  min?: number;
  max?: number;
  maxLength?: number;
  dateKind?: DateKind;
  /** Value when the column is absent from the file or the cell is empty (on insert). */
  fallback?: string | boolean | number;
  /** Checked against a list in the database (teams, users, neighbourhoods, instruments, SRG codes). */
  lookup?: 'team' | 'consultant' | 'neighbourhood' | 'instrument' | 'srg';
}

export interface EntityDef {
  name: EntityName;
  label: string;
  table: string;
  /** Linked to a client by BSN (client_id resolved per batch). */
  clientLinked: boolean;
  /**
   * Special-category data: stored in the monitoring schema under the person's pseudonym
   * (src/domain/pseudonym.ts) instead of the client id; never in the case file.
   */
  byPseudonym?: boolean;
  fields: FieldDef[];
  /** The natural key, as field names; re-importing a row with the same key updates it. */
  key: string[];
  /** Checks across fields of one row; returns [field, reason] pairs. */
  check?: (row: ParsedRow) => [string, string][];
}

export type Value = string | number | boolean | null;
export type ParsedRow = Record<string, Value>;

const bsnField: FieldDef = { field: 'bsn', type: 'bsn', required: true };

function order(
  row: ParsedRow,
  first: string,
  second: string,
  reason = 'De einddatum ligt vóór de begindatum.',
): [string, string][] {
  const a = row[first];
  const b = row[second];
  return typeof a === 'string' && typeof b === 'string' && b < a ? [[second, reason]] : [];
}

export const ENTITY_DEFS: Record<EntityName, EntityDef> = {
  clients: {
    name: 'clients',
    label: 'klanten',
    table: 'client',
    clientLinked: false,
    key: ['bsn'],
    fields: [
      { field: 'bsn', column: 'bsn', type: 'bsn', required: true },
      { field: 'given_name', column: 'given_name', type: 'text', required: true, maxLength: 200 },
      { field: 'family_name', column: 'family_name', type: 'text', required: true, maxLength: 200 },
      { field: 'birth_date', column: 'birth_date', type: 'date', required: true, dateKind: 'birth' },
      { field: 'gender', column: 'gender', type: 'enum', values: GENDERS, fallback: 'onbekend' },
      { field: 'street', column: 'street', type: 'text', maxLength: 200 },
      { field: 'house_number', column: 'house_number', type: 'text', maxLength: 20 },
      { field: 'postcode', column: 'postcode', type: 'postcode' },
      { field: 'city', column: 'city', type: 'text', maxLength: 100 },
      { field: 'neighbourhood', column: 'neighbourhood_id', type: 'text', lookup: 'neighbourhood' },
      { field: 'household', column: 'household', type: 'enum', values: HOUSEHOLDS, fallback: 'onbekend' },
      {
        field: 'education_level',
        column: 'education_level',
        type: 'enum',
        values: EDUCATION_LEVELS,
        fallback: 'onbekend',
      },
      {
        field: 'dutch_language_level',
        column: 'dutch_language_level',
        type: 'enum',
        values: LANGUAGE_LEVELS,
        fallback: 'onbekend',
      },
      {
        field: 'work_experience',
        column: 'work_experience',
        type: 'enum',
        values: WORK_EXPERIENCE,
        fallback: 'onbekend',
      },
      { field: 'doelgroepregister', column: 'doelgroepregister', type: 'bool', fallback: false },
      { field: 'team', column: 'team_id', type: 'text', required: true, lookup: 'team' },
      { field: 'consultant', column: 'consultant_id', type: 'text', lookup: 'consultant' },
    ],
  },
  benefit_periods: {
    name: 'benefit_periods',
    label: 'uitkeringsperioden',
    table: 'benefit_period',
    clientLinked: true,
    key: ['bsn', 'start_date'],
    fields: [
      bsnField,
      { field: 'start_date', column: 'start_date', type: 'date', required: true, dateKind: 'past' },
      { field: 'end_date', column: 'end_date', type: 'date', dateKind: 'any' },
      { field: 'end_reason', column: 'end_reason', type: 'enum', values: BENEFIT_END_REASONS },
    ],
    check: (row) => [
      ...order(row, 'start_date', 'end_date'),
      ...((row.end_date === null) !== (row.end_reason === null)
        ? [
            [
              'end_reason',
              row.end_date === null
                ? 'Een reden van beëindiging hoort alleen bij een einddatum.'
                : 'Bij een einddatum hoort een reden van beëindiging.',
            ] as [string, string],
          ]
        : []),
    ],
  },
  diagnoses: {
    name: 'diagnoses',
    label: 'diagnoses',
    table: 'diagnosis',
    clientLinked: true,
    key: ['bsn', 'given_on'],
    fields: [
      bsnField,
      { field: 'given_on', column: 'given_on', type: 'date', required: true, dateKind: 'past' },
      { field: 'distance', column: 'distance', type: 'enum', required: true, values: ['kort', 'lang'] },
      { field: 'reasons', column: 'reasons', type: 'text', required: true, maxLength: 4000 },
    ],
  },
  instruments: {
    name: 'instruments',
    label: 'voorzieningen (catalogus)',
    table: 'instrument',
    clientLinked: false,
    key: ['code'],
    fields: [
      { field: 'code', column: 'code', type: 'text', required: true, maxLength: 50 },
      { field: 'name', column: 'name', type: 'text', required: true, maxLength: 200 },
      { field: 'srg_code', column: 'srg_code', type: 'int', required: true, lookup: 'srg' },
      { field: 'description', column: 'description', type: 'text', fallback: '', maxLength: 4000 },
      { field: 'asks', column: 'asks', type: 'text', fallback: '', maxLength: 4000 },
      { field: 'yields', column: 'yields', type: 'text', fallback: '', maxLength: 4000 },
      // a code of TARGET_GROUPS (src/domain/codes.ts); for 'overig' the group in target_group_note
      { field: 'target_group', column: 'target_group', type: 'enum', values: TARGET_GROUPS },
      { field: 'target_group_note', column: 'target_group_note', type: 'text', maxLength: 100 },
      { field: 'active', column: 'active', type: 'bool', fallback: true },
    ],
  },
  allocations: {
    name: 'allocations',
    label: 'toegekende voorzieningen',
    table: 'instrument_allocation',
    clientLinked: true,
    key: ['bsn', 'instrument_code', 'requested_on'],
    fields: [
      bsnField,
      { field: 'instrument_code', column: 'instrument_id', type: 'text', required: true, lookup: 'instrument' },
      { field: 'requested_on', column: 'requested_on', type: 'date', required: true, dateKind: 'past' },
      { field: 'started_on', column: 'started_on', type: 'date', dateKind: 'past' },
      { field: 'ended_on', column: 'ended_on', type: 'date', dateKind: 'any' },
      { field: 'outcome', column: 'outcome', type: 'enum', values: ALLOCATION_OUTCOMES },
      { field: 'satisfaction', column: 'satisfaction', type: 'int', min: 1, max: 5 },
      { field: 'reason', column: 'reason', type: 'text', required: true, maxLength: 4000 },
      { field: 'client_wish', column: 'client_wish', type: 'text', maxLength: 4000 },
    ],
    check: (row) => [
      ...order(row, 'requested_on', 'started_on', 'De startdatum ligt vóór de aanvraagdatum.'),
      ...order(row, 'started_on', 'ended_on'),
      ...(row.ended_on !== null && row.started_on === null
        ? [['ended_on', 'Een einddatum zonder startdatum kan niet.'] as [string, string]]
        : []),
    ],
  },
  conversations: {
    name: 'conversations',
    label: 'gesprekken',
    table: 'conversation',
    clientLinked: true,
    key: ['bsn', 'held_on', 'kind'],
    fields: [
      bsnField,
      { field: 'held_on', column: 'held_on', type: 'date', required: true, dateKind: 'past' },
      { field: 'kind', column: 'kind', type: 'enum', required: true, values: CONVERSATION_KINDS },
      { field: 'location', column: 'location', type: 'text', maxLength: 200 },
      { field: 'summary', column: 'summary', type: 'text', fallback: '', maxLength: 10000 },
      { field: 'next_appointment', column: 'next_appointment', type: 'date', dateKind: 'any' },
    ],
  },
  work_periods: {
    name: 'work_periods',
    label: 'werkperioden',
    table: 'work_period',
    clientLinked: true,
    key: ['bsn', 'employer', 'start_date'],
    fields: [
      bsnField,
      { field: 'employer', column: 'employer', type: 'text', required: true, maxLength: 200 },
      { field: 'start_date', column: 'start_date', type: 'date', required: true, dateKind: 'past' },
      { field: 'end_date', column: 'end_date', type: 'date', dateKind: 'any' },
      { field: 'hours_per_week', column: 'hours_per_week', type: 'number', required: true, min: 0.1, max: 60 },
      { field: 'wage_cost_subsidy', column: 'wage_cost_subsidy', type: 'bool', fallback: false },
    ],
    check: (row) => order(row, 'start_date', 'end_date'),
  },
  register_facts: {
    name: 'register_facts',
    label: 'registergegevens voor de gronden (BRP)',
    table: 'monitoring.register_person',
    clientLinked: true,
    byPseudonym: true,
    key: ['bsn'],
    fields: [
      bsnField,
      { field: 'birth_country', column: 'birth_country', type: 'country' },
      { field: 'mother_birth_country', column: 'mother_birth_country', type: 'country' },
      { field: 'father_birth_country', column: 'father_birth_country', type: 'country' },
      { field: 'nationality', column: 'nationality', type: 'country' },
      { field: 'statushouder', column: 'statushouder', type: 'bool' },
    ],
  },
};

export function isEntity(name: string): name is EntityName {
  return (ENTITIES as readonly string[]).includes(name);
}

/** Why a value was refused; `kind` feeds the data-quality report. */
export interface FieldProblem {
  field: string;
  reason: string;
  kind: 'missing' | 'impossible_date' | 'invalid' | 'unknown_code' | 'duplicate';
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** 'YYYY-MM-DD' from the usual ways municipal systems write a date, or null when it is no date at all. */
export function parseDate(raw: string): { iso: string; valid: boolean } | null {
  const m = ISO.exec(raw) ?? COMPACT.exec(raw);
  let y: number;
  let mo: number;
  let d: number;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else {
    const n = DMY.exec(raw);
    if (!n) return null;
    y = Number(n[3]);
    mo = Number(n[2]);
    d = Number(n[1]);
  }
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(Date.UTC(y, mo - 1, d));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return { iso, valid };
}

const TRUE = new Set(['1', 'ja', 'j', 'true', 'waar', 'yes', 'y']);
const FALSE = new Set(['0', 'nee', 'n', 'false', 'onwaar', 'no']);

/** Control characters other than tab and line breaks, and NUL in particular, are never stored. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

/**
 * Parses one cell for one field. Returns the value (null = empty) or a problem.
 * `today` is 'YYYY-MM-DD'.
 */
export function parseField(def: FieldDef, raw: string, today: string): { value: Value } | { problem: FieldProblem } {
  const v = raw.trim();
  const problem = (kind: FieldProblem['kind'], reason: string) => ({ problem: { field: def.field, reason, kind } });
  if (v === '') {
    if (def.required) return problem('missing', 'Dit veld is verplicht en is leeg.');
    return { value: def.fallback ?? null };
  }
  if (CONTROL.test(v))
    return problem(
      'invalid',
      'Bevat ongeldige tekens (stuurtekens of een teken dat niet te lezen was in de gekozen tekenset).',
    );
  switch (def.type) {
    case 'bsn': {
      const bsn = normaliseBsn(v);
      return isValidBsn(bsn)
        ? { value: bsn }
        : problem('invalid', 'Geen geldig BSN: 9 cijfers die voldoen aan de elfproef.');
    }
    case 'date': {
      const d = parseDate(v);
      if (!d) return problem('invalid', `"${v.slice(0, 40)}" is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ).`);
      if (!d.valid) return problem('impossible_date', `${d.iso} bestaat niet.`);
      const year = Number(d.iso.slice(0, 4));
      if (def.dateKind === 'birth') {
        if (d.iso > today) return problem('impossible_date', 'Een geboortedatum in de toekomst kan niet.');
        if (year < 1900) return problem('impossible_date', 'Een geboortedatum vóór 1900 kan niet.');
      } else if (def.dateKind === 'past') {
        if (d.iso > today)
          return problem('impossible_date', 'Deze datum ligt in de toekomst; hij hoort al geweest te zijn.');
        if (year < 1950) return problem('impossible_date', 'Een datum vóór 1950 kan hier niet.');
      } else if (year < 1950 || year > 2100) return problem('impossible_date', 'Deze datum ligt buiten 1950–2100.');
      return { value: d.iso };
    }
    case 'enum': {
      const found = def.values!.find((x) => x.toLowerCase() === v.toLowerCase());
      return found !== undefined
        ? { value: found }
        : problem('unknown_code', `Onbekende waarde "${v.slice(0, 40)}". Toegestaan: ${def.values!.join(', ')}.`);
    }
    case 'bool': {
      const l = v.toLowerCase();
      if (TRUE.has(l)) return { value: true };
      if (FALSE.has(l)) return { value: false };
      return problem('invalid', `"${v.slice(0, 40)}" is geen ja of nee.`);
    }
    case 'number':
    case 'int': {
      const n = Number(v.replace(',', '.'));
      if (!Number.isFinite(n) || (def.type === 'int' && !Number.isInteger(n)))
        return problem('invalid', `"${v.slice(0, 40)}" is geen ${def.type === 'int' ? 'heel ' : ''}getal.`);
      if (def.min !== undefined && n < def.min) return problem('invalid', `Minstens ${def.min}.`);
      if (def.max !== undefined && n > def.max) return problem('invalid', `Hoogstens ${def.max}.`);
      return { value: n };
    }
    case 'postcode': {
      // the same rule as the API (src/domain/codes.ts)
      const p = normalisePostcode(v);
      return p === null
        ? problem('invalid', `"${v.slice(0, 40)}" is geen Nederlandse postcode (zoals 1234 AB).`)
        : { value: p };
    }
    case 'country': {
      // ISO 3166-1 alpha-2 as the monitoring schema stores it; other codings (the BRP's
      // four-digit Landentabel, names) are recoded in the mapping.
      const code = v.toUpperCase();
      return isKnownCountry(code)
        ? { value: code }
        : problem(
            'unknown_code',
            `Onbekende landcode "${v.slice(0, 40)}": gebruik de tweeletterige ISO-code (zoals NL, MA, TR).`,
          );
    }
    default:
      if (def.maxLength !== undefined && v.length > def.maxLength)
        return problem('invalid', `Te lang: hoogstens ${def.maxLength} tekens.`);
      return { value: v };
  }
}
