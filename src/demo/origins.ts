/**
 * Where Demodam's clients and their parents were born, their nationality, statushouder status,
 * self-reported cultural backgrounds and (for some) religion. Drawn from a random stream of
 * its own, so migration background is independent of everything that drives an outcome.
 */
import type { Random } from './random.js';

/** The name lists a person's names come from. */
export type NameGroup =
  | 'nl'
  | 'ma'
  | 'tr'
  | 'sr'
  | 'an'
  | 'ar'
  | 'er'
  | 'so'
  | 'af'
  | 'pl'
  | 'ro'
  | 'bg'
  | 'de'
  | 'en'
  | 'id'
  | 'cn'
  | 'west';

interface CountryProfile {
  nameGroup: NameGroup;
  /** Self-reported cultural background(s): the main one, plus optional extras with a chance. */
  background: string;
  extraBackgrounds?: readonly (readonly [string, number])[];
  /** Weights of religions among those who state one. */
  religion: readonly (readonly [string, number])[];
  /** Chance that someone born here (first generation) is a statushouder. */
  statushouder: number;
  /** Chance that a first-generation immigrant from here holds Dutch nationality. */
  dutchNationality: number;
}

const ISLAM_MAJORITY = [
  ['islam', 85],
  ['geen', 10],
  ['anders', 5],
] as const;

