import type { Queryable } from '../db.js';
import type { VariedFeature } from '../../domain/learning.js';

export interface CaseRow {
  id: number;
  teamId: number | null;
  teamName: string | null;
  title: string;
  situation: string;
  question: string;
  tags: string[];
  source: 'eigen' | 'intervisie';
  variantOf: number | null;
  variedFeature: VariedFeature | null;
  createdAt: string;
}

export interface OptionRow {
  id: number;
  caseId: number;
  position: number;
  label: string;
}

export interface VoteRow {
  caseId: number;
  userId: number;
  teamId: number | null;
  optionId: number;
  reason: string;
}

export interface DiscussionRow {
  id: number;
  caseId: number;
  teamId: number | null;
  heldOn: string;
  note: string;
}

const CASE_COLUMNS = `c.id, c.team_id AS "teamId", t.name AS "teamName", c.title, c.situation, c.question, c.tags,
  c.source, c.variant_of AS "variantOf", c.varied_feature AS "variedFeature", c.created_at::text AS "createdAt"`;

/** Dilemma cases, their approaches, votes and the team's discussions. */
export function casesRepository(db: Queryable) {
  return {
    async list(municipalityId: number): Promise<CaseRow[]> {
      return db.query<CaseRow>(
        `SELECT ${CASE_COLUMNS} FROM dilemma_case c LEFT JOIN team t ON t.id = c.team_id
          WHERE c.municipality_id = $1 ORDER BY c.created_at DESC, c.id DESC`,
        [municipalityId],
      );
    },

    async get(municipalityId: number, id: number): Promise<CaseRow | null> {
      const [row] = await db.query<CaseRow>(
        `SELECT ${CASE_COLUMNS} FROM dilemma_case c LEFT JOIN team t ON t.id = c.team_id
          WHERE c.municipality_id = $1 AND c.id = $2`,
        [municipalityId, id],
      );
      return row ?? null;
    },

    /** The original and all its variants: the set one vote comparison is about. */
    async versions(municipalityId: number, id: number): Promise<CaseRow[]> {
      return db.query<CaseRow>(
        `SELECT ${CASE_COLUMNS} FROM dilemma_case c LEFT JOIN team t ON t.id = c.team_id
          WHERE c.municipality_id = $1
            AND coalesce(c.variant_of, c.id) = (SELECT coalesce(variant_of, id) FROM dilemma_case WHERE id = $2)
          ORDER BY c.variant_of NULLS FIRST, c.id`,
        [municipalityId, id],
      );
    },

    /** The cases this person chose on (any version). */
    async votedBy(userId: number): Promise<number[]> {
      const rows = await db.query<{ caseId: number }>(
        'SELECT case_id AS "caseId" FROM dilemma_vote WHERE user_id = $1',
        [userId],
      );
      return rows.map((r) => r.caseId);
    },

    async options(caseIds: readonly number[]): Promise<OptionRow[]> {
      return db.query<OptionRow>(
        `SELECT id, case_id AS "caseId", position, label FROM dilemma_option
          WHERE case_id = ANY($1::int[]) ORDER BY case_id, position`,
        [caseIds],
      );
    },

    async votes(caseIds: readonly number[]): Promise<VoteRow[]> {
      return db.query<VoteRow>(
        `SELECT v.case_id AS "caseId", v.user_id AS "userId", u.team_id AS "teamId", v.option_id AS "optionId", v.reason
           FROM dilemma_vote v JOIN app_user u ON u.id = v.user_id
          WHERE v.case_id = ANY($1::int[])`,
        [caseIds],
      );
    },

    async discussions(caseIds: readonly number[]): Promise<DiscussionRow[]> {
      return db.query<DiscussionRow>(
        `SELECT id, case_id AS "caseId", team_id AS "teamId", held_on::text AS "heldOn", note FROM dilemma_discussion
          WHERE case_id = ANY($1::int[]) ORDER BY held_on DESC, id DESC`,
        [caseIds],
      );
    },

    async create(c: {
      municipalityId: number;
      teamId: number | null;
      title: string;
      situation: string;
      question: string;
      tags: readonly string[];
      source: 'eigen' | 'intervisie';
      variantOf: number | null;
      variedFeature: VariedFeature | null;
      options: readonly string[];
      createdBy: number;
    }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO dilemma_case (municipality_id, team_id, title, situation, question, tags, source, variant_of, varied_feature, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          c.municipalityId,
          c.teamId,
          c.title,
          c.situation,
          c.question,
          [...c.tags],
          c.source,
          c.variantOf,
          c.variedFeature,
          c.createdBy,
        ],
      );
      for (const [i, label] of c.options.entries()) {
        await db.query('INSERT INTO dilemma_option (case_id, position, label) VALUES ($1, $2, $3)', [
          row.id,
          i + 1,
          label,
        ]);
      }
      return row.id;
    },

    /** One vote per person per case; false when this person already voted. */
    async vote(v: { caseId: number; userId: number; optionId: number; reason: string }): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO dilemma_vote (case_id, user_id, option_id, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT (case_id, user_id) DO NOTHING RETURNING case_id`,
        [v.caseId, v.userId, v.optionId, v.reason],
      );
      return rows.length === 1;
    },

    async addDiscussion(d: {
      caseId: number;
      teamId: number | null;
      heldOn: string;
      note: string;
      createdBy: number;
    }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO dilemma_discussion (case_id, team_id, held_on, note, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [d.caseId, d.teamId, d.heldOn, d.note, d.createdBy],
      );
      return row.id;
    },
  };
}
