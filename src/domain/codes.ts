/** Code lists of the guidance process. They mirror the CHECK constraints in the migrations. */
export const GENDERS = ['man', 'vrouw', 'anders', 'onbekend'] as const;
export const HOUSEHOLDS = [
  'alleenstaand',
  'eenouder',
  'paar_met_kinderen',
  'paar_zonder_kinderen',
  'overig',
  'onbekend',
] as const;
export const EDUCATION_LEVELS = ['geen_basis', 'vmbo_mbo1', 'startkwalificatie', 'hbo_wo', 'onbekend'] as const;
export const LANGUAGE_LEVELS = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'onbekend'] as const;
/** Dutch at B1 or higher: where the mirror, the research export and the demo split language levels. */
export const LANGUAGE_B1_OR_HIGHER: ReadonlySet<string> = new Set(['B1', 'B2', 'C1', 'C2']);
export const WORK_EXPERIENCE = ['geen', 'buitenland', 'nederland', 'onbekend'] as const;
export const DISTANCES = ['kort', 'lang'] as const;
export const BESTANDEN = ['werkplein', 'wijk'] as const;
export const CONVERSATION_KINDS = ['gesprek', 'telefoon', 'video', 'huisbezoek'] as const;
export const BENEFIT_END_REASONS = [
  'werk',
  'werk_met_loonkostensubsidie',
  'onderwijs',
  'inkomen_partner',
  'verhuizing',
  'aow',
  'overlijden',
  'detentie',
  'overig',
] as const;
export const ALLOCATION_OUTCOMES = ['afgerond', 'voortijdig_gestopt', 'niet_gestart'] as const;
export const INTERMEDIATE_STEP_KINDS = [
  'taal',
  'gezondheid',
  'netwerk',
  'scholing',
  'vrijwilligerswerk',
  'financien',
  'overig',
] as const;
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

/**
 * Target groups for which an instrument can be reserved (instrument.target_group; NULL = open to
 * everyone). A fixed list, so that reservations can be counted and compared, and so that the
 * consultant confirms membership of a named group rather than of a free description:
 * - doelgroepregister: people in the banenafspraak target-group register (UWV);
 * - statushouders: refugees with a residence permit (integration duty);
 * - jongeren_tot_27: young people up to and including 26 (the Participatiewet's youth rules);
 * - 55_plus: people aged 55 or older;
 * - medische_urenbeperking: people with a medically established limit on working hours;
 * - overig: another group, described in target_group_note (also where an older free text did
 *   not match one of the above; see migration 020).
 */
export const TARGET_GROUPS = [
  'doelgroepregister',
  'statushouders',
  'jongeren_tot_27',
  '55_plus',
  'medische_urenbeperking',
  'overig',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Dutch labels of every code list, for the screens (B1 language, no underscores). */
export const GENDER_LABELS: Record<Gender, string> = {
  man: 'man',
  vrouw: 'vrouw',
  anders: 'anders',
  onbekend: 'onbekend',
};
export const HOUSEHOLD_LABELS: Record<Household, string> = {
  alleenstaand: 'alleenstaand',
  eenouder: 'eenoudergezin',
  paar_met_kinderen: 'paar met kinderen',
  paar_zonder_kinderen: 'paar zonder kinderen',
  overig: 'overig',
  onbekend: 'onbekend',
};
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  geen_basis: 'geen of alleen basisonderwijs',
  vmbo_mbo1: 'vmbo / mbo 1',
  startkwalificatie: 'startkwalificatie (havo, vwo of mbo 2 of hoger)',
  hbo_wo: 'hbo / wo',
  onbekend: 'onbekend',
};
export const LANGUAGE_LABELS: Record<LanguageLevel, string> = {
  A0: 'A0 (nog geen Nederlands)',
  A1: 'A1',
  A2: 'A2',
  B1: 'B1',
  B2: 'B2',
  C1: 'C1',
  C2: 'C2',
  onbekend: 'onbekend',
};
export const WORK_EXPERIENCE_LABELS: Record<WorkExperience, string> = {
  geen: 'geen',
  buitenland: 'alleen in het buitenland',
  nederland: 'in Nederland',
  onbekend: 'onbekend',
};
export const DISTANCE_LABELS: Record<Distance, string> = {
  kort: 'kort (werk binnen twee jaar)',
  lang: 'lang (langer dan twee jaar)',
};
export const BESTAND_LABELS: Record<(typeof BESTANDEN)[number], string> = {
  werkplein: 'Werkpleinbestand',
  wijk: 'Wijkbestand',
};
export const CONVERSATION_KIND_LABELS: Record<(typeof CONVERSATION_KINDS)[number], string> = {
  gesprek: 'gesprek op kantoor of in de wijk',
  telefoon: 'telefoon',
  video: 'videogesprek',
  huisbezoek: 'huisbezoek',
};
export const BENEFIT_END_REASON_LABELS: Record<(typeof BENEFIT_END_REASONS)[number], string> = {
  werk: 'werk',
  werk_met_loonkostensubsidie: 'werk met loonkostensubsidie',
  onderwijs: 'onderwijs',
  inkomen_partner: 'inkomen van de partner',
  verhuizing: 'verhuizing',
  aow: 'AOW',
  overlijden: 'overlijden',
  detentie: 'detentie',
  overig: 'overig',
};
export const ALLOCATION_OUTCOME_LABELS: Record<(typeof ALLOCATION_OUTCOMES)[number], string> = {
  afgerond: 'afgerond',
  voortijdig_gestopt: 'voortijdig gestopt',
  niet_gestart: 'niet gestart',
};
export const INTERMEDIATE_STEP_KIND_LABELS: Record<(typeof INTERMEDIATE_STEP_KINDS)[number], string> = {
  taal: 'taal',
  gezondheid: 'gezondheid',
  netwerk: 'netwerk',
  scholing: 'scholing',
  vrijwilligerswerk: 'vrijwilligerswerk',
  financien: 'financiën',
  overig: 'overig',
};
export const DISCRIMINATION_GROUND_LABELS: Record<(typeof DISCRIMINATION_GROUNDS)[number], string> = {
  herkomst: 'herkomst of huidskleur',
  religie: 'religie',
  geslacht: 'geslacht',
  leeftijd: 'leeftijd',
  beperking: 'beperking of ziekte',
  anders: 'anders',
};
export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  doelgroepregister: 'mensen in het doelgroepregister (banenafspraak)',
  statushouders: 'statushouders',
  jongeren_tot_27: 'jongeren tot 27 jaar',
  '55_plus': '55-plussers',
  medische_urenbeperking: 'mensen met een medische urenbeperking',
  overig: 'een andere doelgroep',
};

