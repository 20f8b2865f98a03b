/**
 * Demodam's life domains for the intake scan (the eight of the VIA pilot) and its modular
 * instrument catalogue, each instrument mapped to a CBS SRG type code. One instrument is
 * reserved for one target group (statushouders): implicit target-group policy made visible.
 */

/** A life domain of the intake scan. */
export interface LifeDomainDef {
  code: string;
  name: string;
}

export const LIFE_DOMAINS: readonly LifeDomainDef[] = [
  { code: 'werk_opleiding', name: 'Werk en opleiding' },
  { code: 'financien', name: 'Financiën' },
  { code: 'huisvesting', name: 'Huisvesting' },
  { code: 'gezondheid_fysiek', name: 'Fysieke gezondheid' },
  { code: 'psychisch', name: 'Psychisch welbevinden' },
  { code: 'sociaal_netwerk', name: 'Sociaal netwerk' },
  { code: 'taal', name: 'Taal' },
  { code: 'dagbesteding', name: 'Dagbesteding' },
];

/** The SRG type codes the catalogue uses. */
export type SrgCode = 23 | 29 | 30 | 31 | 59;

/** An instrument of the catalogue. */
export interface InstrumentDef {
  code: string;
  name: string;
  srg: SrgCode;
  description: string;
  asks: string;
  yields: string;
  targetGroup: string | null;
  /** Typical duration in days (min, max). */
  days: readonly [number, number];
  /** New in the catalogue at the reference date: never allocated in the generated history. */
  newInCatalogue?: true;
}

