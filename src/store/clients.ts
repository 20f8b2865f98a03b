import type { Queryable } from './db.js';
import type { SessionUser } from './users.js';

export interface ClientSummary {
  id: number;
  name: string;
  birthDate: string;
  teamId: number;
  consultantId: number | null;
}

export interface ClientRecord {
  id: number;
  bsn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  gender: string;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  neighbourhood: string | null;
  household: string;
  educationLevel: string;
  dutchLanguageLevel: string;
  workExperience: string;
  doelgroepregister: boolean;
  teamId: number;
  teamName: string;
  consultantId: number | null;
  consultantName: string | null;
  version: number;
}

export interface NewClient {
  bsn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  gender: string;
  street?: string;
  houseNumber?: string;
  postcode?: string;
  city?: string;
  household: string;
  educationLevel: string;
  dutchLanguageLevel: string;
  workExperience: string;
  doelgroepregister: boolean;
  teamId: number;
  consultantId: number | null;
}

/**
 * The SQL condition that limits clients to what a user may see in the case file:
 * a consultant their own clients, a team leader their team. Other roles see none.
 * The condition's one parameter is `$<index>`; pass `params` at that position.
 */
export function scopeCondition(user: SessionUser, index: number, alias = 'c'): { sql: string; params: unknown[] } {
  if (user.role === 'consultant') return { sql: `${alias}.consultant_id = $${index}`, params: [user.id] };
  if (user.role === 'teamleider') return { sql: `${alias}.team_id = $${index}`, params: [user.teamId] };
  return { sql: `$${index}::int IS NULL AND false`, params: [null] };
}

export function clientsRepository(db: Queryable) {
  return {
    async listForUser(user: SessionUser): Promise<ClientSummary[]> {
      const scope = scopeCondition(user, 2);
      return db.query<ClientSummary>(
        `SELECT c.id, c.given_name || ' ' || c.family_name AS name, c.birth_date AS "birthDate",
                c.team_id AS "teamId", c.consultant_id AS "consultantId"
           FROM client c WHERE c.municipality_id = $1 AND (${scope.sql})
          ORDER BY c.family_name, c.given_name, c.id`,
        [user.municipalityId, ...scope.params],
      );
    },

    /**
     * How many clients the user sees, and how many of them flowed out on `today` (every benefit
     * period ended before today, as in clientStatus): those are no longer being guided.
     */
    async countForUser(user: SessionUser, today: string): Promise<{ total: number; uitgestroomd: number }> {
      const scope = scopeCondition(user, 3);
      const [row] = await db.query<{ total: number; uitgestroomd: number }>(
        `SELECT count(*) AS total,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM benefit_period b WHERE b.client_id = c.id)
                                   AND NOT EXISTS (SELECT 1 FROM benefit_period b WHERE b.client_id = c.id
                                                     AND (b.end_date IS NULL OR b.end_date >= $2::date))) AS uitgestroomd
           FROM client c WHERE c.municipality_id = $1 AND (${scope.sql})`,
        [user.municipalityId, today, ...scope.params],
      );
      return { total: Number(row.total), uitgestroomd: Number(row.uitgestroomd) };
    },

    /** 'ok' when the user may open this client, 'forbidden' when it exists but is not theirs. */
    async access(user: SessionUser, clientId: number): Promise<'ok' | 'forbidden' | 'not-found'> {
      const scope = scopeCondition(user, 3);
      const rows = await db.query<{ allowed: boolean }>(
        `SELECT (c.municipality_id = $2 AND (${scope.sql})) AS allowed FROM client c WHERE c.id = $1`,
        [clientId, user.municipalityId, ...scope.params],
      );
      if (rows.length === 0) return 'not-found';
      return rows[0].allowed ? 'ok' : 'forbidden';
    },

    async get(clientId: number): Promise<ClientRecord | null> {
      const rows = await db.query<ClientRecord>(
        `SELECT c.id, c.bsn, c.given_name AS "givenName", c.family_name AS "familyName", c.birth_date AS "birthDate",
                c.gender, c.street, c.house_number AS "houseNumber", c.postcode, c.city, n.name AS neighbourhood,
                c.household, c.education_level AS "educationLevel", c.dutch_language_level AS "dutchLanguageLevel",
                c.work_experience AS "workExperience", c.doelgroepregister, c.team_id AS "teamId", t.name AS "teamName",
                c.consultant_id AS "consultantId", u.display_name AS "consultantName", c.version
           FROM client c
           JOIN team t ON t.id = c.team_id
           LEFT JOIN neighbourhood n ON n.id = c.neighbourhood_id
           LEFT JOIN app_user u ON u.id = c.consultant_id
          WHERE c.id = $1`,
        [clientId],
      );
      return rows[0] ?? null;
    },

    async create(municipalityId: number, c: NewClient): Promise<{ id: number }> {
      const rows = await db.query<{ id: number }>(
        `INSERT INTO client (municipality_id, bsn, given_name, family_name, birth_date, gender, street, house_number,
                             postcode, city, household, education_level, dutch_language_level, work_experience,
                             doelgroepregister, team_id, consultant_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
        [
          municipalityId,
          c.bsn,
          c.givenName,
          c.familyName,
          c.birthDate,
          c.gender,
          c.street ?? null,
          c.houseNumber ?? null,
          c.postcode ?? null,
          c.city ?? null,
          c.household,
          c.educationLevel,
          c.dutchLanguageLevel,
          c.workExperience,
          c.doelgroepregister,
          c.teamId,
          c.consultantId,
        ],
      );
      return rows[0];
    },

    async addWorkPeriod(
      clientId: number,
      w: {
        employer: string;
        startDate: string;
        endDate: string | null;
        hoursPerWeek: number;
        wageCostSubsidy: boolean;
      },
    ) {
      const rows = await db.query<{ id: number }>(
        `INSERT INTO work_period (client_id, employer, start_date, end_date, hours_per_week, wage_cost_subsidy)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [clientId, w.employer, w.startDate, w.endDate, w.hoursPerWeek, w.wageCostSubsidy],
      );
      return rows[0];
    },

    async findInstrument(
      municipalityId: number,
      code: string,
    ): Promise<{ id: number; targetGroup: string | null; targetGroupNote: string | null } | null> {
      const rows = await db.query<{ id: number; targetGroup: string | null; targetGroupNote: string | null }>(
        `SELECT id, target_group AS "targetGroup", target_group_note AS "targetGroupNote"
           FROM instrument WHERE municipality_id = $1 AND code = $2 AND active`,
        [municipalityId, code],
      );
      return rows[0] ?? null;
    },

    async addAllocation(
      clientId: number,
      a: {
        instrumentId: number;
        requestedOn: string;
        reason: string;
        clientWish: string | null;
        allocatedBy: number;
        targetGroupConfirmed?: boolean;
      },
    ) {
      const rows = await db.query<{ id: number }>(
        `INSERT INTO instrument_allocation (client_id, instrument_id, requested_on, reason, client_wish, allocated_by, target_group_confirmed)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          clientId,
          a.instrumentId,
          a.requestedOn,
          a.reason,
          a.clientWish,
          a.allocatedBy,
          a.targetGroupConfirmed ?? false,
        ],
      );
      return rows[0];
    },
  };
}
