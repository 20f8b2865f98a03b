/**
 * The parameters of Demodam's client histories, in one place: who gets which diagnosis, how
 * often people get an instrument, contact, work and outflow. The built-in truths for the mirror
 * (see docs/demodam.md) are the named constants marked TRUTH. Migration background appears
 * nowhere in here: no chance below depends on it or on anything drawn together with it.
 */
import type { EducationLevel, Gender, Household } from '../domain/codes.js';
import type { SrgCode } from './catalogue.js';

/** Age at the start of the benefit: bands with their shares; uniform within a band. */
export const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[18, 26], 0.17],
  [[27, 34], 0.2],
  [[35, 44], 0.22],
  [[45, 54], 0.22],
  [[55, 66], 0.19],
];

/** Gender as registered. */
export const GENDER_SHARES: readonly (readonly [Gender, number])[] = [
  ['vrouw', 0.53],
  ['man', 0.465],
  ['anders', 0.003],
  ['onbekend', 0.002],
];

/** Household types; single parents are mostly women. */
export function householdShares(gender: Gender): readonly (readonly [Household, number])[] {
  const singleParent = gender === 'vrouw' ? 0.3 : 0.05;
  return [
    ['alleenstaand', 0.55 - singleParent / 2],
    ['eenouder', singleParent],
    ['paar_met_kinderen', 0.13],
    ['paar_zonder_kinderen', 0.09],
    ['overig', 0.06],
    ['onbekend', 0.02],
  ];
}

/** Highest education. */
export const EDUCATION_SHARES: readonly (readonly [EducationLevel, number])[] = [
  ['geen_basis', 0.17],
  ['vmbo_mbo1', 0.33],
  ['startkwalificatie', 0.33],
  ['hbo_wo', 0.12],
  ['onbekend', 0.05],
];

/** Work experience: none, some (in NL or abroad: the split follows birth country and has no effect), unknown. */
export const WORK_EXPERIENCE_SHARES = [
  ['geen', 0.22],
  ['some', 0.73],
  ['onbekend', 0.05],
] as const;

/** Health limitation (special category, kept in monitoring): yes / no / not known. */
export const HEALTH_SHARES = [
  [true, 0.24],
  [false, 0.66],
  [null, 0.1],
] as const;

/** Chance of being in the doelgroepregister (banenafspraak). */
export const DOELGROEPREGISTER = { withHealthLimitation: 0.12, otherwise: 0.03 } as const;

/** Days from benefit start to intake, and from intake to the diagnosis advice. */
export const INTAKE_AFTER_START: readonly [number, number] = [10, 42];
export const DIAGNOSIS_AFTER_INTAKE: readonly [number, number] = [0, 14];

/** TRUTH (d): age drives the diagnosis. Chance of "kort" by age at start, before the other factors. */
export function kortBaseByAge(age: number): number {
  return age < 27 ? 0.56 : age < 35 ? 0.47 : age < 45 ? 0.38 : age < 55 ? 0.2 : 0.09;
}
/** Factors on the chance of "kort" besides age. */
export const KORT_FACTORS = {
  education: { geen_basis: 0.7, vmbo_mbo1: 0.9, startkwalificatie: 1.15, hbo_wo: 1.3, onbekend: 0.9 } as Record<
    EducationLevel,
    number
  >,
  noWorkExperience: 0.75,
  someWorkExperience: 1.1,
  healthLimitation: 0.55,
  doelgroepregister: 0.6,
} as const;

/** Re-diagnosis: share with a second advice, its timing, and the chance it changes the distance. */
export const REDIAGNOSIS = {
  share: 0.12,
  afterDays: [150, 450] as const,
  changeFromLang: 0.65,
  changeFromKort: 0.7,
} as const;

/** Chance of a plan of action, by bestand. */
export const PLAN_SHARE = { werkplein: 0.95, wijk: 0.8 } as const;

/** Chance of at least one instrument, by distance at the first diagnosis. */
export const INSTRUMENT_SHARE = { kort: 0.66, lang: 0.44 } as const;
/** TRUTH (a): clients aged 45 or over at the start get an instrument far less often, whatever the diagnosis. */
export const INSTRUMENT_FACTOR_45_PLUS = 0.35;

/**
 * TRUTH (f): an intersectional truth that no single ground shows. In the Havenkwartier women get an
 * instrument 0.4 times as often as usual and men 1.6 times; elsewhere women 1 + 0.6·s/(1 − s)
 * times and men 1 − 0.6·s/(1 − s) times (s = 0.12, the Havenkwartier's share), so that neither
 * gender nor neighbourhood on its own shows a difference. Drawn from a stream of its own
 * ('intersection'), so every other draw of the demo stays the same.
 */
export const INTERSECTION_TRUTH = { neighbourhood: 'Havenkwartier', share: 0.12, effect: 0.6 } as const;

export function intersectionInstrumentFactor(neighbourhood: string, gender: string): number {
  const { share, effect } = INTERSECTION_TRUTH;
  const inside = neighbourhood === INTERSECTION_TRUTH.neighbourhood;
  const sign = gender === 'vrouw' ? -1 : gender === 'man' ? 1 : 0;
  return 1 + sign * (inside ? effect : -(effect * share) / (1 - share));
}

