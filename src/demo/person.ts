/**
 * One client's personal characteristics: age, gender, household, education, health, address,
 * team and consultant (from the 'person' stream), and origin, names and Dutch language level
 * (from the 'origin' stream). The two streams are separate, so origin is independent of the rest.
 */
import type { EducationLevel, Gender, Household, LanguageLevel, WorkExperience } from '../domain/codes.js';
import { birthdayDay, isoOf } from './dates.js';
import {
  AGE_BANDS,
  DOELGROEPREGISTER,
  EDUCATION_SHARES,
  GENDER_SHARES,
  HEALTH_SHARES,
  WORK_EXPERIENCE_SHARES,
  householdShares,
} from './model.js';
import { drawName } from './names.js';
import { COUNTRIES, drawOrigin, type Origin } from './origins.js';
import { NEIGHBOURHOODS, TEAM_NAMES, drawAddress, type NeighbourhoodDef } from './places.js';
import type { Random } from './random.js';
import type { Staffing } from './organisation.js';

/** A client's characteristics as drawn. */
export interface Person {
  startDay: number;
  age: number;
  birthDate: string;
  gender: Gender;
  household: Household;
  education: EducationLevel;
  workExperience: WorkExperience;
  healthLimitation: boolean | null;
  doelgroepregister: boolean;
  neighbourhoodId: number;
  neighbourhood: NeighbourhoodDef;
  address: { street: string; house_number: string; postcode: string };
  teamId: number;
  teamName: string;
  consultantId: number;
  origin: Origin;
  language: LanguageLevel;
  givenName: string;
  familyName: string;
}

const NEIGHBOURHOOD_WEIGHTS = NEIGHBOURHOODS.map((n, i) => [i, n.share] as const);
const DUTCH_SPEAKING = new Set(['NL', 'SR', 'CW', 'BE']);

/** Dutch language level: follows origin (and nothing else), and has no effect on any outcome. */
function drawLanguage(rnd: Random, o: Origin): LanguageLevel {
  if (o.birthCountry === null)
    return rnd.weighted([
      ['A2', 20],
      ['B1', 30],
      ['B2', 30],
      ['C1', 15],
      ['onbekend', 5],
    ]);
  if (!o.bornAbroad || o.heritage === null)
    return rnd.weighted([
      ['B1', 14],
      ['B2', 35],
      ['C1', 38],
      ['C2', 8],
      ['onbekend', 5],
    ]);
  if (DUTCH_SPEAKING.has(o.birthCountry))
    return rnd.weighted([
      ['B1', 5],
      ['B2', 30],
      ['C1', 45],
      ['C2', 15],
      ['onbekend', 5],
    ]);
  if (o.statushouder)
    return rnd.weighted([
      ['A0', 8],
      ['A1', 27],
      ['A2', 30],
      ['B1', 22],
      ['B2', 8],
      ['onbekend', 5],
    ]);
  return rnd.weighted([
    ['A1', 10],
    ['A2', 22],
    ['B1', 33],
    ['B2', 20],
    ['C1', 10],
    ['onbekend', 5],
  ]);
}

/**
 * Draws a person. `personRnd` gives everything that can drive an outcome; `originRnd` gives
 * origin, names and language, and reads nothing but gender and birth year (for the names).
 */
export function drawPerson(personRnd: Random, originRnd: Random, startDay: number, staffing: Staffing): Person {
  const p = personRnd;
  const [lo, hi] = p.weighted(AGE_BANDS);
  const age = p.int(lo, hi);
  const startIso = isoOf(startDay);
  const latest = birthdayDay(startIso, -age);
  const earliest = birthdayDay(startIso, -(age + 1)) + 1;
  const birthDate = isoOf(p.int(earliest, latest));
  const gender = p.weighted(GENDER_SHARES);
  const household = p.weighted(householdShares(gender));
  const education = p.weighted(EDUCATION_SHARES);
  const experienceKind = p.weighted(WORK_EXPERIENCE_SHARES);
  const healthLimitation = p.weighted(HEALTH_SHARES);
  const doelgroepregister = p.bernoulli(
    healthLimitation ? DOELGROEPREGISTER.withHealthLimitation : DOELGROEPREGISTER.otherwise,
  );
  const nIndex = p.weighted(NEIGHBOURHOOD_WEIGHTS);
  const neighbourhood = NEIGHBOURHOODS[nIndex];
  const address = drawAddress(p, neighbourhood);
  const teamId = TEAM_NAMES.indexOf(neighbourhood.team) + 1;
  const consultantId = p.pick(staffing.consultantsByTeam.get(teamId) ?? []);

  const o = originRnd;
  const origin = drawOrigin(o);
  const language = drawLanguage(o, origin);
  // "some" experience is in NL or abroad: the split follows birth country and nothing depends on it
  const workExperience: WorkExperience =
    experienceKind === 'some'
      ? origin.bornAbroad && origin.heritage !== null && o.bernoulli(0.55)
        ? 'buitenland'
        : 'nederland'
      : experienceKind;
  const familyGroup = COUNTRIES[origin.nameCountry].nameGroup;
  const second = origin.kind === 'nonWesternSecond' || origin.kind === 'westernSecond';
  const givenGroup = second && o.bernoulli(0.3) ? 'nl' : familyGroup;
  const { given, family } = drawName(o, { givenGroup, familyGroup, gender, birthYear: Number(birthDate.slice(0, 4)) });

  return {
    startDay,
    age,
    birthDate,
    gender,
    household,
    education,
    workExperience,
    healthLimitation,
    doelgroepregister,
    neighbourhoodId: nIndex + 1,
    neighbourhood,
    address,
    teamId,
    teamName: neighbourhood.team,
    consultantId,
    origin,
    language,
    givenName: given,
    familyName: family,
  };
}
