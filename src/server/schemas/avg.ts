import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const ReadonlyArrayOf = <T extends TSchema>(items: T) => Type.Unsafe<readonly Static<T>[]>(Type.Array(items));
const Counts = (description: string) => Type.Record(Type.String(), Type.Integer(), { description });

/** GET /data-quality (databaseQuality in src/store/import.ts): figures only, no persons. */
export const DatabaseQuality = Type.Object({
  clients: Type.Integer({ description: 'Aantal klanten' }),
  missing: Counts(
    'Klanten zonder waarde, per veld: gender, household, education_level, dutch_language_level, work_experience, neighbourhood, postcode, consultant',
  ),
  impossibleDates: Counts(
    'Onmogelijke datums, per soort: birth_date, client_younger_than_15, benefit_period, conversation, diagnosis, work_period',
  ),
  duplicatePersons: Type.Object({
    sameBsn: Type.Integer(),
    sameNameAndBirthDate: Type.Object({ groups: Type.Integer(), clients: Type.Integer() }),
  }),
  codesNotInCatalogue: Counts(
    'Codes buiten de catalogus: allocations_of_inactive_instruments, instruments_without_srg_code',
  ),
  groundSources: Type.Record(
    Type.String(),
    Type.Object({
      register: Nullable(Type.Integer({ description: 'De waarde komt uit de registratie (die gaat voor)' })),
      questionnaire: Nullable(Type.Integer({ description: 'Alleen uit een vragenlijst (de registratie heeft niets)' })),
      unknown: Nullable(Type.Integer({ description: 'Onbekend: geen registratie en geen vragenlijst' })),
      differ: Nullable(Type.Integer({ description: 'Registratie en vragenlijst verschillen; de registratie telt' })),
    }),
    {
      description:
        'Waar de gegevens voor de gronden vandaan komen, per gegeven (birth_country, mother_birth_country, father_birth_country, nationality, statushouder): aantallen klanten, afgerond op veelvouden van 5 met de celsleutel, kleine aantallen verborgen (null)',
    },
  ),
});

/** The k-anonymity and l-diversity report of a research export (KAnonymityReport in src/store/avg.ts). */
export const KAnonymityReport = Type.Object({
  k: Type.Integer(),
  quasiIdentifiers: ReadonlyArrayOf(Type.String()),
  diversity: Type.Union([Type.Object({ field: Type.String(), l: Type.Integer() }), Type.Null()]),
  rowsIn: Type.Integer(),
  rowsOut: Type.Integer(),
  generalised: Counts('Regels met een grovere waarde, per quasi-identificator (alleen die veranderden)'),
  suppressed: Type.Integer(),
  suppressedHomogeneous: Type.Integer(),
  classes: Type.Integer(),
  smallestClass: Type.Integer(),
});

const ResearchExportJson = Type.Object({
  report: KAnonymityReport,
  rows: Type.Array(Type.Record(Type.String(), Type.String()), {
    description:
      'Eén regel per persoon, alle waarden als tekst: nummer, leeftijd, geslacht, wijk, huishouden, opleiding, taalniveau, ' +
      'werkervaring, diagnose, plan, voorzieningen, gesprekken_12m, uitstroom_werk',
  }),
});

/**
 * GET /research-export: this JSON object; with format=csv the handler returns the same rows as
 * a text/csv string, which Fastify sends as it is (only JSON goes through the serialiser).
 */
export const ResearchExport = Type.Unsafe<Static<typeof ResearchExportJson> | string>(ResearchExportJson);
