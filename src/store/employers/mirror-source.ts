import type { Queryable } from '../db.js';
import { proposalStages } from '../../mirror/employer-stages.js';

export interface ProposalFactRow {
  clientId: number;
  employerId: number;
  employerName: string;
  stages: Record<string, boolean>;
}

/**
 * The employer's decision moments per proposal made in a period, from the case file only. The
 * stages carry, for each "still working" stage, whether it could be observed yet. The
 * grounds are joined in the mirror service (store/mirror-source.ts), never here.
 */
export async function loadProposalFacts(
  db: Queryable,
  municipalityId: number,
  from: string,
  to: string,
): Promise<ProposalFactRow[]> {
  const rows = await db.query<{
    clientId: number;
    employerId: number;
    employerName: string;
    invitedOn: string | null;
    hiredOn: string | null;
    stoppedOn: string | null;
    followUps: { months: number; stillWorking: boolean | null }[] | null;
  }>(
    `SELECT pr.client_id AS "clientId", e.id AS "employerId", e.name AS "employerName", pr.invited_on AS "invitedOn",
            pr.hired_on AS "hiredOn", pr.stopped_on AS "stoppedOn",
            (SELECT json_agg(json_build_object('months', f.months, 'stillWorking', f.still_working))
               FROM placement_follow_up f WHERE f.proposal_id = pr.id) AS "followUps"
       FROM proposal pr JOIN vacancy v ON v.id = pr.vacancy_id JOIN employer e ON e.id = v.employer_id
      WHERE e.municipality_id = $1 AND pr.proposed_on BETWEEN $2 AND $3
      ORDER BY pr.proposed_on, pr.id`,
    [municipalityId, from, to],
  );
  return rows.map((r) => ({
    clientId: r.clientId,
    employerId: r.employerId,
    employerName: r.employerName,
    stages: proposalStages({ ...r, followUps: r.followUps ?? [] }, to),
  }));
}
