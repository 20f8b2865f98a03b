import type { Queryable } from '../db.js';

export interface EmployerMark {
  id: number;
  code: string;
  name: string;
  active: boolean;
  /** Employers that hold the mark (also after it was retired: their history stays). */
  holders: number;
}

export interface EmployerSummary {
  id: number;
  name: string;
  sector: string;
  size: 'klein' | 'middel' | 'groot';
  place: string;
  namedAsExample: boolean;
  marks: string[];
  openVacancies: number;
}

export interface EmployerDetail extends EmployerSummary {
  contacts: { id: number; name: string; role: string; phone: string | null; email: string | null }[];
  agreements: { id: number; kind: string; description: string; startDate: string; endDate: string | null }[];
  markIds: number[];
  /** Marks the employer held that beheer has since retired (history, not shown as current). */
  retiredMarks: string[];
}

export interface NewEmployer {
  name: string;
  sector: string;
  size: 'klein' | 'middel' | 'groot';
  place: string;
}

const SUMMARY_SQL = `
SELECT e.id, e.name, e.sector, e.size, e.place, e.named_as_example AS "namedAsExample",
       COALESCE((SELECT array_agg(m.name ORDER BY m.name) FROM employer_mark_holding h JOIN employer_mark m ON m.id = h.mark_id
                  WHERE h.employer_id = e.id AND m.active), '{}') AS marks,
       (SELECT count(*)::int FROM vacancy v WHERE v.employer_id = e.id AND v.closed_on IS NULL) AS "openVacancies"
  FROM employer e`;

/** Employers, their contacts, agreements and inclusive-employer marks. Always within one municipality. */
export function employersRepository(db: Queryable) {
  return {
    listMarks(municipalityId: number, includeInactive = false): Promise<EmployerMark[]> {
      return db.query<EmployerMark>(
        `SELECT m.id, m.code, m.name, m.active,
                (SELECT count(*)::int FROM employer_mark_holding h WHERE h.mark_id = m.id) AS holders
           FROM employer_mark m WHERE m.municipality_id = $1 AND ($2 OR m.active) ORDER BY m.active DESC, m.name`,
        [municipalityId, includeInactive],
      );
    },
    async addMark(municipalityId: number, code: string, name: string): Promise<{ id: number } | null> {
      const rows = await db.query<{ id: number }>(
        `INSERT INTO employer_mark (municipality_id, code, name) VALUES ($1, $2, $3)
         ON CONFLICT (municipality_id, code) DO NOTHING RETURNING id`,
        [municipalityId, code, name],
      );
      return rows[0] ?? null;
    },
    async updateMark(municipalityId: number, id: number, patch: { name?: string; active?: boolean }): Promise<boolean> {
      const rows = await db.query<{ id: number }>(
        `UPDATE employer_mark SET name = COALESCE($3, name), active = COALESCE($4, active)
          WHERE municipality_id = $1 AND id = $2 RETURNING id`,
        [municipalityId, id, patch.name ?? null, patch.active ?? null],
      );
      return rows.length > 0;
    },
    list(municipalityId: number): Promise<EmployerSummary[]> {
      return db.query<EmployerSummary>(`${SUMMARY_SQL} WHERE e.municipality_id = $1 ORDER BY e.name`, [municipalityId]);
    },
    async find(municipalityId: number, id: number): Promise<EmployerDetail | null> {
      const [row] = await db.query<EmployerSummary>(`${SUMMARY_SQL} WHERE e.municipality_id = $1 AND e.id = $2`, [
        municipalityId,
        id,
      ]);
      if (!row) return null;
      const contacts = await db.query<EmployerDetail['contacts'][number]>(
        'SELECT id, name, role, phone, email FROM employer_contact WHERE employer_id = $1 ORDER BY name, id',
        [id],
      );
      const agreements = await db.query<EmployerDetail['agreements'][number]>(
        `SELECT id, kind, description, start_date AS "startDate", end_date AS "endDate"
           FROM employer_agreement WHERE employer_id = $1 ORDER BY start_date, id`,
        [id],
      );
      const marks = await db.query<{ id: number; name: string; active: boolean }>(
        `SELECT m.id, m.name, m.active FROM employer_mark_holding h JOIN employer_mark m ON m.id = h.mark_id
          WHERE h.employer_id = $1 ORDER BY m.id`,
        [id],
      );
      return {
        ...row,
        contacts,
        agreements,
        markIds: marks.filter((m) => m.active).map((m) => m.id),
        retiredMarks: marks
          .filter((m) => !m.active)
          .map((m) => m.name)
          .sort(),
      };
    },
    async exists(municipalityId: number, id: number): Promise<boolean> {
      const rows = await db.query('SELECT 1 FROM employer WHERE municipality_id = $1 AND id = $2', [
        municipalityId,
        id,
      ]);
      return rows.length > 0;
    },
    async add(municipalityId: number, e: NewEmployer): Promise<{ id: number } | null> {
      const rows = await db.query<{ id: number }>(
        `INSERT INTO employer (municipality_id, name, sector, size, place) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (municipality_id, name) DO NOTHING RETURNING id`,
        [municipalityId, e.name, e.sector, e.size, e.place],
      );
      return rows[0] ?? null;
    },
    async setNamedAsExample(municipalityId: number, id: number, named: boolean): Promise<boolean> {
      const rows = await db.query(
        'UPDATE employer SET named_as_example = $3 WHERE municipality_id = $1 AND id = $2 RETURNING id',
        [municipalityId, id, named],
      );
      return rows.length > 0;
    },
    async addContact(
      employerId: number,
      c: { name: string; role: string; phone: string | null; email: string | null },
    ) {
      const [row] = await db.query<{ id: number }>(
        'INSERT INTO employer_contact (employer_id, name, role, phone, email) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [employerId, c.name, c.role, c.phone, c.email],
      );
      return row;
    },
    async addAgreement(
      employerId: number,
      a: { kind: string; description: string; startDate: string; endDate: string | null },
    ): Promise<{ id: number }> {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO employer_agreement (employer_id, kind, description, start_date, end_date)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [employerId, a.kind, a.description, a.startDate, a.endDate],
      );
      return row;
    },
    /**
     * Replaces the employer's current (active) marks; returns the ids that are neither an active
     * mark of the municipality nor a retired mark the employer already holds. Retired marks the
     * employer held are kept as history.
     */
    async setMarks(municipalityId: number, employerId: number, markIds: readonly number[]): Promise<number[]> {
      const known = await db.query<{ id: number }>(
        `SELECT m.id FROM employer_mark m
          WHERE m.municipality_id = $1 AND m.id = ANY($2::int[])
            AND (m.active OR EXISTS (SELECT 1 FROM employer_mark_holding h WHERE h.mark_id = m.id AND h.employer_id = $3))`,
        [municipalityId, [...markIds], employerId],
      );
      const ok = new Set(known.map((k) => k.id));
      const unknown = markIds.filter((id) => !ok.has(id));
      if (unknown.length > 0) return unknown;
      await db.query(
        `DELETE FROM employer_mark_holding h USING employer_mark m
          WHERE h.employer_id = $1 AND m.id = h.mark_id AND m.active`,
        [employerId],
      );
      if (markIds.length > 0)
        await db.query(
          'INSERT INTO employer_mark_holding (employer_id, mark_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING',
          [employerId, [...new Set(markIds)]],
        );
      return [];
    },
  };
}
