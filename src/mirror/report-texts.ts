import { NATIONAL_CAVEAT } from './caveats.js';

/** The language of a report: Dutch by default, English when the app is in English. */
export type ReportLang = 'nl' | 'en';

/** Every fixed text of the council report (HTML, PDF, XLSX and CSV), in one language. */
export interface ReportTexts {
  locale: string;
  /** Section names: XLSX sheets and HTML/PDF headings (at most 31 characters). */
  sheet: {
    story: string;
    funnel: string;
    groups: string;
    quality: string;
    national: string;
    adjusted: string;
    attention: string;
    sources: string;
  };
  storyTitle: string;
  /** Register or questionnaire per fact behind the grounds (data quality). */
  sources: {
    title: string;
    facts: Record<string, string>;
    col: Record<'fact' | 'register' | 'questionnaire' | 'unknown' | 'differ', string>;
    note: string;
  };
  methodTitle: string;
  funnelTitle: string;
  groupsTitle: (ground: string) => string;
  qualityTitle: string;
  nationalTitle: string;
  attentionTitle: string;
  adjustedTitle: (ground: string, stage: string, reference: string, covariates: string) => string;
  nothing: string;
  col: Record<
    | 'ground'
    | 'group'
    | 'stage'
    | 'meaning'
    | 'count'
    | 'rate'
    | 'groupSize'
    | 'sharePopulation'
    | 'shareStage'
    | 'difference'
    | 'rateLower'
    | 'rateUpper'
    | 'clear'
    | 'what'
    | 'shareOfPeople'
    | 'diffHere'
    | 'diffNational'
    | 'rateHere'
    | 'rateNational'
    | 'reached'
    | 'crudeOr'
    | 'crudeLower'
    | 'crudeUpper'
    | 'adjustedOr'
    | 'adjustedLower'
    | 'adjustedUpper'
    | 'p',
    string
  >;
  yes: string;
  no: string;
  reference: string;
  pBelow: string;
  folded: (n: number) => string;
  quality: { missingDiagnosis: string; withoutConversation: string; impossibleDates: string };
  qualityUnknown: (ground: string) => string;
  qualityNote: string;
  nationalCaveat: string;
  /** Notes under the adjusted comparison when its explanation is only in Dutch. */
  adjustedNote: string | null;
  method: (threshold: number, base: number | null) => string[];
  chartCaption: (stage: string, ground: string) => string;
  subtitle: (parts: { municipality: string; period: string; scope: string; ground: string }, n: string) => string;
  madeOn: (date: string) => string;
  footer: (date: string, threshold: number) => string;
  scopeMunicipality: string;
  scopeTeam: (name: string) => string;
  scopeWijk: (name: string) => string;
}