/** Countries that occur in Demodam, with ISO 3166-1 alpha-2 codes. */
export const COUNTRIES: Readonly<Record<string, CountryProfile>> = {
  NL: {
    nameGroup: 'nl',
    background: 'Nederlands',
    religion: [
      ['geen', 58],
      ['christelijk', 36],
      ['islam', 2],
      ['anders', 4],
    ],
    statushouder: 0,
    dutchNationality: 1,
  },
  MA: {
    nameGroup: 'ma',
    background: 'Marokkaans',
    extraBackgrounds: [['Amazigh', 0.3]],
    religion: ISLAM_MAJORITY,
    statushouder: 0,
    dutchNationality: 0.75,
  },
  TR: {
    nameGroup: 'tr',
    background: 'Turks',
    extraBackgrounds: [['Koerdisch', 0.15]],
    religion: ISLAM_MAJORITY,
    statushouder: 0.08,
    dutchNationality: 0.6,
  },
  SR: {
    nameGroup: 'sr',
    background: 'Surinaams',
    extraBackgrounds: [
      ['Hindostaans', 0.35],
      ['Creools', 0.3],
      ['Javaans', 0.1],
    ],
    religion: [
      ['christelijk', 45],
      ['hindoeïstisch', 30],
      ['islam', 15],
      ['geen', 10],
    ],
    statushouder: 0,
    dutchNationality: 0.85,
  },
  CW: {
    nameGroup: 'an',
    background: 'Antilliaans',
    religion: [
      ['christelijk', 75],
      ['geen', 20],
      ['anders', 5],
    ],
    statushouder: 0,
    dutchNationality: 1,
  },
  SY: {
    nameGroup: 'ar',
    background: 'Syrisch',
    extraBackgrounds: [['Koerdisch', 0.12]],
    religion: [
      ['islam', 80],
      ['christelijk', 12],
      ['geen', 8],
    ],
    statushouder: 0.92,
    dutchNationality: 0.3,
  },
  IQ: {
    nameGroup: 'ar',
    background: 'Iraaks',
    extraBackgrounds: [['Koerdisch', 0.25]],
    religion: [
      ['islam', 80],
      ['christelijk', 10],
      ['geen', 10],
    ],
    statushouder: 0.65,
    dutchNationality: 0.35,
  },
  EG: {
    nameGroup: 'ar',
    background: 'Egyptisch',
    religion: [
      ['islam', 75],
      ['christelijk', 25],
    ],
    statushouder: 0.1,
    dutchNationality: 0.4,
  },
  ER: {
    nameGroup: 'er',
    background: 'Eritrees',
    religion: [
      ['christelijk', 75],
      ['islam', 20],
      ['geen', 5],
    ],
    statushouder: 0.93,
    dutchNationality: 0.15,
  },
  SO: {
    nameGroup: 'so',
    background: 'Somalisch',
    religion: [
      ['islam', 95],
      ['geen', 5],
    ],
    statushouder: 0.75,
    dutchNationality: 0.5,
  },
  AF: {
    nameGroup: 'af',
    background: 'Afghaans',
    extraBackgrounds: [['Hazara', 0.2]],
    religion: [
      ['islam', 90],
      ['geen', 10],
    ],
    statushouder: 0.75,
    dutchNationality: 0.4,
  },
  IR: {
    nameGroup: 'af',
    background: 'Iraans',
    extraBackgrounds: [['Koerdisch', 0.1]],
    religion: [
      ['islam', 45],
      ['christelijk', 25],
      ['geen', 30],
    ],
    statushouder: 0.65,
    dutchNationality: 0.4,
  },
  YE: {
    nameGroup: 'ar',
    background: 'Jemenitisch',
    religion: [
      ['islam', 95],
      ['geen', 5],
    ],
    statushouder: 0.85,
    dutchNationality: 0.1,
  },
  CN: {
    nameGroup: 'cn',
    background: 'Chinees',
    religion: [
      ['geen', 70],
      ['boeddhistisch', 20],
      ['christelijk', 10],
    ],
    statushouder: 0,
    dutchNationality: 0.4,
  },
  GH: {
    nameGroup: 'en',
    background: 'Ghanees',
    religion: [
      ['christelijk', 80],
      ['islam', 15],
      ['geen', 5],
    ],
    statushouder: 0.05,
    dutchNationality: 0.5,
  },
  PL: {
    nameGroup: 'pl',
    background: 'Pools',
    religion: [
      ['christelijk', 80],
      ['geen', 20],
    ],
    statushouder: 0,
    dutchNationality: 0.05,
  },
  RO: {
    nameGroup: 'ro',
    background: 'Roemeens',
    religion: [
      ['christelijk', 85],
      ['geen', 15],
    ],
    statushouder: 0,
    dutchNationality: 0.05,
  },
  BG: {
    nameGroup: 'bg',
    background: 'Bulgaars',
    extraBackgrounds: [['Turks', 0.2]],
    religion: [
      ['christelijk', 60],
      ['islam', 20],
      ['geen', 20],
    ],
    statushouder: 0,
    dutchNationality: 0.05,
  },
  DE: {
    nameGroup: 'de',
    background: 'Duits',
    religion: [
      ['geen', 50],
      ['christelijk', 50],
    ],
    statushouder: 0,
    dutchNationality: 0.3,
  },
  BE: {
    nameGroup: 'nl',
    background: 'Belgisch',
    religion: [
      ['geen', 50],
      ['christelijk', 50],
    ],
    statushouder: 0,
    dutchNationality: 0.3,
  },
  GB: {
    nameGroup: 'en',
    background: 'Brits',
    religion: [
      ['geen', 60],
      ['christelijk', 40],
    ],
    statushouder: 0,
    dutchNationality: 0.2,
  },
  PT: {
    nameGroup: 'west',
    background: 'Portugees',
    religion: [
      ['christelijk', 80],
      ['geen', 20],
    ],
    statushouder: 0,
    dutchNationality: 0.1,
  },
  ES: {
    nameGroup: 'west',
    background: 'Spaans',
    religion: [
      ['christelijk', 70],
      ['geen', 30],
    ],
    statushouder: 0,
    dutchNationality: 0.2,
  },
  ID: {
    nameGroup: 'id',
    background: 'Indonesisch',
    extraBackgrounds: [['Indisch', 0.4]],
    religion: [
      ['christelijk', 50],
      ['islam', 35],
      ['geen', 15],
    ],
    statushouder: 0,
    dutchNationality: 0.7,
  },
  UA: {
    nameGroup: 'pl',
    background: 'Oekraïens',
    religion: [
      ['christelijk', 75],
      ['geen', 25],
    ],
    statushouder: 0,
    dutchNationality: 0.02,
  },
};

