import type { Queryable } from '../db.js';

export interface NewDiscriminatoryRequest {
  employerId: number;
  vacancyId: number | null;
  receivedOn: string;
  kind: 'expliciet' | 'impliciet' | 'positief';
  ground: string;
  wording: string;
  action: 'geweigerd' | 'besproken' | 'gemeld';
  recordedBy: number;
}

export interface RequestRow {
  id: number;
  employerId: number;
  employerName: string;
  namedAsExample: boolean;
  receivedOn: string;
  kind: string;
  ground: string;
  action: string;
  namingDecision: 'open' | 'noemen' | 'niet_noemen';
}

/** Discriminatory requests of employers and what was done with them under the protocol. */
export function requestsRepository(db: Queryable) {
  return {
    async add(r: NewDiscriminatoryRequest): Promise<{ id: number }> {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO discriminatory_request (employer_id, vacancy_id, received_on, kind, ground, wording, action, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [r.employerId, r.vacancyId, r.receivedOn, r.kind, r.ground, r.wording, r.action, r.recordedBy],
      );
      return row;
    },
    async decide(municipalityId: number, id: number, decision: 'noemen' | 'niet_noemen', by: number): Promise<boolean> {
      const rows = await db.query(
        `UPDATE discriminatory_request r SET naming_decision = $3, decided_by = $4
           FROM employer e WHERE e.id = r.employer_id AND e.municipality_id = $1 AND r.id = $2 RETURNING r.id`,
        [municipalityId, id, decision, by],
      );
      return rows.length > 0;
    },
    /** Every request of the municipality in a period (no wording: reports count, they do not quote). */
    inPeriod(municipalityId: number, from: string, to: string): Promise<RequestRow[]> {
      return db.query<RequestRow>(
        `SELECT r.id, e.id AS "employerId", e.name AS "employerName", e.named_as_example AS "namedAsExample",
                r.received_on AS "receivedOn", r.kind, r.ground, r.action, r.naming_decision AS "namingDecision"
           FROM discriminatory_request r JOIN employer e ON e.id = r.employer_id
          WHERE e.municipality_id = $1 AND r.received_on BETWEEN $2 AND $3
          ORDER BY r.received_on, r.id`,
        [municipalityId, from, to],
      );
    },
    forEmployer(employerId: number) {
      return db.query<{
        id: number;
        receivedOn: string;
        kind: string;
        ground: string;
        wording: string;
        action: string;
        namingDecision: string;
      }>(
        `SELECT id, received_on AS "receivedOn", kind, ground, wording, action, naming_decision AS "namingDecision"
           FROM discriminatory_request WHERE employer_id = $1 ORDER BY received_on DESC, id DESC`,
        [employerId],
      );
    },
  };
}
