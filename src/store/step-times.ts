import type { Queryable } from './db.js';
import type { StepKey } from '../mirror/time-to-step.js';

export interface StepTimesRow {
  clientId: number;
  /** Days from benefit start to each step (null = not reached while on benefit). */
  days: Record<StepKey, number | null>;
  /** Days from benefit start to the end of follow-up: outflow, or today while on benefit. */
  followed: number;
}

/**
 * For the people whose benefit started in [from, to] (in scope): days from the benefit start
 * to the first diagnosis, the first plan of action (not a draft), the first instrument that
 * started and the start of the first work that lasted at least one month; a step after the
 * benefit ended (or after today) does not count. Follow-up ends at the benefit end or today.
 */
export const STEP_TIMES_SQL = `
WITH cohort AS (
  SELECT c.id, b.start_date AS bstart, LEAST(COALESCE(b.end_date, current_date), current_date) AS fend
    FROM client c
    JOIN LATERAL (SELECT start_date, end_date FROM benefit_period WHERE client_id = c.id ORDER BY start_date LIMIT 1) b ON true
   WHERE c.municipality_id = $1 AND b.start_date BETWEEN $2::date AND $3::date
     AND ($4::int IS NULL OR c.team_id = $4) AND ($5::int IS NULL OR c.neighbourhood_id = $5)
)
SELECT k.id, (k.fend - k.bstart) AS followed,
  (SELECT min(d.given_on) FROM diagnosis d WHERE d.client_id = k.id AND d.given_on BETWEEN k.bstart AND k.fend) - k.bstart AS diagnose,
  (SELECT min(ap.created_on) FROM action_plan ap WHERE ap.client_id = k.id AND ap.status <> 'concept' AND ap.created_on BETWEEN k.bstart AND k.fend) - k.bstart AS plan,
  (SELECT min(a.started_on) FROM instrument_allocation a WHERE a.client_id = k.id AND a.started_on BETWEEN k.bstart AND k.fend) - k.bstart AS voorziening,
  (SELECT min(w.start_date) FROM work_period w WHERE w.client_id = k.id AND w.start_date BETWEEN k.bstart AND k.fend
      AND COALESCE(w.end_date, current_date) >= (w.start_date + interval '1 month' - interval '1 day')::date) - k.bstart AS werk
  FROM cohort k ORDER BY k.id`;

export async function loadStepTimes(
  db: Queryable,
  scope: { municipalityId: number; from: string; to: string; teamId: number | null; neighbourhoodId: number | null },
): Promise<StepTimesRow[]> {
  const rows = await db.query<{
    id: number;
    followed: number;
    diagnose: number | null;
    plan: number | null;
    voorziening: number | null;
    werk: number | null;
  }>(STEP_TIMES_SQL, [scope.municipalityId, scope.from, scope.to, scope.teamId, scope.neighbourhoodId]);
  return rows.map((r) => ({
    clientId: r.id,
    followed: Number(r.followed),
    days: {
      diagnose: r.diagnose === null ? null : Number(r.diagnose),
      plan: r.plan === null ? null : Number(r.plan),
      voorziening: r.voorziening === null ? null : Number(r.voorziening),
      werk: r.werk === null ? null : Number(r.werk),
    },
  }));
}