const NL: ReportTexts = {
  locale: 'nl-NL',
  sheet: {
    story: 'Verhaal',
    funnel: 'Trechter',
    groups: 'Per groep',
    quality: 'Kwaliteit',
    national: 'Nederland',
    adjusted: 'Rekening houdend met',
    attention: 'Aandacht',
    sources: 'Bronnen',
  },
  sources: {
    title: 'Registratie of vragenlijst: waar de gegevens over herkomst vandaan komen',
    facts: {
      birth_country: 'Geboorteland',
      mother_birth_country: 'Geboorteland van de moeder',
      father_birth_country: 'Geboorteland van de vader',
      nationality: 'Nationaliteit',
      statushouder: 'Statushouder',
    },
    col: {
      fact: 'Gegeven',
      register: 'Uit de registratie',
      questionnaire: 'Alleen uit een vragenlijst',
      unknown: 'Onbekend',
      differ: 'Registratie en vragenlijst verschillen',
    },
    note: 'Staat een gegeven in de registratie én in een vragenlijst, dan telt de registratie. Dat geldt per gegeven: ontbreekt het in de registratie, dan telt het antwoord.',
  },
  storyTitle: 'Het verhaal achter de cijfers',
  methodTitle: 'Zo leest u dit',
  funnelTitle: 'De trechter: hoeveel mensen elke fase bereikten',
  groupsTitle: (g) => `Per groep: ${g}`,
  qualityTitle: 'Kwaliteit van de gegevens in deze periode',
  nationalTitle: 'Vergelijking met Nederland (CBS 2018)',
  attentionTitle: 'Aandachtsspiegel: gesprekken en "onder op de stapel" per groep',
  adjustedTitle: (g, s, r, c) => `${g}, ${s}: odds ratio tegen ${r}, zonder en met correctie voor ${c}`,
  nothing: 'niets',
  col: {
    ground: 'Kenmerk',
    group: 'Groep',
    stage: 'Fase',
    meaning: 'Betekenis',
    count: 'Aantal',
    rate: 'Kans (%)',
    groupSize: 'Aantal in de groep',
    sharePopulation: 'Aandeel in de bevolking (%)',
    shareStage: 'Aandeel in de fase (%)',
    difference: 'Verschil (procentpunten)',
    rateLower: 'Kans, ondergrens 95%-interval (%)',
    rateUpper: 'Kans, bovengrens 95%-interval (%)',
    clear: 'Duidelijk verschil',
    what: 'Wat',
    shareOfPeople: 'Deel van de mensen met bijstand (%)',
    diffHere: 'Verschil hier (procentpunten)',
    diffNational: 'Verschil landelijk (procentpunten)',
    rateHere: 'Kans hier (%)',
    rateNational: 'Kans landelijk (%)',
    reached: 'Bereikt',
    crudeOr: 'Zonder correctie: odds ratio',
    crudeLower: 'Zonder correctie: ondergrens',
    crudeUpper: 'Zonder correctie: bovengrens',
    adjustedOr: 'Met correctie: odds ratio',
    adjustedLower: 'Met correctie: ondergrens',
    adjustedUpper: 'Met correctie: bovengrens',
    p: 'p (met correctie)',
  },
  yes: 'ja',
  no: 'nee',
  reference: 'vergelijkingsgroep',
  pBelow: '< 0,001',
  folded: (n) => (n === 1 ? '1 groep te klein om te tonen.' : `${n} groepen te klein om te tonen.`),
  quality: {
    missingDiagnosis: 'Mensen zonder diagnoseadvies',
    withoutConversation: 'Klanten zonder enig gesprek in het dossier',
    impossibleDates: 'Klanten met een onmogelijke datum (geboortedatum, uitkering of gesprek)',
  },
  qualityUnknown: (g) => `Kenmerk onbekend: ${g}`,
  qualityNote: 'Cijfers zijn zo goed als de registratie. Dit ontbreekt of klopt niet.',
  nationalCaveat: NATIONAL_CAVEAT.nl,
  adjustedNote: null,
  method: (t, base) => [
    'Aandeel: welk deel van de mensen in een fase tot deze groep hoort. Verschil: dat aandeel min het aandeel van de groep in de hele bevolking, in procentpunten. Negatief betekent ondervertegenwoordigd.',
    'Kans: welk deel van de groep de fase bereikte, met een 95%-betrouwbaarheidsinterval (Wilson). Een duidelijk verschil met de rest: na correctie voor het aantal vergelijkingen (Benjamini-Hochberg) p < 0,05 en minstens 10% hoger of lager.',
    'Rekening houdend met andere kenmerken: logistische regressie; een odds ratio onder 1 betekent een kleinere kans dan de referentiegroep.',
    `"< ${t}": minder dan ${t} mensen. "x": genoeg mensen, maar met dit cijfer zou u een verborgen klein aantal kunnen terugrekenen. Beide tonen we niet.`,
    ...(base !== null
      ? [
          `Alle aantallen zijn afgerond op veelvouden van ${base}. Percentages, verhoudingen en toetsen zijn berekend uit de afgeronde aantallen, zodat niemand door cijfers van elkaar af te trekken iets over één persoon te weten komt.`,
        ]
      : []),
  ],
  chartCaption: (s, g) => `${s}: kans per groep (${g.toLowerCase()})`,
  subtitle: (p, n) => `${p.municipality}, ${p.period}, ${p.scope}, ${p.ground}: ${n} mensen met bijstand (afgerond).`,
  madeOn: (d) => `Gemaakt op ${d}`,
  footer: (d, t) => `Gemaakt met Kansenspiegel op ${d}. Drempel voor kleine aantallen: ${t}.`,
  scopeMunicipality: 'hele gemeente',
  scopeTeam: (n) => `team ${n}`,
  scopeWijk: (n) => `wijk ${n}`,
};

