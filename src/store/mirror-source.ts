import type { Queryable } from './db.js';
import { pseudonymFor } from '../domain/pseudonym.js';
import { ageBand, fineAgeBand } from '../mirror/grounds.js';
import { CORE_STAGES, srgStageKey } from '../mirror/stages.js';
import type { MirrorPerson } from '../mirror/person-table.js';
import { classifyAll, type MigrationInput } from '../domain/migration-background.js';

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
 *   the benefit start) was 183 days or more before;
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
   WHERE g.next_d IS NOT NULL AND GREATEST($2::date, g.d + 183) <= LEAST(g.next_d, p.wend)
)
SELECT c.id, c.gender,
       extract(year FROM age(GREATEST($2::date, p.bstart), c.birth_date))::int AS age,
       c.household, c.education_level, c.dutch_language_level, c.work_experience, c.doelgroepregister,
       c.team_id, c.consultant_id, c.neighbourhood_id,
       (SELECT d.distance FROM diagnosis d WHERE d.client_id = c.id AND d.given_on <= $3::date
         ORDER BY d.given_on DESC, d.id DESC LIMIT 1) AS distance,
       EXISTS (SELECT 1 FROM bestand_period bp WHERE bp.client_id = c.id AND bp.bestand = 'werkplein'
                AND bp.start_date <= $3::date AND (bp.end_date IS NULL OR bp.end_date >= $2::date)) AS werkplein,
       EXISTS (SELECT 1 FROM action_plan ap WHERE ap.client_id = c.id AND ap.created_on <= $3::date AND ap.status <> 'concept') AS plan,
       (SELECT array_agg(DISTINCT i.srg_code) FROM instrument_allocation a JOIN instrument i ON i.id = a.instrument_id
         WHERE a.client_id = c.id AND a.started_on BETWEEN $2::date AND $3::date) AS srg_codes,
       (SELECT count(*) FROM conversation v WHERE v.client_id = c.id
         AND v.held_on > p.wend - 365 AND v.held_on <= p.wend)::int AS conversations_12m,
       EXISTS (SELECT 1 FROM stapel s WHERE s.client_id = c.id) AS stapel,
       EXISTS (SELECT 1 FROM work_period w WHERE w.client_id = c.id AND w.start_date BETWEEN $2::date AND $3::date
                AND COALESCE(w.end_date, current_date) >= (w.start_date + interval '1 month' - interval '1 day')::date) AS work_1m,
       EXISTS (SELECT 1 FROM work_period w WHERE w.client_id = c.id AND w.start_date BETWEEN $2::date AND $3::date
                AND COALESCE(w.end_date, current_date) >= (w.start_date + interval '6 months' - interval '1 day')::date) AS work_6m,
       EXISTS (SELECT 1 FROM benefit_period b WHERE b.client_id = c.id AND b.end_date BETWEEN $2::date AND $3::date) AS outflow
  FROM pop p JOIN client c ON c.id = p.id
 ORDER BY c.id`;

const LANGUAGE_B1_PLUS = new Set(['B1', 'B2', 'C1', 'C2']);
const orNull = (v: string): string | null => (v === 'onbekend' ? null : v);
const yesNo = (v: boolean | null | undefined): string | null => (v === null || v === undefined ? null : v ? 'ja' : 'nee');

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
export async function loadMirrorRows(db: Queryable, scope: MirrorScope, pseudonymSecret: string): Promise<MirrorSourceRow[]> {
  const facts = await db.query<FactRow>(FACTS_SQL, [scope.municipalityId, scope.from, scope.to, scope.teamId ?? null, scope.neighbourhoodId ?? null]);
  const special = await db.query<MigrationInput & { pseudonym: string; statushouder: boolean | null; health_limitation: boolean | null; backgrounds: string[] | null }>(
    `SELECT p.pseudonym, p.birth_country AS "birthCountry", p.mother_birth_country AS "motherBirthCountry",
            p.father_birth_country AS "fatherBirthCountry", p.nationality, p.statushouder, p.health_limitation,
            (SELECT array_agg(cb.background ORDER BY cb.background) FROM monitoring.cultural_background cb WHERE cb.pseudonym = p.pseudonym) AS backgrounds
       FROM monitoring.person p WHERE p.municipality_id = $1`,
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
          taalniveau: f.dutch_language_level === 'onbekend' ? null : LANGUAGE_B1_PLUS.has(f.dutch_language_level) ? 'b1_of_hoger' : 'onder_b1',
          werkervaring: orNull(f.work_experience),
          gezondheid: yesNo(s?.health_limitation),
        },
        stages,
      },
    };
  });
}

export const CORE_STAGE_KEYS = CORE_STAGES.map((s) => s.key);
