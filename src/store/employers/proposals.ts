import type { Queryable } from '../db.js';
import type { SessionUser } from '../users.js';
import { scopeCondition } from '../clients.js';
import type { MatchProfile } from '../../domain/matching.js';
import { currentStage, followUpSchedule, type ProposalStage } from '../../domain/placement.js';

export interface WorkProfile {
  competences: string[];
  experience: string[];
  hoursMin: number;
  hoursMax: number;
  reachablePlaces: string[];
  wishedSectors: string[];
  wishes: string;
  updatedOn: string;
}

export interface FollowUp {
  id: number;
  months: number;
  dueOn: string;
  heldOn: string | null;
  stillWorking: boolean | null;
  note: string | null;
}

export interface Proposal {
  id: number;
  vacancyId: number;
  vacancyTitle: string;
  employerId: number;
  employerName: string;
  clientId: number;
  clientName: string;
  proposedOn: string;
  decisionReason: string;
  matchSummary: string;
  invitedOn: string | null;
  hiredOn: string | null;
  stoppedOn: string | null;
  stoppedStage: string | null;
  stoppedReason: string | null;
  stage: ProposalStage;
  followUps: FollowUp[];
}

/**
 * The columns matching may read: the work profile only. Deliberately no column of client
 * (birth date, gender, language level, ...) and nothing of the monitoring schema.
 */
export const MATCH_PROFILES_SQL = `
SELECT p.client_id AS "clientId", p.competences, p.experience, p.hours_min AS "hoursMin", p.hours_max AS "hoursMax",
       p.reachable_places AS "reachablePlaces", p.wished_sectors AS "wishedSectors"
  FROM client_work_profile p
 WHERE p.client_id = ANY($1::int[])
 ORDER BY p.client_id`;

const PROPOSAL_SQL = `
SELECT pr.id, pr.vacancy_id AS "vacancyId", v.title AS "vacancyTitle", e.id AS "employerId", e.name AS "employerName",
       pr.client_id AS "clientId", c.given_name || ' ' || c.family_name AS "clientName", pr.proposed_on AS "proposedOn",
       pr.decision_reason AS "decisionReason", pr.match_summary AS "matchSummary", pr.invited_on AS "invitedOn",
       pr.hired_on AS "hiredOn", pr.stopped_on AS "stoppedOn", pr.stopped_stage AS "stoppedStage",
       pr.stopped_reason AS "stoppedReason", c.team_id AS "teamId", c.consultant_id AS "consultantId"
  FROM proposal pr JOIN vacancy v ON v.id = pr.vacancy_id JOIN employer e ON e.id = v.employer_id
  JOIN client c ON c.id = pr.client_id`;

type ProposalRow = Omit<Proposal, 'stage' | 'followUps'> & { teamId: number; consultantId: number | null };

