/**
 * Dutch texts for Demodam's case files: intake notes, reasons for a diagnosis advice or an
 * instrument, conversation summaries, plan goals and steps. Built from short fragments so
 * that they read naturally and vary. Reasons stick to labour-market-relevant facts.
 */
import type { EducationLevel, Household, WorkExperience } from '../domain/codes.js';
import type { InstrumentDef } from './catalogue.js';
import type { Random } from './random.js';
import type { IntermediateStepKind } from './rows.js';

/** What the texts may say about a client. */
export interface ClientFacts {
  age: number;
  female: boolean;
  education: EducationLevel;
  /** Dutch below B1 (or not yet assessed as B1). */
  languageBelowB1: boolean;
  experience: WorkExperience;
  occupation: string;
  household: Household;
  healthLimitation: boolean;
  bornAbroad: boolean;
  statushouder: boolean;
  neighbourhood: string;
}

/** Occupations for work experience, wishes and goals. */
export const OCCUPATIONS = [
  'schoonmaker',
  'orderpicker',
  'kassamedewerker',
  'productiemedewerker',
  'chauffeur',
  'helpende in de zorg',
  'kok',
  'magazijnmedewerker',
  'administratief medewerker',
  'monteur',
  'kapper',
  'bouwvakker',
  'beveiliger',
  'callcentermedewerker',
  'pakketbezorger',
  'hovenier',
  'horecamedewerker',
  'vakkenvuller',
  'onderwijsassistent',
  'klantenservicemedewerker',
  'verkoopmedewerker',
  'lasser',
  'naaister',
  'taxichauffeur',
  'thuishulp',
  'heftruckchauffeur',
] as const;

/** Fictitious employers in and around Demodam. */
export const EMPLOYERS = [
  'Zorgcentrum De Linde',
  'Logistiek Centrum Demodam',
  'Schoonmaakbedrijf Glans',
  'Bouwbedrijf Van der Wal',
  'Horecagroep Havenkwartier',
  'Uitzendbureau Flexwerk Demodam',
  'Kinderopvang Het Speelhuis',
  'Metaalbewerking Oost',
  'Bakkerij Bolleboos',
  'Fietsenmakerij De Spaak',
  'Werkbedrijf Demodam',
  'Installatiebedrijf Warmtek',
  'Klantcontactcentrum Klantlijn',
  'Hotel De Haven',
  'Supermarkt Buurtvers',
  'Transportbedrijf Kuipers',
  'Verpleeghuis Avondlicht',
  'Kringloopwinkel Tweede Kans',
  'Groenbedrijf Boschmaten',
  'Drukkerij Zuiderpark',
  'Thuiszorg Dichtbij',
  'Autoschade Westerkwartier',
  'Distributiecentrum Molenveld',
  'Pakketdienst Snel',
  'Gemeente Demodam',
  'Basisschool De Regenboog',
  'Beveiliging Wacht & Co',
  'Catering Smakelijk',
  'Textielatelier Draad',
  'Productiebedrijf Esch Plastics',
] as const;