/** The code lists with their labels, by the name of the client field or code list. */
export const CODE_LABELS = {
  gender: GENDER_LABELS,
  household: HOUSEHOLD_LABELS,
  educationLevel: EDUCATION_LABELS,
  dutchLanguageLevel: LANGUAGE_LABELS,
  workExperience: WORK_EXPERIENCE_LABELS,
  distance: DISTANCE_LABELS,
  bestand: BESTAND_LABELS,
  conversationKind: CONVERSATION_KIND_LABELS,
  benefitEndReason: BENEFIT_END_REASON_LABELS,
  allocationOutcome: ALLOCATION_OUTCOME_LABELS,
  intermediateStepKind: INTERMEDIATE_STEP_KIND_LABELS,
  discriminationGround: DISCRIMINATION_GROUND_LABELS,
  targetGroup: TARGET_GROUP_LABELS,
} as const;
export type CodeList = keyof typeof CODE_LABELS;

/** The Dutch label of a code; the code itself when the list does not know it; '' for null. */
export function codeLabel(list: CodeList, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  return (CODE_LABELS[list] as Record<string, string>)[code] ?? code;
}

/** Options for a select: every code of the list with its label, in the list's order. */
export function codeOptions(list: CodeList): { value: string; label: string }[] {
  return Object.entries(CODE_LABELS[list]).map(([value, label]) => ({ value, label }));
}

/**
 * The label of an instrument's reservation: "statushouders", or the note for `overig`
 * ("een andere doelgroep" without one).
 */
export function targetGroupLabel(code: string | null, note?: string | null): string {
  if (code === null) return '';
  if (code === 'overig' && note && note.trim()) return note.trim();
  return codeLabel('targetGroup', code);
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();

/**
 * Reads an older free-text reservation as a code of {@link TARGET_GROUPS}: "Statushouders",
 * "jongeren tot 27 jaar", "55+", "doelgroepregister banenafspraak"… Text that names no group
 * of the list becomes `overig` with the text kept as the note. Same rules as migration 020.
 */
export function targetGroupFromText(
  text: string | null | undefined,
): { code: TargetGroup; note: string | null } | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const t = fold(text);
  if ((TARGET_GROUPS as readonly string[]).includes(text.trim()))
    return { code: text.trim() as TargetGroup, note: null };
  if (/doelgroepregister|banenafspraak/.test(t)) return { code: 'doelgroepregister', note: null };
  if (/statushouder|vergunninghouder/.test(t)) return { code: 'statushouders', note: null };
  if (/jongere|jeugd|tot 27|onder 27|18 ?27/.test(t)) return { code: 'jongeren_tot_27', note: null };
  if (/55 ?\+|55 ?plus|vanaf 55|ouderen/.test(t)) return { code: '55_plus', note: null };
  if (/urenbeperking|medisch/.test(t)) return { code: 'medische_urenbeperking', note: null };
  return { code: 'overig', note: text.trim() };
}

/** A Dutch postcode: four digits (not starting with 0), an optional space, two capital letters. */
export const POSTCODE_PATTERN = '^[1-9][0-9]{3} ?[A-Z]{2}$';

/** "1234ab" or "1234 AB" → "1234 AB"; null when it is no Dutch postcode. */
export function normalisePostcode(value: string): string | null {
  const v = value.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!new RegExp(POSTCODE_PATTERN).test(v)) return null;
  return `${v.slice(0, 4)} ${v.slice(-2)}`;
}