/** Work profiles, proposals and their follow-up contacts. */
export function proposalsRepository(db: Queryable) {
  async function complete(
    rows: ProposalRow[],
  ): Promise<(Proposal & { teamId: number; consultantId: number | null })[]> {
    if (rows.length === 0) return [];
    const follow = await db.query<FollowUp & { proposalId: number }>(
      `SELECT id, proposal_id AS "proposalId", months, due_on AS "dueOn", held_on AS "heldOn",
              still_working AS "stillWorking", note
         FROM placement_follow_up WHERE proposal_id = ANY($1::int[]) ORDER BY months`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => {
      const followUps = follow.filter((f) => f.proposalId === r.id).map(({ proposalId: _omit, ...f }) => f);
      return {
        ...r,
        followUps,
        stage: currentStage({ invitedOn: r.invitedOn, hiredOn: r.hiredOn, stoppedOn: r.stoppedOn, followUps }),
      };
    });
  }
  return {
    async profile(clientId: number): Promise<WorkProfile | null> {
      const [row] = await db.query<WorkProfile>(
        `SELECT competences, experience, hours_min AS "hoursMin", hours_max AS "hoursMax",
                reachable_places AS "reachablePlaces", wished_sectors AS "wishedSectors", wishes, updated_on AS "updatedOn"
           FROM client_work_profile WHERE client_id = $1`,
        [clientId],
      );
      return row ?? null;
    },
    async saveProfile(clientId: number, p: WorkProfile): Promise<void> {
      await db.query(
        `INSERT INTO client_work_profile (client_id, competences, experience, hours_min, hours_max, reachable_places,
                                          wished_sectors, wishes, updated_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (client_id) DO UPDATE SET competences = $2, experience = $3, hours_min = $4, hours_max = $5,
           reachable_places = $6, wished_sectors = $7, wishes = $8, updated_on = $9`,
        [
          clientId,
          p.competences,
          p.experience,
          p.hoursMin,
          p.hoursMax,
          p.reachablePlaces,
          p.wishedSectors,
          p.wishes,
          p.updatedOn,
        ],
      );
    },
    /** The clients this user may propose (own caseload, or the team) who have a work profile and a running benefit. */
    async candidateIds(user: SessionUser): Promise<number[]> {
      const scope = scopeCondition(user, 2);
      const rows = await db.query<{ id: number }>(
        `SELECT c.id FROM client c JOIN client_work_profile p ON p.client_id = c.id
          WHERE c.municipality_id = $1 AND (${scope.sql})
            AND EXISTS (SELECT 1 FROM benefit_period b WHERE b.client_id = c.id AND b.end_date IS NULL)
          ORDER BY c.id`,
        [user.municipalityId, ...scope.params],
      );
      return rows.map((r) => r.id);
    },
    matchProfiles(clientIds: readonly number[]): Promise<MatchProfile[]> {
      return db.query<MatchProfile>(MATCH_PROFILES_SQL, [[...clientIds]]);
    },
    async names(clientIds: readonly number[]): Promise<Map<number, string>> {
      const rows = await db.query<{ id: number; name: string }>(
        `SELECT id, given_name || ' ' || family_name AS name FROM client WHERE id = ANY($1::int[])`,
        [[...clientIds]],
      );
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async add(p: {
      vacancyId: number;
      clientId: number;
      proposedOn: string;
      proposedBy: number;
      decisionReason: string;
      matchSummary: string;
    }): Promise<{ id: number } | null> {
      const rows = await db.query<{ id: number }>(
        `INSERT INTO proposal (vacancy_id, client_id, proposed_on, proposed_by, decision_reason, match_summary)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (vacancy_id, client_id) DO NOTHING RETURNING id`,
        [p.vacancyId, p.clientId, p.proposedOn, p.proposedBy, p.decisionReason, p.matchSummary],
      );
      return rows[0] ?? null;
    },
    async find(municipalityId: number, id: number) {
      const rows = await db.query<ProposalRow>(`${PROPOSAL_SQL} WHERE e.municipality_id = $1 AND pr.id = $2`, [
        municipalityId,
        id,
      ]);
      return (await complete(rows))[0] ?? null;
    },
    async forEmployer(municipalityId: number, employerId: number) {
      const rows = await db.query<ProposalRow>(
        `${PROPOSAL_SQL} WHERE e.municipality_id = $1 AND e.id = $2 ORDER BY pr.proposed_on DESC, pr.id DESC`,
        [municipalityId, employerId],
      );
      return complete(rows);
    },
    async forVacancy(municipalityId: number, vacancyId: number) {
      const rows = await db.query<ProposalRow>(
        `${PROPOSAL_SQL} WHERE e.municipality_id = $1 AND v.id = $2 ORDER BY pr.proposed_on DESC, pr.id DESC`,
        [municipalityId, vacancyId],
      );
      return complete(rows);
    },
    async forUser(user: SessionUser) {
      const scope = scopeCondition(user, 2);
      const rows = await db.query<ProposalRow>(
        `${PROPOSAL_SQL} WHERE e.municipality_id = $1 AND (${scope.sql}) ORDER BY pr.proposed_on DESC, pr.id DESC`,
        [user.municipalityId, ...scope.params],
      );
      return complete(rows);
    },
    async invite(id: number, on: string): Promise<void> {
      await db.query('UPDATE proposal SET invited_on = $2 WHERE id = $1', [id, on]);
    },
    /**
     * Hired: the start date, the follow-up contacts at 1, 6 and 12 months scheduled at once, and
     * the work period in the case file (an open one at this employer is taken over, not doubled).
     */
    async hire(id: number, on: string): Promise<void> {
      await db.query('UPDATE proposal SET hired_on = $2 WHERE id = $1', [id, on]);
      for (const f of followUpSchedule(on))
        await db.query(
          `INSERT INTO placement_follow_up (proposal_id, months, due_on) VALUES ($1, $2, $3)
           ON CONFLICT (proposal_id, months) DO NOTHING`,
          [id, f.months, f.dueOn],
        );
      await linkWorkPeriod(db, id, on);
    },
    async stop(id: number, on: string, stage: string, reason: string): Promise<void> {
      await db.query('UPDATE proposal SET stopped_on = $2, stopped_stage = $3, stopped_reason = $4 WHERE id = $1', [
        id,
        on,
        stage,
        reason,
      ]);
    },
    /**
     * The placement ends on `on`: the proposal stops at "aangenomen" with the reason, its work
     * period ends on the same day (when still open), and follow-ups not yet held are no longer due.
     */
    async endPlacement(id: number, on: string, reason: string): Promise<void> {
      await endPlacement(db, id, on, reason);
    },
    async recordFollowUp(id: number, f: { heldOn: string; stillWorking: boolean; note: string | null }): Promise<void> {
      await db.query('UPDATE placement_follow_up SET held_on = $2, still_working = $3, note = $4 WHERE id = $1', [
        id,
        f.heldOn,
        f.stillWorking,
        f.note,
      ]);
    },
  };
}

/** The placement's work period: an open one of the client at this employer, or a new one from the start date. */
async function linkWorkPeriod(db: Queryable, id: number, on: string): Promise<void> {
  const [open] = await db.query<{ id: number }>(
    `SELECT w.id FROM proposal pr JOIN vacancy v ON v.id = pr.vacancy_id JOIN employer e ON e.id = v.employer_id
           JOIN work_period w ON w.client_id = pr.client_id AND w.end_date IS NULL AND lower(w.employer) = lower(e.name)
          WHERE pr.id = $1 ORDER BY w.start_date DESC, w.id DESC LIMIT 1`,
    [id],
  );
  const [period] = open
    ? [open]
    : await db.query<{ id: number }>(
        `INSERT INTO work_period (client_id, employer, start_date, hours_per_week)
             SELECT pr.client_id, e.name, $2, v.hours_per_week
               FROM proposal pr JOIN vacancy v ON v.id = pr.vacancy_id JOIN employer e ON e.id = v.employer_id
              WHERE pr.id = $1 RETURNING id`,
        [id, on],
      );
  await db.query('UPDATE proposal SET work_period_id = $2 WHERE id = $1', [id, period.id]);
}

/** Ends a placement: see endPlacement of the repository. */
async function endPlacement(db: Queryable, id: number, on: string, reason: string): Promise<void> {
  await db.query(
    `UPDATE proposal SET stopped_on = $2, stopped_stage = 'aangenomen', stopped_reason = $3 WHERE id = $1`,
    [id, on, reason],
  );
  await db.query(
    `UPDATE work_period w SET end_date = $2 FROM proposal pr
          WHERE pr.id = $1 AND w.id = pr.work_period_id AND w.end_date IS NULL AND w.start_date <= $2`,
    [id, on],
  );
  await db.query('DELETE FROM placement_follow_up WHERE proposal_id = $1 AND held_on IS NULL', [id]);
}