const EDUCATION_TEXT: Record<EducationLevel, string> = {
  geen_basis: 'geen diploma of alleen basisonderwijs',
  vmbo_mbo1: 'vmbo-diploma, mbo 1 (entree)',
  startkwalificatie: 'startkwalificatie (mbo 2 of hoger, havo of vwo)',
  hbo_wo: 'hbo- of wo-diploma',
  onbekend: 'opleiding nog niet bekend',
};

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Intake notes. */
export function intakeTexts(
  rnd: Random,
  f: ClientFacts,
): {
  history: string;
  situation: string;
  wishes: string;
  work_experience_note: string;
  diplomas: string;
  foreign_diploma_valued: boolean | null;
  network: string;
} {
  const years = rnd.int(2, 25);
  const history = f.bornAbroad
    ? rnd.pick([
        `Woont ${years} jaar in Nederland, sinds ${rnd.int(1, Math.min(years, 15))} jaar in ${f.neighbourhood}.`,
        `Kwam ${years} jaar geleden naar Nederland. Eerder in een andere gemeente gewoond.`,
      ])
    : rnd.pick([
        `Opgegroeid in Demodam, woont in ${f.neighbourhood}.`,
        `Verhuisd naar ${f.neighbourhood} na een scheiding.`,
        `Woont al lang in ${f.neighbourhood}.`,
        'Eerder WW gehad, die is afgelopen.',
      ]);
  const household = {
    alleenstaand: 'Woont alleen.',
    eenouder: `Alleenstaande ouder van ${rnd.int(1, 3)} kind(eren).`,
    paar_met_kinderen: 'Woont samen met partner en kinderen.',
    paar_zonder_kinderen: 'Woont samen met partner.',
    overig: 'Woont in bij familie.',
    onbekend: 'Woonsituatie nog uitvragen.',
  }[f.household];
  const situation = [
    household,
    f.healthLimitation
      ? rnd.pick([
          'Heeft rugklachten.',
          'Is onder behandeling voor psychische klachten.',
          'Heeft een chronische ziekte.',
        ])
      : '',
    rnd.bernoulli(0.25) ? 'Heeft schulden; schuldhulpverlening loopt.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const wishes = rnd.pick([
    `Wil graag weer aan het werk als ${f.occupation}.`,
    'Wil iets in de zorg doen.',
    'Zoekt werk in de buurt, liefst overdag.',
    'Wil eerst de Nederlandse taal beter leren.',
    'Wil een opleiding afmaken.',
    'Wil parttime werken naast de zorg voor de kinderen.',
    'Weet nog niet goed wat past; wil graag meedenken.',
    'Wil eigen bedrijf beginnen.',
    'Wil graag met de handen werken.',
  ]);
  const work_experience_note = {
    geen: 'Nog geen betaald werk gehad.',
    nederland: `Heeft gewerkt als ${f.occupation} in Nederland, laatst ${rnd.int(1, 8)} jaar geleden.`,
    buitenland: `Werkte in het land van herkomst als ${f.occupation}; nog geen werk in Nederland.`,
    onbekend: 'Werkervaring nog uitvragen.',
  }[f.experience];
  const diplomas =
    cap(EDUCATION_TEXT[f.education]) +
    (f.bornAbroad && f.education !== 'geen_basis' && f.education !== 'onbekend' ? ', behaald in het buitenland.' : '.');
  const foreign_diploma_valued =
    f.bornAbroad && f.education !== 'geen_basis' && f.education !== 'onbekend' ? rnd.bernoulli(0.4) : null;
  const network = rnd.pick([
    'Heeft familie in de buurt.',
    'Weinig contacten buiten het gezin.',
    'Actief in de moskee / kerk / vereniging.',
    'Goede vriendenkring.',
    'Klein netwerk; vooral via de kinderen.',
    'Helpt als vrijwilliger in het buurthuis.',
  ]);
  return { history, situation, wishes, work_experience_note, diplomas, foreign_diploma_valued, network };
}

/** A note with a domain score, now and then. */
export function domainNote(rnd: Random, domain: string, score: number): string | null {
  if (score >= 4 || rnd.bernoulli(0.6)) return null;
  const notes: Record<string, readonly string[]> = {
    werk_opleiding: ['Lang uit het arbeidsproces.', 'Geen recente werkervaring.'],
    financien: ['Schulden; bewindvoering aangevraagd.', 'Betalingsachterstanden huur en energie.'],
    huisvesting: ['Dreigende huisuitzetting.', 'Woont tijdelijk bij familie.'],
    gezondheid_fysiek: ['Chronische pijnklachten.', 'Wacht op een operatie.'],
    psychisch: ['Somberheidsklachten, huisarts betrokken.', 'Veel stress door de situatie.'],
    sociaal_netwerk: ['Weinig contacten, voelt zich eenzaam.', 'Netwerk vooral online.'],
    taal: ['Spreekt beperkt Nederlands.', 'Lezen en schrijven kost moeite.'],
    dagbesteding: ['Geen vaste structuur in de week.', 'Slaapritme verstoord.'],
  };
  return rnd.pick(notes[domain] ?? ['Aandachtspunt.']);
}

