import { backgroundReads, type Queryable } from './db.js';
import { pseudonymFor } from '../domain/pseudonym.js';
import { ageBand, fineAgeBand } from '../domain/age.js';
import { LANGUAGE_B1_OR_HIGHER } from '../domain/codes.js';
import { todayIso } from '../domain/dates.js';
import { CORE_STAGES, srgStageKey, STAGE_RULES } from '../mirror/stages.js';
import { STAGE_COLUMNS, STAGE_CTES, STAGE_JOINS } from './stage-sql.js';
import type { MirrorPerson } from '../mirror/person-table.js';
import { classifyAll } from '../domain/migration-background.js';
import { readPersonGroundFacts } from './register.js';

export interface MirrorScope {
  municipalityId: number;
  /** First and last day of the period, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  teamId?: number | null;
  neighbourhoodId?: number | null;
}

type FactRow = {
  id: number;
  gender: string;
  age: number;
  household: string;
  education_level: string;
  dutch_language_level: string;
  work_experience: string;
  doelgroepregister: boolean;
  team_id: number;
  consultant_id: number | null;
  neighbourhood_id: number | null;
  diagnosed: boolean;
  srg_codes: number[] | null;
} & Record<keyof typeof STAGE_RULES, boolean>;

/**
 * Stage facts per person for one period, straight from the case file, by the stage rules of
 * src/mirror/stages.ts (STAGE_RULES, also in the README, "De trechter"). The population: a
 * benefit period overlaps [from, to]. Parameters: $1 municipality, $2/$3 first and last day,
 * $4 team, $5 neighbourhood (null: all), $6 today, $7/$8 first and last client id (null: all).
 */
export const FACTS_SQL = `
WITH pop AS (
  SELECT c.id, min(b.start_date) AS bstart,
         LEAST($3::date, max(COALESCE(b.end_date, 'infinity'::date))) AS wend
    FROM client c JOIN benefit_period b ON b.client_id = c.id
   WHERE c.municipality_id = $1 AND b.start_date <= $3::date AND (b.end_date IS NULL OR b.end_date >= $2::date)
     AND ($4::int IS NULL OR c.team_id = $4) AND ($5::int IS NULL OR c.neighbourhood_id = $5)
     AND ($7::int IS NULL OR c.id BETWEEN $7 AND $8)
   GROUP BY c.id
), diagnosed AS (
  SELECT DISTINCT d.client_id FROM diagnosis d JOIN pop p ON p.id = d.client_id WHERE d.given_on <= $3::date
), srg AS (
  SELECT a.client_id, array_agg(DISTINCT i.srg_code) AS codes
    FROM instrument_allocation a JOIN pop p ON p.id = a.client_id JOIN instrument i ON i.id = a.instrument_id
   WHERE a.started_on BETWEEN $2::date AND $3::date GROUP BY a.client_id
), ${STAGE_CTES}
SELECT c.id, c.gender,
       extract(year FROM age(GREATEST($2::date, p.bstart), c.birth_date))::int AS age,
       c.household, c.education_level, c.dutch_language_level, c.work_experience, c.doelgroepregister,
       c.team_id, c.consultant_id, c.neighbourhood_id,
       (diagnosed.client_id IS NOT NULL) AS diagnosed,
       srg.codes AS srg_codes,
       ${STAGE_COLUMNS}
  FROM pop p JOIN client c ON c.id = p.id
  LEFT JOIN diagnosed ON diagnosed.client_id = p.id
  LEFT JOIN srg ON srg.client_id = p.id
  ${STAGE_JOINS}
 ORDER BY c.id`;

const orNull = (v: string): string | null => (v === 'onbekend' ? null : v);
const yesNo = (v: boolean | null | undefined): string | null =>
  v === null || v === undefined ? null : v ? 'ja' : 'nee';

export interface MirrorSourceRow {
  clientId: number;
  /** The key of this person's special-category data (monitoring schema), computed once here. */
  pseudonym: string;
  teamId: number;
  consultantId: number | null;
  neighbourhoodId: number | null;
  hasDiagnosis: boolean;
  person: MirrorPerson;
}

/** Clients per piece when the mirror reads a period (see loadMirrorRows). */
export const MIRROR_READ_PIECE = 500;

/** The clients of the municipality (in a team or wijk when given) as id ranges of `size` clients. */
export async function clientIdRanges(
  db: Queryable,
  scope: Pick<MirrorScope, 'municipalityId' | 'teamId' | 'neighbourhoodId'>,
  size: number = MIRROR_READ_PIECE,
): Promise<[number, number][]> {
  const ids = (
    await db.query<{ id: number }>(
      `SELECT id FROM client WHERE municipality_id = $1 AND ($2::int IS NULL OR team_id = $2)
          AND ($3::int IS NULL OR neighbourhood_id = $3) ORDER BY id`,
      [scope.municipalityId, scope.teamId ?? null, scope.neighbourhoodId ?? null],
    )
  ).map((r) => r.id);
  const ranges: [number, number][] = [];
  for (let i = 0; i < ids.length; i += size) ranges.push([ids[i], ids[Math.min(ids.length, i + size) - 1]]);
  return ranges;
}

/**
 * The population of a period as mirror rows: case-file facts joined in memory with the
 * special categories (read by pseudonym, never by client id). Used only to aggregate.
 *
 * Read in pieces of MIRROR_READ_PIECE clients (by id), each piece's facts and special
 * categories in their own statements, as background reads (Db.background): on the embedded
 * database a consultant's query then waits for at most one piece, not for the whole period.
 * Each person is read whole within one statement.
 */
export async function loadMirrorRows(
  db: Queryable,
  scope: MirrorScope,
  pseudonymSecret: string,
  today: string = todayIso(),
): Promise<MirrorSourceRow[]> {
  const reader = backgroundReads(db);
  const out: MirrorSourceRow[] = [];
  for (const [first, last] of await clientIdRanges(reader, scope)) {
    const facts = await reader.query<FactRow>(FACTS_SQL, [
      scope.municipalityId,
      scope.from,
      scope.to,
      scope.teamId ?? null,
      scope.neighbourhoodId ?? null,
      today,
      first,
      last,
    ]);
    if (facts.length > 0) out.push(...(await mirrorRowsOf(reader, scope.municipalityId, facts, pseudonymSecret)));
  }
  return out;
}

/** Mirror rows of one piece: its facts with the special categories of the same people. */
async function mirrorRowsOf(
  db: Queryable,
  municipalityId: number,
  facts: FactRow[],
  pseudonymSecret: string,
): Promise<MirrorSourceRow[]> {
  const pseudonyms = facts.map((f) => pseudonymFor(f.id, pseudonymSecret));
  const special = (await readPersonGroundFacts(db, municipalityId, pseudonyms)).map((p) => ({
    ...p,
    birthCountry: p.birth_country,
    motherBirthCountry: p.mother_birth_country,
    fatherBirthCountry: p.father_birth_country,
  }));
  const byPseudonym = new Map(special.map((s) => [s.pseudonym, s]));
  return facts.map((f, i) => {
    const pseudonym = pseudonyms[i];
    const s = byPseudonym.get(pseudonym);
    const migration = s
      ? classifyAll({ ...s, culturalBackgrounds: s.backgrounds ?? [] })
      : { cbsBefore2022: null, cbsFrom2022: null, enschede: null };
    const stages: Record<string, boolean> = {};
    for (const key of Object.keys(STAGE_RULES)) stages[key] = f[key];
    for (const code of f.srg_codes ?? []) stages[srgStageKey(code)] = true;
    return {
      clientId: f.id,
      pseudonym,
      teamId: f.team_id,
      consultantId: f.consultant_id,
      neighbourhoodId: f.neighbourhood_id,
      hasDiagnosis: f.diagnosed,
      person: {
        grounds: {
          geslacht: orNull(f.gender),
          leeftijd: ageBand(f.age),
          leeftijd_fijn: fineAgeBand(f.age),
          migratieachtergrond: migration.cbsBefore2022,
          herkomst: migration.cbsFrom2022,
          migratie_enschede: migration.enschede,
          statushouder: yesNo(s?.statushouder),
          huishouden: orNull(f.household),
          doelgroepregister: yesNo(f.doelgroepregister),
          opleiding: orNull(f.education_level),
          taalniveau:
            f.dutch_language_level === 'onbekend'
              ? null
              : LANGUAGE_B1_OR_HIGHER.has(f.dutch_language_level)
                ? 'b1_of_hoger'
                : 'onder_b1',
          werkervaring: orNull(f.work_experience),
          gezondheid: yesNo(s?.health_limitation),
        },
        stages,
        numbers: { leeftijd_jaren: f.age },
      },
    };
  });
}

export const CORE_STAGE_KEYS = CORE_STAGES.map((s) => s.key);