export const INSTRUMENTS: readonly InstrumentDef[] = [
  {
    code: 'taalcursus',
    name: 'Taalcursus Nederlands (NT2)',
    srg: 59,
    days: [120, 300],
    targetGroup: null,
    description: 'Cursus Nederlands als tweede taal in kleine groepen, gericht op taal op de werkvloer.',
    asks: 'Twee ochtenden per week aanwezig zijn en thuis oefenen.',
    yields: 'Een hoger taalniveau (richting B1) en een certificaat.',
  },
  {
    code: 'activeringscentrum',
    name: 'Activeringscentrum De Werkplaats',
    srg: 59,
    days: [90, 270],
    targetGroup: null,
    description: 'Dagbesteding met werkritme in een beschermde omgeving: hout, groen, textiel en catering.',
    asks: 'Drie dagdelen per week komen en afspraken nakomen.',
    yields: 'Dagritme, werknemersvaardigheden en een beeld van wat iemand kan.',
  },
  {
    code: 'cv_workshop',
    name: 'Workshop cv en LinkedIn',
    srg: 59,
    days: [14, 30],
    targetGroup: null,
    description: 'Vier bijeenkomsten over het eigen cv, een profiel online en het zoeken naar vacatures.',
    asks: 'Vier middagen meedoen en een eigen cv meenemen.',
    yields: 'Een actueel cv en een online profiel.',
  },
  {
    code: 'sollicitatietraining',
    name: 'Sollicitatietraining',
    srg: 59,
    days: [21, 60],
    targetGroup: null,
    description: 'Oefenen met brieven, gesprekken en netwerken, met een rollenspel met echte werkgevers.',
    asks: 'Zes bijeenkomsten en zelf minstens vier keer solliciteren.',
    yields: 'Vertrouwen in het gesprek en een lijst met gerichte vacatures.',
  },
  {
    code: 'empowerment',
    name: 'Empowermenttraining Eigen Kracht',
    srg: 59,
    days: [60, 120],
    targetGroup: null,
    description: 'Groepstraining over eigen kracht, doelen stellen en omgaan met tegenslag.',
    asks: 'Tien wekelijkse bijeenkomsten en een eigen doel.',
    yields: 'Meer zelfvertrouwen en een persoonlijk actieplan.',
  },
  {
    code: 'duaal_traject',
    name: 'Duaal traject taal en werk',
    srg: 59,
    days: [150, 365],
    targetGroup: 'statushouders',
    description: 'Taalles gecombineerd met twee dagen meewerken bij een leerbedrijf; alleen open voor statushouders.',
    asks: 'Vier dagen per week: twee dagen les, twee dagen werk.',
    yields: 'Taal in de praktijk, werkervaring in Nederland en een referentie.',
  },
  {
    code: 'werkervaringsplaats',
    name: 'Werkervaringsplaats',
    srg: 29,
    days: [90, 180],
    targetGroup: null,
    description: 'Onbetaald meewerken bij een werkgever met begeleiding, met behoud van uitkering.',
    asks: 'Minstens 16 uur per week meewerken.',
    yields: 'Recente werkervaring en een referentie.',
  },
  {
    code: 'participatieplek',
    name: 'Participatieplek in de wijk',
    srg: 29,
    days: [90, 365],
    targetGroup: null,
    description: 'Vrijwilligerswerk met begeleiding bij een organisatie in de eigen wijk.',
    asks: 'Een tot drie dagdelen per week.',
    yields: 'Ritme, contacten en een stap op de participatieladder.',
  },
  {
    code: 'leerwerktraject',
    name: 'Leerwerktraject',
    srg: 29,
    days: [180, 365],
    targetGroup: null,
    description: 'Werken en leren tegelijk, met een praktijkverklaring of mbo-certificaat.',
    asks: 'Vier dagen werken, een dag school.',
    yields: 'Een erkend certificaat en een goede kans op een baan.',
  },
  {
    code: 'jobcoach',
    name: 'Jobcoach',
    srg: 30,
    days: [90, 270],
    targetGroup: null,
    description: 'Begeleiding op de werkplek in de eerste maanden van een baan.',
    asks: 'Openheid over wat lastig gaat; gesprekken met jobcoach en leidinggevende.',
    yields: 'Een baan die blijft.',
  },
  {
    code: 'werkplekaanpassing',
    name: 'Werkplekaanpassing',
    srg: 31,
    days: [30, 120],
    targetGroup: null,
    description: 'Vergoeding van een aanpassing van de werkplek of hulpmiddelen.',
    asks: 'Een werkgever die wil aanpassen.',
    yields: 'Werk dat past bij een beperking.',
  },
  {
    code: 'proefplaatsing',
    name: 'Proefplaatsing',
    srg: 23,
    days: [30, 90],
    targetGroup: null,
    description: 'Proefplaatsing bij een werkgever, met behoud van uitkering, voor de loonwaardebepaling.',
    asks: 'Twee maanden meewerken op proef.',
    yields: 'Een vastgestelde loonwaarde en vaak een contract.',
  },
  // Added last (ids 13 and 14), so the ids and the generated history of the others stay the same.
  {
    code: 'zorgtraject',
    name: 'Zorgtraject: kennismaken met werk in zorg en welzijn',
    srg: 29,
    days: [14, 30],
    targetGroup: null,
    newInCatalogue: true,
    description:
      'Twee weken meelopen in een verpleeghuis, bij de thuiszorg of in de kinderopvang, met een gesprek met een opleider.',
    asks: 'Tien dagdelen meelopen en een verklaring omtrent het gedrag (VOG) aanvragen.',
    yields: 'Een beeld van het werk en zo mogelijk een leerwerkplek in de zorg.',
  },
  {
    code: 'mantelzorg_werk',
    name: 'Mantelzorg en werk in balans',
    srg: 59,
    days: [30, 90],
    targetGroup: null,
    newInCatalogue: true,
    description:
      'Gesprekken met een mantelzorgconsulent over het combineren van de zorg voor een naaste met werk of een opleiding.',
    asks: 'Drie gesprekken en openheid over de zorgtaken thuis.',
    yields: 'Een plan voor vervangende zorg en werkuren die passen naast de mantelzorg.',
  },
];

/** Instrument id (1-based, catalogue order) by code. */
export const INSTRUMENT_ID: Readonly<Record<string, number>> = Object.fromEntries(
  INSTRUMENTS.map((d, i) => [d.code, i + 1]),
);
