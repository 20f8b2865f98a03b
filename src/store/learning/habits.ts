import type { Queryable } from '../db.js';

/** One client's part in the team's habits over a period: what was done, never what was said. */
export interface HabitRow {
  clientId: number;
  gender: string;
  birthDate: string | null;
  household: string;
  hadConversation: boolean;
  discriminationDiscussed: boolean;
  allocations: number;
  allocationsWithWish: number;
  feedbackScores: number[];
}

/**
 * The clients of one team (or of every team) with any contact, allocation or feedback in the
 * period, in one round trip. Groups come from the case file only (gender, age, household).
 */
export async function habitRows(
  db: Queryable,
  municipalityId: number,
  teamId: number | null,
  from: string,
  to: string,
): Promise<HabitRow[]> {
  const rows = await db.query<HabitRow>(
    `SELECT * FROM (
       SELECT c.id AS "clientId", c.gender, c.birth_date::text AS "birthDate", c.household,
              EXISTS (SELECT 1 FROM conversation v WHERE v.client_id = c.id AND v.held_on BETWEEN $3 AND $4) AS "hadConversation",
              EXISTS (SELECT 1 FROM discrimination_discussion d WHERE d.client_id = c.id AND d.discussed_on BETWEEN $3 AND $4)
                AS "discriminationDiscussed",
              (SELECT count(*)::int FROM instrument_allocation a WHERE a.client_id = c.id AND a.requested_on BETWEEN $3 AND $4)
                AS allocations,
              (SELECT count(*)::int FROM instrument_allocation a WHERE a.client_id = c.id AND a.requested_on BETWEEN $3 AND $4
                  AND btrim(coalesce(a.client_wish, '')) <> '') AS "allocationsWithWish",
              coalesce((SELECT array_agg(f.score::int) FROM client_feedback f WHERE f.client_id = c.id
                  AND f.given_on BETWEEN $3 AND $4), '{}') AS "feedbackScores"
         FROM client c
        WHERE c.municipality_id = $1 AND ($2::int IS NULL OR c.team_id = $2)
     ) x
     WHERE "hadConversation" OR allocations > 0 OR cardinality("feedbackScores") > 0`,
    [municipalityId, teamId, from, to],
  );
  return rows;
}