/** Birth countries of first-generation immigrants from outside the western world (CBS until 2022: niet-westers). */
const NON_WESTERN_FIRST: readonly (readonly [string, number])[] = [
  ['MA', 16],
  ['TR', 13],
  ['SR', 8],
  ['CW', 4],
  ['SY', 17],
  ['ER', 10],
  ['AF', 6],
  ['IQ', 6],
  ['SO', 5],
  ['IR', 4],
  ['YE', 2],
  ['EG', 3],
  ['CN', 3],
  ['GH', 3],
];
/** Birth countries of parents of the second generation (non-western). */
const NON_WESTERN_PARENTS: readonly (readonly [string, number])[] = [
  ['MA', 35],
  ['TR', 30],
  ['SR', 20],
  ['CW', 10],
  ['CN', 5],
];
/** Western birth countries (CBS until 2022 counts Indonesia as western). */
const WESTERN_FIRST: readonly (readonly [string, number])[] = [
  ['PL', 30],
  ['RO', 11],
  ['BG', 11],
  ['DE', 12],
  ['BE', 6],
  ['GB', 5],
  ['ID', 5],
  ['PT', 4],
  ['ES', 4],
  ['UA', 12],
];
const WESTERN_PARENTS: readonly (readonly [string, number])[] = [
  ['DE', 35],
  ['BE', 20],
  ['ID', 30],
  ['PL', 10],
  ['GB', 5],
];

/** The origin groups the generator draws from, with their shares of the client population. */
export const ORIGIN_SHARES = {
  /** Born in NL, both parents born in NL. */
  dutch: 0.465,
  /** As dutch, but reports a non-Dutch cultural background (e.g. Surinaams, Moluks): only the extended definition sees it. */
  dutchWithOtherBackground: 0.03,
  /** Born abroad to two parents born in NL: Dutch by CBS's old definition, not by the 2022 one. */
  abroadDutchParents: 0.01,
  nonWesternFirst: 0.3,
  nonWesternSecond: 0.065,
  westernFirst: 0.075,
  westernSecond: 0.035,
  /** Birth country not registered. */
  unknown: 0.025,
} as const;

export type OriginKind = keyof typeof ORIGIN_SHARES;

/** Someone's origin as the demo knows it. */
export interface Origin {
  kind: OriginKind;
  birthCountry: string | null;
  motherBirthCountry: string | null;
  fatherBirthCountry: string | null;
  nationality: string | null;
  statushouder: boolean | null;
  /** Country whose name lists give the family name (and often the given name). */
  nameCountry: string;
  /** Self-reported cultural backgrounds; empty when not reported. */
  backgrounds: string[];
  /** Religion, only when the voluntary questionnaire gave it. */
  religion: string | null;
  /** Born outside the Netherlands. */
  bornAbroad: boolean;
  /** The country the family migrated from (own or a parent's birth country); null for Dutch families. */
  heritage: string | null;
}

const OTHER_DUTCH_BACKGROUNDS: readonly (readonly [string, number])[] = [
  ['Surinaams', 35],
  ['Antilliaans', 15],
  ['Moluks', 30],
  ['Indisch', 20],
];
/** Where the children of Dutch parents abroad were born. */
const ABROAD_FOR_DUTCH_PARENTS: readonly (readonly [string, number])[] = [
  ['BE', 30],
  ['DE', 25],
  ['ES', 10],
  ['GB', 10],
  ['ID', 10],
  ['CW', 15],
];