/** Reasons for a diagnosis advice: labour-market-relevant facts only. */
export function diagnosisReasons(rnd: Random, f: ClientFacts, distance: 'kort' | 'lang', rediagnosis: boolean): string {
  const facts: string[] = [];
  if (f.experience === 'nederland') facts.push(`recente werkervaring als ${f.occupation}`);
  if (f.experience === 'buitenland') facts.push(`werkervaring als ${f.occupation} in het buitenland`);
  if (f.experience === 'geen') facts.push('geen werkervaring');
  facts.push(EDUCATION_TEXT[f.education]);
  if (f.healthLimitation) facts.push('beperkingen door gezondheid');
  if (distance === 'kort')
    facts.push(
      rnd.pick([
        'gemotiveerd en direct beschikbaar',
        'vacatures in het beroep aanwezig',
        'kan op korte termijn starten',
      ]),
    );
  else
    facts.push(
      rnd.pick([
        'eerst stabiliteit nodig in de thuissituatie',
        'geen werkritme',
        'meerdere leefgebieden vragen aandacht',
        'belastbaarheid nog onduidelijk',
      ]),
    );
  const head = rediagnosis ? 'Herdiagnose' : 'Diagnoseadvies';
  const verdict =
    distance === 'kort' ? 'korte afstand tot werk (binnen twee jaar betaald werk verwacht)' : 'lange afstand tot werk';
  return `${head}: ${verdict}. Gronden: ${facts.join('; ')}.`;
}

/** A conversation summary. */
export function conversationSummary(
  rnd: Random,
  c: {
    first: boolean;
    bestand: 'werkplein' | 'wijk';
    onHold: boolean;
    working: boolean;
    afterLongGap: boolean;
    instrument: string | null;
  },
): string {
  if (c.first) return 'Intakegesprek: kennismaking, situatie en wensen besproken, leefgebieden doorgelopen.';
  const parts: string[] = [];
  if (c.afterLongGap)
    parts.push(
      rnd.pick([
        'Weer contact na lange tijd zonder gesprek.',
        'Klant opnieuw opgepakt; er was lang geen contact geweest.',
      ]),
    );
  if (c.onHold)
    parts.push(
      rnd.pick([
        'Traject staat on hold; gevraagd hoe het gaat.',
        'Behandeling loopt nog; contact gehouden.',
        'On hold; volgende stap pas na herstel.',
      ]),
    );
  else if (c.working)
    parts.push(
      rnd.pick([
        'Klant werkt; besproken hoe het bevalt.',
        'Nazorg: werk gaat goed, uren besproken.',
        'Gesproken over het contract en de inkomsten naast de uitkering.',
      ]),
    );
  else if (c.bestand === 'werkplein') {
    parts.push(
      rnd.pick([
        'Vacatures doorgenomen en twee sollicitaties afgesproken.',
        'Cv bijgewerkt en gerichte vacatures besproken.',
        'Sollicitatiegesprek voorbereid.',
        'Afwijzing besproken; nieuwe vacatures gezocht.',
        'Gesproken over een werkervaringsplaats.',
        'Voortgang plan van aanpak besproken.',
        'Besproken welke werkgevers in de buurt mensen zoeken.',
        'Uitzendbureau ingeschreven; opvolging afgesproken.',
      ]),
    );
  } else {
    parts.push(
      rnd.pick([
        'Gesproken over dagbesteding en het weekritme.',
        'Huisbezoek: thuissituatie en gezondheid besproken.',
        'Vrijwilligerswerk in de wijk besproken.',
        'Schulden en bewindvoering besproken.',
        'Voortgang taalles besproken.',
        'Jaarlijks gesprek: rechtmatigheid, aandacht en participatie.',
        'Plan van aanpak bijgesteld; kleinere stappen afgesproken.',
        'Gesproken over wat klant zelf graag wil.',
      ]),
    );
  }
  if (c.instrument) parts.push(`Stand van zaken ${c.instrument.toLowerCase()} besproken.`);
  return parts.join(' ');
}