const EN: ReportTexts = {
  locale: 'en-GB',
  sheet: {
    story: 'Story',
    funnel: 'Funnel',
    groups: 'Per group',
    quality: 'Data quality',
    national: 'Netherlands',
    adjusted: 'Other characteristics',
    attention: 'Attention',
    sources: 'Sources',
  },
  sources: {
    title: 'Register or questionnaire: where the data on background come from',
    facts: {
      birth_country: 'Country of birth',
      mother_birth_country: "Mother's country of birth",
      father_birth_country: "Father's country of birth",
      nationality: 'Nationality',
      statushouder: 'Refugee with a residence permit (statushouder)',
    },
    col: {
      fact: 'Fact',
      register: 'From the register',
      questionnaire: 'Only from a questionnaire',
      unknown: 'Unknown',
      differ: 'Register and questionnaire differ',
    },
    note: 'Where a fact is in the register and in a questionnaire, the register counts. This holds per fact: where the register lacks it, the answer counts.',
  },
  storyTitle: 'The story behind the figures',
  methodTitle: 'How to read this',
  funnelTitle: 'The funnel: how many people reached each stage',
  groupsTitle: (g) => `Per group: ${g}`,
  qualityTitle: 'Data quality in this period',
  nationalTitle: 'Comparison with the Netherlands (CBS 2018)',
  attentionTitle: 'Attention mirror: conversations and "bottom of the pile" per group',
  adjustedTitle: (g, s, r, c) => `${g}, ${s}: odds ratio against ${r}, without and with adjustment for ${c}`,
  nothing: 'nothing',
  col: {
    ground: 'Characteristic',
    group: 'Group',
    stage: 'Stage',
    meaning: 'Meaning',
    count: 'Number',
    rate: 'Chance (%)',
    groupSize: 'Number in the group',
    sharePopulation: 'Share of the population (%)',
    shareStage: 'Share of the stage (%)',
    difference: 'Difference (percentage points)',
    rateLower: 'Chance, lower bound 95% interval (%)',
    rateUpper: 'Chance, upper bound 95% interval (%)',
    clear: 'Clear difference',
    what: 'What',
    shareOfPeople: 'Share of people on assistance (%)',
    diffHere: 'Difference here (percentage points)',
    diffNational: 'Difference nationally (percentage points)',
    rateHere: 'Chance here (%)',
    rateNational: 'Chance nationally (%)',
    reached: 'Reached',
    crudeOr: 'Without adjustment: odds ratio',
    crudeLower: 'Without adjustment: lower bound',
    crudeUpper: 'Without adjustment: upper bound',
    adjustedOr: 'With adjustment: odds ratio',
    adjustedLower: 'With adjustment: lower bound',
    adjustedUpper: 'With adjustment: upper bound',
    p: 'p (with adjustment)',
  },
  yes: 'yes',
  no: 'no',
  reference: 'reference group',
  pBelow: '< 0.001',
  folded: (n) => (n === 1 ? '1 group too small to show.' : `${n} groups too small to show.`),
  quality: {
    missingDiagnosis: 'People without a diagnosis advice',
    withoutConversation: 'Clients without any conversation on file',
    impossibleDates: 'Clients with an impossible date (birth, benefit or conversation)',
  },
  qualityUnknown: (g) => `Characteristic unknown: ${g}`,
  qualityNote: 'Figures are as good as the records. This is missing or wrong.',
  nationalCaveat: NATIONAL_CAVEAT.en,
  adjustedNote:
    'An odds ratio below 1 means a smaller chance than the reference group, above 1 a larger one. "Without adjustment" compares the groups as they are; "with adjustment" compares people who are alike in the characteristics taken into account. If the interval includes 1, the difference may be chance.',
  method: (t, base) => [
    'Share: the part of the people at a stage who belong to this group. Difference: that share minus the group’s share of the whole population, in percentage points. Negative means under-represented.',
    'Chance: the part of the group that reached the stage, with a 95% confidence interval (Wilson). A clear difference with the others: after correction for the number of comparisons (Benjamini-Hochberg) p < 0.05 and at least 10% higher or lower.',
    'Taking other characteristics into account: logistic regression; an odds ratio below 1 means a smaller chance than the reference group.',
    `"< ${t}": fewer than ${t} people. "x": enough people, but with this figure you could work out a hidden small number. We show neither.`,
    ...(base !== null
      ? [
          `All numbers are rounded to multiples of ${base}. Percentages, ratios and tests are computed from the rounded numbers, so that nobody can learn anything about one person by subtracting figures from each other.`,
        ]
      : []),
  ],
  chartCaption: (s, g) => `${s}: chance per group (${g.toLowerCase()})`,
  subtitle: (p, n) => `${p.municipality}, ${p.period}, ${p.scope}, ${p.ground}: ${n} people on assistance (rounded).`,
  madeOn: (d) => `Made on ${d}`,
  footer: (d, t) => `Made with Kansenspiegel on ${d}. Threshold for small numbers: ${t}.`,
  scopeMunicipality: 'whole municipality',
  scopeTeam: (n) => `team ${n}`,
  scopeWijk: (n) => `neighbourhood ${n}`,
};

export const reportTexts = (lang: ReportLang): ReportTexts => (lang === 'en' ? EN : NL);