/** SRG type of an instrument, by distance. The choice within a type may follow language or status; the type does not. */
export const SRG_BY_DISTANCE: Readonly<Record<'kort' | 'lang', readonly (readonly [SrgCode, number])[]>> = {
  kort: [
    [23, 0.1],
    [29, 0.25],
    [30, 0.15],
    [31, 0.05],
    [59, 0.45],
  ],
  lang: [
    [23, 0.02],
    [29, 0.25],
    [30, 0.05],
    [31, 0.03],
    [59, 0.65],
  ],
};

/** Days between conversations on the ordinary route, by bestand (never more than six months). */
export const CONVERSATION_INTERVAL = { werkplein: [21, 63] as const, wijk: [56, 165] as const };
/**
 * TRUTH (c): "onder op de stapel". Chance that a client is once left without any conversation for
 * 190–420 days: by bestand at the time, times a factor for team Zuid.
 */
export const FORGOTTEN = {
  werkplein: 0.04,
  wijk: 0.22,
  teamFactor: { Zuid: 1.7 } as Record<string, number>,
  gapDays: [190, 420] as const,
};

/** On hold: share (by health limitation), start after diagnosis, length. */
export const ON_HOLD = {
  base: 0.03,
  withHealthLimitation: 0.13,
  startAfterDays: [30, 400] as const,
  lengthDays: [60, 270] as const,
};

/** Chance per 30 days of starting a job (when not on hold and not already working), by current distance. */
export const JOB_START_PER_30_DAYS = { beforeDiagnosis: 0.008, kort: 0.036, lang: 0.0085 } as const;
/** Factor on the chance of a job by age at the time. */
export function jobStartAgeFactor(age: number): number {
  return age < 27 ? 1.1 : age < 45 ? 1 : age < 55 ? 0.75 : 0.45;
}
/** After an instrument of SRG type 23, 29 or 30 started, the chance of a job is higher. */
export const JOB_START_AFTER_WORK_INSTRUMENT = 1.4;
/** Factor on the chance of a job for people in the doelgroepregister. */
export const JOB_START_DOELGROEPREGISTER = 0.8;

/** Job length: share ending within a month, then (among the rest) share ending before six months. */
export const JOB_SHORTER_THAN_MONTH = 0.12;
/** TRUTH (b): women's jobs end before six months far more often than men's. */
export const JOB_ENDS_BEFORE_SIX_MONTHS: Readonly<Record<Gender, number>> = {
  man: 0.22,
  vrouw: 0.55,
  anders: 0.385,
  onbekend: 0.385,
};
/** Of jobs lasting six months or more, the share still running (no end date) when observed. */
export const LONG_JOB_OPEN_ENDED = 0.6;

/** Hours a week: ranges with weights; chance that a job ends the benefit, by hours. */
export const JOB_HOURS: readonly (readonly [readonly [number, number], number])[] = [
  [[8, 15], 0.15],
  [[16, 23], 0.25],
  [[24, 31], 0.3],
  [[32, 40], 0.3],
];
/** Chance that a job of this many hours a week ends the benefit. */
export function benefitEndsWithJob(hours: number): number {
  return hours >= 32 ? 0.9 : hours >= 24 ? 0.7 : hours >= 16 ? 0.3 : 0.05;
}
/** Chance that a job comes with wage cost subsidy. */
export const WAGE_COST_SUBSIDY = { doelgroepregister: 0.7, lang: 0.15, kort: 0.05 } as const;

/** Outflow for other reasons: chance per 30 days, and the reasons by age. */
export const OTHER_OUTFLOW_PER_30_DAYS = 0.009;
/** Reasons for outflow other than work, with weights, by age. */
export function otherOutflowReasons(
  age: number,
): readonly (readonly [
  'onderwijs' | 'inkomen_partner' | 'verhuizing' | 'overig' | 'detentie' | 'overlijden',
  number,
])[] {
  if (age < 27)
    return [
      ['onderwijs', 0.35],
      ['inkomen_partner', 0.2],
      ['verhuizing', 0.25],
      ['overig', 0.15],
      ['detentie', 0.05],
    ];
  return [
    ['inkomen_partner', 0.3],
    ['verhuizing', 0.35],
    ['overig', 0.25],
    ['detentie', 0.03],
    ['overlijden', age >= 55 ? 0.1 : 0.02],
  ];
}
/** The state pension age (AOW) in 2024–2027. */
export const AOW_AGE = 67;

/** Experienced discrimination (case-file discussions, not a mirror stage): chance by origin group. */
export const DISCRIMINATION_EXPERIENCED = {
  nonWesternFirst: 0.25,
  nonWesternSecond: 0.2,
  western: 0.09,
  dutch: 0.05,
  unknown: 0.08,
} as const;
/** Chance the topic is discussed at least once (given two or more conversations), and a second time. */
export const DISCRIMINATION_DISCUSSED = { once: 0.55, twice: 0.15 } as const;

/** Chance of client feedback after a conversation. */
export const FEEDBACK_SHARE = 0.12;