/** Why an instrument was allocated (labour-market relevant) and what the client wished. */
export function allocationTexts(
  rnd: Random,
  d: InstrumentDef,
  f: ClientFacts,
): { reason: string; client_wish: string | null } {
  const why: Record<string, readonly string[]> = {
    taalcursus: [
      'Taalniveau onder B1 belemmert werk in het gewenste beroep.',
      'Nederlands nodig voor veiligheidsinstructies op de werkvloer.',
    ],
    activeringscentrum: ['Werkritme opbouwen na lange tijd zonder werk.', 'Belastbaarheid in beeld brengen.'],
    cv_workshop: [
      'Cv niet actueel; zoekt zelfstandig maar zonder resultaat.',
      'Geen online profiel; veel vacatures lopen via internet.',
    ],
    sollicitatietraining: ['Komt niet door sollicitatiegesprekken.', 'Weinig ervaring met solliciteren in Nederland.'],
    empowerment: ['Weinig zelfvertrouwen na lange tijd zonder werk.', 'Wil eigen doelen leren stellen.'],
    duaal_traject: [
      'Statushouder; taal en werkervaring tegelijk opbouwen.',
      'Wil snel aan het werk en tegelijk de taal leren.',
    ],
    werkervaringsplaats: [`Recente werkervaring nodig als ${f.occupation}.`, 'Referentie nodig voor werkgevers.'],
    participatieplek: [
      'Stap naar meedoen in de wijk; nog niet belastbaar voor betaald werk.',
      'Structuur en contacten opbouwen.',
    ],
    leerwerktraject: [
      'Geen startkwalificatie; vakdiploma vergroot kans op werk.',
      'Tekortberoep; werkgever wil opleiden.',
    ],
    jobcoach: [
      'Begeleiding in de eerste maanden van een nieuwe baan.',
      'Werkgever vraagt ondersteuning op de werkvloer.',
    ],
    werkplekaanpassing: ['Aanpassing nodig vanwege fysieke beperking.', 'Hulpmiddel maakt het werk mogelijk.'],
    proefplaatsing: [
      'Werkgever wil eerst zien wat klant kan; loonwaarde vaststellen.',
      'Proefplaatsing met uitzicht op contract.',
    ],
  };
  const reason = rnd.pick(why[d.code] ?? ['Past bij het plan van aanpak.']);
  const client_wish = rnd.bernoulli(0.8)
    ? rnd.pick([
        `Wil graag ${d.name.toLowerCase()} doen.`,
        'Ziet het als goede stap.',
        'Twijfelt, maar wil het proberen.',
        'Had liever direct betaald werk.',
        'Wil dit naast de zorg voor de kinderen kunnen doen.',
        'Vindt het belangrijk om iets te leren.',
        'Wil graag weer onder de mensen zijn.',
      ])
    : null;
  return { reason, client_wish };
}

/** Goals of a plan of action, each with its steps. */
export function planGoals(
  rnd: Random,
  f: ClientFacts,
  bestand: 'werkplein' | 'wijk',
): { goal: string; steps: string[] }[] {
  const pool: { goal: string; steps: string[] }[] = [];
  if (bestand === 'werkplein') {
    pool.push({
      goal: `Betaald werk vinden als ${f.occupation} of vergelijkbaar.`,
      steps: ['Cv bijwerken.', 'Elke week twee keer solliciteren.', 'Inschrijven bij twee uitzendbureaus.'],
    });
    pool.push({
      goal: 'Werkervaring opdoen in Nederland.',
      steps: ['Werkervaringsplaats zoeken.', 'Referentie vragen na afloop.'],
    });
  } else {
    pool.push({
      goal: 'Vaste dagbesteding opbouwen.',
      steps: ['Kennismaken bij het activeringscentrum.', 'Drie dagdelen per week meedoen.'],
    });
    pool.push({
      goal: 'Vrijwilligerswerk in de wijk.',
      steps: [`Langsgaan bij wijkcentrum ${f.neighbourhood}.`, 'Eén dagdeel per week vrijwilligerswerk.'],
    });
    pool.push({ goal: 'Gezondheid stabiliseren.', steps: ['Afspraak met huisarts maken.', 'Behandeling volgen.'] });
  }
  if (f.languageBelowB1)
    pool.push({
      goal: 'Nederlands naar niveau B1.',
      steps: ['Aanmelden voor taalcursus.', 'Taalmaatje zoeken.', 'Taaltoets doen.'],
    });
  if (f.education === 'geen_basis' || f.education === 'vmbo_mbo1')
    pool.push({ goal: 'Startkwalificatie halen.', steps: ['Oriëntatie op mbo-opleiding.', 'Aanmelden bij het ROC.'] });
  pool.push({ goal: 'Financiën op orde.', steps: ['Aanmelden bij schuldhulpverlening.', 'Budgetcursus volgen.'] });
  const n = Math.min(pool.length, rnd.int(1, 3));
  const chosen: { goal: string; steps: string[] }[] = [];
  const left = [...pool];
  for (let i = 0; i < n; i++) chosen.push(left.splice(rnd.int(0, left.length - 1), 1)[0]);
  return chosen.map((g) => ({ goal: g.goal, steps: g.steps.slice(0, rnd.int(1, g.steps.length)) }));
}

