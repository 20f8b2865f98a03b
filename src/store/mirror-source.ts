import type { Queryable } from './db.js';
import { pseudonymFor } from '../domain/pseudonym.js';
import { ageBand, fineAgeBand } from '../domain/age.js';
import { BOTTOM_OF_PILE_DAYS } from '../domain/casefile-rules.js';
import { CORE_STAGES, srgStageKey } from '../mirror/stages.js';
import type { MirrorPerson } from '../mirror/person-table.js';
import { classifyAll, type MigrationInput } from '../domain/migration-background.js';
import { PERSON_FACTS_SQL } from './register.js';

export interface MirrorScope {
  municipalityId: number;
  /** First and last day of the period, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  teamId?: number | null;
  neighbourhoodId?: number | null;
}

interface FactRow {
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
  distance: string | null;
  werkplein: boolean;
  plan: boolean;
  srg_codes: number[] | null;
  conversations_12m: number;
  stapel: boolean;
  work_1m: boolean;
  work_6m: boolean;
  outflow: boolean;
}

/**
 * Stage facts per person for one period, straight from the case file. Definitions (also in
 * the README, "De trechter"):
 * - population: a benefit period overlaps [from, to];
 * - diagnose_kort: the latest diagnosis advice on or before `to` is "kort";
 * - werkplein: a Werkpleinbestand period overlaps [from, to];
 * - plan: a plan of action (not a draft) made on or before `to`;
 * - voorziening (and per SRG type): an instrument started within [from, to];
 * - contact_4: at least 4 conversations in the 365 days up to the end of the period (or of
 *   the benefit, if that came first);
 * - onder_op_de_stapel: on some day in the period while on benefit, the last conversation (or
 *   the benefit start) was BOTTOM_OF_PILE_DAYS (183) days or more before;
 * - werkzaam_1m / _6m: a work period that began in [from, to] and lasted (or, still running,
 *   has lasted until today) at least 1 / 6 months with the same employer;
 * - uitstroom: a benefit period ended within [from, to].
 */
export const FACTS_SQL = `
WITH pop AS (
  SELECT c.id, min(b.start_date) AS bstart,
         LEAST($3::date, max(COALESCE(b.end_date, 'infinity'::date))) AS wend
    FROM client c JOIN benefit_period b ON b.client_id = c.id
   WHERE c.municipality_id = $1 AND b.start_date <= $3::date AND (b.end_date IS NULL OR b.end_date >= $2::date)
     AND ($4::int IS NULL OR c.team_id = $4) AND ($5::int IS NULL OR c.neighbourhood_id = $5)
   GROUP BY c.id
), pts AS (
  SELECT p.id AS client_id, p.bstart AS d FROM pop p
  UNION ALL
  SELECT v.client_id, v.held_on FROM conversation v JOIN pop p ON p.id = v.client_id
   WHERE v.held_on >= p.bstart AND v.held_on <= p.wend
  UNION ALL
  SELECT p.id, p.wend FROM pop p
), gaps AS (
  SELECT client_id, d, lead(d) OVER (PARTITION BY client_id ORDER BY d) AS next_d FROM pts
), stapel AS (
  SELECT DISTINCT g.client_id FROM gaps g JOIN pop p ON p.id = g.client_id
   WHERE g.next_d IS NOT NULL AND GREATEST($2::date, g.d + ${BOTTOM_OF_PILE_DAYS}) <= LEAST(g.next_d, p.wend)
), diag AS (
  SELECT DISTINCT ON (d.client_id) d.client_id, d.distance FROM diagnosis d JOIN pop p ON p.id = d.client_id
   WHERE d.given_on <= $3::date ORDER BY d.client_id, d.given_on DESC, d.id DESC
), werkplein AS (
  SELECT DISTINCT bp.client_id FROM bestand_period bp JOIN pop p ON p.id = bp.client_id
   WHERE bp.bestand = 'werkplein' AND bp.start_date <= $3::date AND (bp.end_date IS NULL OR bp.end_date >= $2::date)
), plans AS (
  SELECT DISTINCT ap.client_id FROM action_plan ap JOIN pop p ON p.id = ap.client_id
   WHERE ap.created_on <= $3::date AND ap.status <> 'concept'
), srg AS (
  SELECT a.client_id, array_agg(DISTINCT i.srg_code) AS codes
    FROM instrument_allocation a JOIN pop p ON p.id = a.client_id JOIN instrument i ON i.id = a.instrument_id
   WHERE a.started_on BETWEEN $2::date AND $3::date GROUP BY a.client_id
), conv AS (
  SELECT v.client_id, count(*)::int AS n FROM conversation v JOIN pop p ON p.id = v.client_id
   WHERE v.held_on > p.wend - 365 AND v.held_on <= p.wend GROUP BY v.client_id
), work AS (
  SELECT w.client_id,
         bool_or(COALESCE(w.end_date, current_date) >= (w.start_date + interval '1 month' - interval '1 day')::date) AS m1,
         bool_or(COALESCE(w.end_date, current_date) >= (w.start_date + interval '6 months' - interval '1 day')::date) AS m6
    FROM work_period w JOIN pop p ON p.id = w.client_id
   WHERE w.start_date BETWEEN $2::date AND $3::date GROUP BY w.client_id
), outflow AS (
  SELECT DISTINCT b.client_id FROM benefit_period b JOIN pop p ON p.id = b.client_id
   WHERE b.end_date BETWEEN $2::date AND $3::date
)
SELECT c.id, c.gender,
       extract(year FROM age(GREATEST($2::date, p.bstart), c.birth_date))::int AS age,
       c.household, c.education_level, c.dutch_language_level, c.work_experience, c.doelgroepregister,
       c.team_id, c.consultant_id, c.neighbourhood_id,
       diag.distance,
       (werkplein.client_id IS NOT NULL) AS werkplein,
       (plans.client_id IS NOT NULL) AS plan,
       srg.codes AS srg_codes,
       COALESCE(conv.n, 0) AS conversations_12m,
       (stapel.client_id IS NOT NULL) AS stapel,
       COALESCE(work.m1, false) AS work_1m,
       COALESCE(work.m6, false) AS work_6m,
       (outflow.client_id IS NOT NULL) AS outflow
  FROM pop p JOIN client c ON c.id = p.id
  LEFT JOIN diag ON diag.client_id = p.id
  LEFT JOIN werkplein ON werkplein.client_id = p.id
  LEFT JOIN plans ON plans.client_id = p.id
  LEFT JOIN srg ON srg.client_id = p.id
  LEFT JOIN conv ON conv.client_id = p.id
  LEFT JOIN stapel ON stapel.client_id = p.id
  LEFT JOIN work ON work.client_id = p.id
  LEFT JOIN outflow ON outflow.client_id = p.id
 ORDER BY c.id`;

const LANGUAGE_B1_PLUS = new Set(['B1', 'B2', 'C1', 'C2']);
const orNull = (v: string): string | null => (v === 'onbekend' ? null : v);
const yesNo = (v: boolean | null | undefined): string | null =>
  v === null || v === undefined ? null : v ? 'ja' : 'nee';

export interface MirrorSourceRow {
  clientId: number;
  teamId: number;
  consultantId: number | null;
  neighbourhoodId: number | null;
  hasDiagnosis: boolean;
  person: MirrorPerson;
}

/**
 * The population of a period as mirror rows: case-file facts joined in memory with the
 * special categories (read by pseudonym, never by client id). Used only to aggregate.
 */
export async function loadMirrorRows(
  db: Queryable,
  scope: MirrorScope,
  pseudonymSecret: string,
): Promise<MirrorSourceRow[]> {
  const facts = await db.query<FactRow>(FACTS_SQL, [
    scope.municipalityId,
    scope.from,
    scope.to,
    scope.teamId ?? null,
    scope.neighbourhoodId ?? null,
  ]);
  const special = await db.query<
    MigrationInput & {
      pseudonym: string;
      statushouder: boolean | null;
      health_limitation: boolean | null;
      backgrounds: string[] | null;
    }
  >(
    `SELECT p.pseudonym, p.birth_country AS "birthCountry", p.mother_birth_country AS "motherBirthCountry",
            p.father_birth_country AS "fatherBirthCountry", p.nationality, p.statushouder, p.health_limitation,
            (SELECT array_agg(cb.background ORDER BY cb.background) FROM monitoring.cultural_background cb WHERE cb.pseudonym = p.pseudonym) AS backgrounds
       FROM (${PERSON_FACTS_SQL}) p WHERE p.municipality_id = $1`,
    [scope.municipalityId],
  );
  const byPseudonym = new Map(special.map((s) => [s.pseudonym, s]));
  return facts.map((f) => {
    const s = byPseudonym.get(pseudonymFor(f.id, pseudonymSecret));
    const migration = s
      ? classifyAll({ ...s, culturalBackgrounds: s.backgrounds ?? [] })
      : { cbsBefore2022: null, cbsFrom2022: null, enschede: null };
    const stages: Record<string, boolean> = {
      diagnose_kort: f.distance === 'kort',
      werkplein: f.werkplein,
      plan: f.plan,
      voorziening: (f.srg_codes?.length ?? 0) > 0,
      contact_4: f.conversations_12m >= 4,
      onder_op_de_stapel: f.stapel,
      werkzaam_1m: f.work_1m,
      werkzaam_6m: f.work_6m,
      uitstroom: f.outflow,
    };
    for (const code of f.srg_codes ?? []) stages[srgStageKey(code)] = true;
    return {
      clientId: f.id,
      teamId: f.team_id,
      consultantId: f.consultant_id,
      neighbourhoodId: f.neighbourhood_id,
      hasDiagnosis: f.distance !== null,
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
              : LANGUAGE_B1_PLUS.has(f.dutch_language_level)
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