/** Draws one person's origin. Uses only `rnd`: nothing else about the person goes in. */
export function drawOrigin(rnd: Random): Origin {
  const kind = rnd.weighted(Object.entries(ORIGIN_SHARES) as [OriginKind, number][]);
  let birth: string | null = 'NL',
    mother: string | null = 'NL',
    father: string | null = 'NL';
  let nameCountry = 'NL';
  /** The country of the family's migration, if any. */
  let heritage: string | null = null;
  const extraReported: string[] = [];
  switch (kind) {
    case 'dutch':
      break;
    case 'dutchWithOtherBackground':
      extraReported.push(rnd.weighted(OTHER_DUTCH_BACKGROUNDS));
      break;
    case 'abroadDutchParents':
      birth = rnd.weighted(ABROAD_FOR_DUTCH_PARENTS);
      break;
    case 'nonWesternFirst':
    case 'westernFirst': {
      birth = rnd.weighted(kind === 'nonWesternFirst' ? NON_WESTERN_FIRST : WESTERN_FIRST);
      mother = birth;
      father = birth;
      nameCountry = birth;
      heritage = birth;
      break;
    }
    case 'nonWesternSecond':
    case 'westernSecond': {
      const parent = rnd.weighted(kind === 'nonWesternSecond' ? NON_WESTERN_PARENTS : WESTERN_PARENTS);
      heritage = parent;
      const both = rnd.bernoulli(0.7);
      if (both) {
        mother = parent;
        father = parent;
        nameCountry = parent;
      } else if (rnd.bernoulli(0.5)) {
        father = parent;
        nameCountry = parent;
      } else {
        mother = parent;
        nameCountry = rnd.bernoulli(0.5) ? parent : 'NL';
      }
      break;
    }
    case 'unknown':
      birth = null;
      mother = null;
      father = null;
      nameCountry = rnd.weighted([
        ['NL', 60],
        ['MA', 8],
        ['TR', 8],
        ['SY', 8],
        ['PL', 8],
        ['SR', 8],
      ]);
      heritage = nameCountry === 'NL' ? null : nameCountry;
      break;
  }
  // parents' birth countries are sometimes unknown in the registration
  if (birth !== null && rnd.bernoulli(kind === 'nonWesternFirst' || kind === 'westernFirst' ? 0.05 : 0.02)) {
    mother = null;
    if (rnd.bernoulli(0.6)) father = null;
  }
  const bornAbroad = birth !== null && birth !== 'NL';
  let statushouder: boolean | null =
    bornAbroad && heritage !== null ? rnd.bernoulli(COUNTRIES[heritage].statushouder) : false;
  if (birth === null) statushouder = rnd.bernoulli(0.5) ? null : rnd.bernoulli(0.1);
  let nationality: string | null;
  if (birth === null) nationality = rnd.bernoulli(0.6) ? 'NL' : null;
  else if (!bornAbroad) nationality = nameCountry !== 'NL' && rnd.bernoulli(0.05) ? nameCountry : 'NL';
  else if (heritage === null) nationality = 'NL';
  else nationality = rnd.bernoulli(COUNTRIES[birth].dutchNationality) ? 'NL' : birth;
  if (statushouder && nationality === birth && rnd.bernoulli(0.3)) nationality = 'NL';

  // self-reported cultural background: from the voluntary questionnaire, about three in four answer
  const backgrounds: string[] = [];
  const add = (b: string): void => {
    if (!backgrounds.includes(b)) backgrounds.push(b);
  };
  if (rnd.bernoulli(0.75)) {
    const second = kind === 'nonWesternSecond' || kind === 'westernSecond';
    if (heritage === null || (second && rnd.bernoulli(0.6))) add('Nederlands');
    if (heritage !== null) {
      add(COUNTRIES[heritage].background);
      for (const [extra, p] of COUNTRIES[heritage].extraBackgrounds ?? []) if (rnd.bernoulli(p)) add(extra);
    }
    for (const b of extraReported) add(b);
  }
  const religion = rnd.bernoulli(0.35) ? rnd.weighted(COUNTRIES[heritage ?? 'NL'].religion) : null;
  return {
    kind,
    birthCountry: birth,
    motherBirthCountry: mother,
    fatherBirthCountry: father,
    nationality,
    statushouder,
    nameCountry,
    backgrounds,
    religion,
    bornAbroad,
    heritage,
  };
}

/** Migration background by CBS's definition until 2022, from own and parents' birth countries. */
export function cbsOldBackground(o: Pick<Origin, 'kind'>): 'nederlands' | 'westers' | 'niet-westers' | 'onbekend' {
  switch (o.kind) {
    case 'dutch':
    case 'dutchWithOtherBackground':
    case 'abroadDutchParents':
      return 'nederlands';
    case 'westernFirst':
    case 'westernSecond':
      return 'westers';
    case 'nonWesternFirst':
    case 'nonWesternSecond':
      return 'niet-westers';
    default:
      return 'onbekend';
  }
}