/** Why guidance was put on hold. */
export function onHoldReason(rnd: Random, female: boolean, healthLimitation: boolean): string {
  const options: [string, number][] = [
    ['Ernstige lichamelijke gezondheidsproblemen; behandeling loopt.', healthLimitation ? 4 : 1],
    ['Psychische klachten; eerst behandeling.', healthLimitation ? 3 : 1],
    ['Mantelzorg voor een gezinslid.', 1],
    ['Schuldhulpverlening en huisvesting gaan voor.', 1],
    ['Zwangerschap en bevalling.', female ? 1 : 0],
  ];
  return rnd.weighted(options);
}

/** What an intermediate step (tussenstap) of a kind was. */
export function intermediateStepText(rnd: Random, kind: IntermediateStepKind): string {
  const texts: Record<IntermediateStepKind, readonly string[]> = {
    taal: ['Taaltoets A2 gehaald.', 'Taalniveau B1 gehaald.', 'Leest zelf brieven van instanties.'],
    gezondheid: ['Behandeling afgerond.', 'Gaat weer wekelijks sporten.', 'Slaapritme hersteld.'],
    netwerk: ['Lid geworden van een buurtvereniging.', 'Taalmaatje gevonden.', 'Meer contact met familie.'],
    scholing: ['Certificaat VCA gehaald.', 'Begonnen aan mbo-opleiding.', 'Heftruckcertificaat gehaald.'],
    vrijwilligerswerk: [
      'Begonnen met vrijwilligerswerk in het buurthuis.',
      'Helpt wekelijks bij de voedselbank.',
      'Vrijwilliger bij de sportclub.',
    ],
    financien: ['Schulden in beeld; regeling getroffen.', 'Budgetcursus afgerond.', 'Bewindvoering gestart.'],
    overig: ['Rijbewijs gehaald.', 'Kinderopvang geregeld.', 'Eigen woning gevonden.'],
  };
  return rnd.pick(texts[kind]);
}

/** What was done after discussing discrimination. */
export function discriminationAction(rnd: Random, experienced: boolean): string {
  if (!experienced)
    return rnd.pick([
      'Onderwerp besproken; geen ervaringen gemeld.',
      'Gevraagd naar ervaringen met discriminatie; niets gemeld.',
    ]);
  return rnd.pick([
    'Besproken; klant wil geen melding maken.',
    'Klant gewezen op het antidiscriminatiebureau.',
    'Samen melding gedaan bij het antidiscriminatiebureau.',
    'Werkgeversadviseur ingelicht volgens protocol.',
    'Besproken hoe klant hiermee wil omgaan bij volgende sollicitaties.',
  ]);
}

/** The client's comment with a feedback score, now and then. */
export function feedbackComment(rnd: Random, score: number): string | null {
  if (!rnd.bernoulli(0.4)) return null;
  if (score >= 4)
    return rnd.pick([
      'Fijn gesprek, ik voelde me gehoord.',
      'Duidelijke afspraken.',
      'Goed meegedacht.',
      'Prettig dat het in de wijk kon.',
    ]);
  if (score === 3) return rnd.pick(['Het was kort.', 'Redelijk, maar ik weet nog niet wat de volgende stap is.']);
  return rnd.pick(['Ik voelde me niet begrepen.', 'Lang moeten wachten.', 'Er werd weinig naar mijn wensen gevraagd.']);
}

/** The note with a participation-ladder step, by what caused it. */
export function ladderNote(
  cause: 'intake' | 'review' | 'work' | 'work_supported' | 'work_ended' | 'placement',
): string | null {
  return {
    intake: 'Vastgesteld bij de intake.',
    review: 'Herbeoordeling.',
    work: 'Betaald werk gevonden.',
    work_supported: 'Betaald werk met loonkostensubsidie.',
    work_ended: 'Werk beëindigd.',
    placement: 'Gestart op een werkplek.',
  }[cause];
}
