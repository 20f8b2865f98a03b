import type { Queryable } from '../db.js';

export interface Requirement {
  id: number;
  kind: string;
  description: string;
  assessment: 'arbeidsmarktrelevant' | 'niet_nodig';
  reason: string | null;
  raisedOn: string | null;
  employerAnswer: string | null;
  outcome: 'geschrapt' | 'aangepast' | 'gehandhaafd' | null;
}

export interface Vacancy {
  id: number;
  employerId: number;
  employerName: string;
  sector: string;
  title: string;
  place: string;
  hoursPerWeek: number;
  competences: string[];
  description: string;
  openedOn: string;
  closedOn: string | null;
  requirements: Requirement[];
}

export interface NewVacancy {
  employerId: number;
  title: string;
  place: string;
  hoursPerWeek: number;
  competences: string[];
  description: string;
  openedOn: string;
}

export interface NewRequirement {
  kind: string;
  description: string;
  assessment: 'arbeidsmarktrelevant' | 'niet_nodig';
  reason: string | null;
}

const VACANCY_SQL = `
SELECT v.id, v.employer_id AS "employerId", e.name AS "employerName", e.sector, v.title, v.place,
       v.hours_per_week AS "hoursPerWeek", v.competences, v.description, v.opened_on AS "openedOn", v.closed_on AS "closedOn"
  FROM vacancy v JOIN employer e ON e.id = v.employer_id`;

const REQUIREMENT_SQL = `
SELECT id, vacancy_id AS "vacancyId", kind, description, assessment, reason, raised_on AS "raisedOn",
       employer_answer AS "employerAnswer", outcome
  FROM vacancy_requirement`;

/** Vacancies and their requirements, within one municipality. */
export function vacanciesRepository(db: Queryable) {
  async function withRequirements(rows: Omit<Vacancy, 'requirements'>[]): Promise<Vacancy[]> {
    if (rows.length === 0) return [];
    const reqs = await db.query<Requirement & { vacancyId: number }>(
      `${REQUIREMENT_SQL} WHERE vacancy_id = ANY($1::int[]) ORDER BY id`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      ...r,
      requirements: reqs.filter((q) => q.vacancyId === r.id).map(({ vacancyId: _omit, ...q }) => q),
    }));
  }
  return {
    async list(municipalityId: number, employerId: number | null): Promise<Vacancy[]> {
      const rows = await db.query<Omit<Vacancy, 'requirements'>>(
        `${VACANCY_SQL} WHERE e.municipality_id = $1 AND ($2::int IS NULL OR v.employer_id = $2)
          ORDER BY v.closed_on IS NOT NULL, v.opened_on DESC, v.id DESC`,
        [municipalityId, employerId],
      );
      return withRequirements(rows);
    },
    async find(municipalityId: number, id: number): Promise<Vacancy | null> {
      const rows = await db.query<Omit<Vacancy, 'requirements'>>(
        `${VACANCY_SQL} WHERE e.municipality_id = $1 AND v.id = $2`,
        [municipalityId, id],
      );
      return (await withRequirements(rows))[0] ?? null;
    },
    async add(v: NewVacancy): Promise<{ id: number }> {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO vacancy (employer_id, title, place, hours_per_week, competences, description, opened_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [v.employerId, v.title, v.place, v.hoursPerWeek, v.competences, v.description, v.openedOn],
      );
      return row;
    },
    async close(id: number, closedOn: string): Promise<void> {
      await db.query('UPDATE vacancy SET closed_on = $2 WHERE id = $1', [id, closedOn]);
    },
    async addRequirement(vacancyId: number, r: NewRequirement): Promise<{ id: number }> {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO vacancy_requirement (vacancy_id, kind, description, assessment, reason)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [vacancyId, r.kind, r.description, r.assessment, r.reason],
      );
      return row;
    },
    async findRequirement(vacancyId: number, id: number): Promise<Requirement | null> {
      const [row] = await db.query<Requirement>(`${REQUIREMENT_SQL} WHERE vacancy_id = $1 AND id = $2`, [
        vacancyId,
        id,
      ]);
      return row ?? null;
    },
    async recordAnswer(
      id: number,
      a: { raisedOn: string; employerAnswer: string; outcome: 'geschrapt' | 'aangepast' | 'gehandhaafd' },
    ): Promise<void> {
      await db.query(
        'UPDATE vacancy_requirement SET raised_on = $2, employer_answer = $3, outcome = $4 WHERE id = $1',
        [id, a.raisedOn, a.employerAnswer, a.outcome],
      );
    },
  };
}
