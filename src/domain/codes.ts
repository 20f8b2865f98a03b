/** Code lists of the guidance process. They mirror the CHECK constraints in the migrations. */
export const GENDERS = ['man', 'vrouw', 'anders', 'onbekend'] as const;
export const HOUSEHOLDS = ['alleenstaand', 'eenouder', 'paar_met_kinderen', 'paar_zonder_kinderen', 'overig', 'onbekend'] as const;
export const EDUCATION_LEVELS = ['geen_basis', 'vmbo_mbo1', 'startkwalificatie', 'hbo_wo', 'onbekend'] as const;
export const LANGUAGE_LEVELS = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'onbekend'] as const;
export const WORK_EXPERIENCE = ['geen', 'buitenland', 'nederland', 'onbekend'] as const;
export const DISTANCES = ['kort', 'lang'] as const;
export const BESTANDEN = ['werkplein', 'wijk'] as const;
export const CONVERSATION_KINDS = ['gesprek', 'telefoon', 'video', 'huisbezoek'] as const;
export const BENEFIT_END_REASONS = [
  'werk', 'werk_met_loonkostensubsidie', 'onderwijs', 'inkomen_partner', 'verhuizing', 'aow', 'overlijden', 'detentie', 'overig',
] as const;
export const ALLOCATION_OUTCOMES = ['afgerond', 'voortijdig_gestopt', 'niet_gestart'] as const;
export const INTERMEDIATE_STEP_KINDS = ['taal', 'gezondheid', 'netwerk', 'scholing', 'vrijwilligerswerk', 'financien', 'overig'] as const;
export const DISCRIMINATION_GROUNDS = ['herkomst', 'religie', 'geslacht', 'leeftijd', 'beperking', 'anders'] as const;

/** Participation ladder (participatieladder), six steps. */
export const LADDER_STEPS: Record<number, string> = {
  1: 'Geïsoleerd',
  2: 'Sociale contacten buitenshuis',
  3: 'Deelname georganiseerde activiteiten',
  4: 'Onbetaald werk',
  5: 'Betaald werk met ondersteuning',
  6: 'Betaald werk',
};

export type Gender = (typeof GENDERS)[number];
export type Household = (typeof HOUSEHOLDS)[number];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
export type WorkExperience = (typeof WORK_EXPERIENCE)[number];
export type Distance = (typeof DISTANCES)[number];
