/**
 * Matching clients to a vacancy on competences, experience, hours, travel and the client's own
 * wishes only. The input types hold nothing else: no name, age, gender, origin, nationality,
 * religion or health, and nothing from the monitoring schema. A suggestion explains itself.
 */

/** What matching may know of a client: the work profile of the case file, nothing more. */
export interface MatchProfile {
  clientId: number;
  competences: readonly string[];
  experience: readonly string[];
  hoursMin: number;
  hoursMax: number;
  reachablePlaces: readonly string[];
  wishedSectors: readonly string[];
}

/** What matching may know of a vacancy. */
export interface MatchVacancy {
  competences: readonly string[];
  /** The employer's sector, compared with the client's experience and wished sectors. */
  sector: string;
  hoursPerWeek: number;
  place: string;
}

export interface MatchReasons {
  competences: string[];
  missingCompetences: string[];
  experience: boolean;
  hours: boolean;
  travel: boolean;
  wish: boolean;
}

export interface MatchSuggestion {
  clientId: number;
  /** 0–100: share of the points of the five criteria. */
  score: number;
  reasons: MatchReasons;
  /** The reasons in plain Dutch, one line each. */
  explanation: string[];
}

/** Weights of the criteria (points out of 100). */
export const MATCH_WEIGHTS = { competences: 50, experience: 15, hours: 15, travel: 10, wish: 10 } as const;

const norm = (s: string): string => s.trim().toLowerCase();

/** How one client fits one vacancy, with the reasons. */
export function matchOne(vacancy: MatchVacancy, profile: MatchProfile): MatchSuggestion {
  const own = new Set(profile.competences.map(norm));
  const wanted = [...new Set(vacancy.competences.map(norm))].filter((c) => c.length > 0);
  const matched = wanted.filter((c) => own.has(c));
  const missing = wanted.filter((c) => !own.has(c));
  const sector = norm(vacancy.sector);
  const experience = profile.experience.map(norm).includes(sector);
  const hours = vacancy.hoursPerWeek >= profile.hoursMin && vacancy.hoursPerWeek <= profile.hoursMax;
  const travel = profile.reachablePlaces.map(norm).includes(norm(vacancy.place));
  const wish = profile.wishedSectors.map(norm).includes(sector);
  const competenceShare = wanted.length === 0 ? 1 : matched.length / wanted.length;
  const score = Math.round(
    MATCH_WEIGHTS.competences * competenceShare +
      (experience ? MATCH_WEIGHTS.experience : 0) +
      (hours ? MATCH_WEIGHTS.hours : 0) +
      (travel ? MATCH_WEIGHTS.travel : 0) +
      (wish ? MATCH_WEIGHTS.wish : 0),
  );
  const explanation = [
    wanted.length === 0
      ? 'De vacature vraagt geen bepaalde competenties.'
      : `Competenties: ${matched.length} van ${wanted.length}` +
        (matched.length > 0 ? ` (${matched.join(', ')})` : '') +
        (missing.length > 0 ? `; ontbreekt: ${missing.join(', ')}` : '') +
        '.',
    experience ? `Werkervaring in de sector ${vacancy.sector}.` : `Geen werkervaring in de sector ${vacancy.sector}.`,
    hours
      ? `${vacancy.hoursPerWeek} uur per week past bij ${profile.hoursMin}–${profile.hoursMax} uur.`
      : `${vacancy.hoursPerWeek} uur per week past niet bij ${profile.hoursMin}–${profile.hoursMax} uur.`,
    travel ? `${vacancy.place} is bereikbaar.` : `${vacancy.place} staat niet bij de bereikbare plaatsen.`,
    wish ? `Wil graag werken in de sector ${vacancy.sector}.` : 'De sector staat niet bij de eigen wensen.',
  ];
  return {
    clientId: profile.clientId,
    score,
    reasons: { competences: matched, missingCompetences: missing, experience, hours, travel, wish },
    explanation,
  };
}

/**
 * Suggestions for a vacancy, best first (ties by client id, so the order never depends on
 * anything but the profiles). Only clients with at least one matched criterion and a score of
 * at least `minScore` are suggested.
 */
export function matchClients(
  vacancy: MatchVacancy,
  profiles: readonly MatchProfile[],
  minScore = 30,
  limit = 25,
): MatchSuggestion[] {
  return profiles
    .map((p) => matchOne(vacancy, p))
    .filter((s) => s.score >= minScore)
    .sort((a, b) => b.score - a.score || a.clientId - b.clientId)
    .slice(0, limit);
}
