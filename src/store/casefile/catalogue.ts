import type { Queryable } from '../db.js';

import { matchesInstrumentSearch } from '../../domain/catalogue-search.js';
import type { TargetGroup } from '../../domain/codes.js';

export interface Instrument {
  id: number;
  code: string;
  name: string;
  srgCode: number;
  srgName: string;
  description: string;
  asks: string;
  yields: string;
  /** Null when open to everyone; otherwise the one target group (code of TARGET_GROUPS) it is reserved for. */
  targetGroup: TargetGroup | null;
  /** The description of the group when targetGroup is 'overig'. */
  targetGroupNote: string | null;
  openToAll: boolean;
  active: boolean;
}

export interface InstrumentSearch {
  /** Words that must all occur (case and accents ignored) in name, code, description, asks, yields, target group or SRG type. */
  q?: string;
  srg?: number;
  /** Instruments this group may use: open to all, or reserved for exactly this group. `iedereen`: open to all only. */
  openTo?: string;
  /** Words that must all occur in what the instrument asks of the person. */
  asks?: string;
  includeInactive?: boolean;
}

export interface InstrumentFields {
  code: string;
  name: string;
  srgCode: number;
  description: string;
  asks: string;
  yields: string;
  targetGroup: TargetGroup | null;
  targetGroupNote: string | null;
}

/** Value meaning "only instruments open to everyone" in {@link InstrumentSearch.openTo}. */
export const OPEN_TO_ALL = 'iedereen';

const INSTRUMENT_COLUMNS = `i.id, i.code, i.name, i.srg_code AS "srgCode", t.name AS "srgName", i.description, i.asks, i.yields,
  i.target_group AS "targetGroup", i.target_group_note AS "targetGroupNote", i.target_group IS NULL AS "openToAll", i.active`;

export function catalogueRepository(db: Queryable) {
  return {
    /**
     * The keuzehulp: every filter narrows. The catalogue of a municipality is a few dozen rows,
     * so the word search runs here, on the same folded text as the domain rule (case and
     * accents ignored: "zorg" finds "Zorgtraject" and "mantelzorg", "financien" finds "financiën").
     */
    async search(municipalityId: number, s: InstrumentSearch): Promise<Instrument[]> {
      const where = ['i.municipality_id = $1'];
      const params: unknown[] = [municipalityId];
      const add = (value: unknown): string => {
        params.push(value);
        return `$${params.length}`;
      };
      if (!s.includeInactive) where.push('i.active');
      if (s.srg !== undefined) where.push(`i.srg_code = ${add(s.srg)}`);
      if (s.openTo !== undefined) {
        where.push(
          s.openTo.toLowerCase() === OPEN_TO_ALL
            ? 'i.target_group IS NULL'
            : `(i.target_group IS NULL OR lower(i.target_group) = lower(${add(s.openTo)}))`,
        );
      }
      const rows = await db.query<Instrument>(
        `SELECT ${INSTRUMENT_COLUMNS} FROM instrument i JOIN srg_type t ON t.code = i.srg_code
          WHERE ${where.join(' AND ')} ORDER BY i.name, i.id`,
        params,
      );
      return rows.filter((i) => matchesInstrumentSearch(i, { q: s.q, asks: s.asks }));
    },

    async get(municipalityId: number, id: number): Promise<Instrument | null> {
      const rows = await db.query<Instrument>(
        `SELECT ${INSTRUMENT_COLUMNS} FROM instrument i JOIN srg_type t ON t.code = i.srg_code
          WHERE i.municipality_id = $1 AND i.id = $2`,
        [municipalityId, id],
      );
      return rows[0] ?? null;
    },

    async codeTaken(municipalityId: number, code: string): Promise<boolean> {
      return (
        (
          await db.query('SELECT 1 FROM instrument WHERE municipality_id = $1 AND lower(code) = lower($2)', [
            municipalityId,
            code,
          ])
        ).length > 0
      );
    },

    async create(municipalityId: number, f: InstrumentFields): Promise<{ id: number }> {
      const rows = await db.query<{ id: number }>(
        `INSERT INTO instrument (municipality_id, code, name, srg_code, description, asks, yields, target_group, target_group_note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          municipalityId,
          f.code,
          f.name,
          f.srgCode,
          f.description,
          f.asks,
          f.yields,
          f.targetGroup,
          f.targetGroup === 'overig' ? f.targetGroupNote : null,
        ],
      );
      return rows[0];
    },

    /** Changes the given fields; false when the instrument is not the municipality's. */
    async update(
      municipalityId: number,
      id: number,
      f: Partial<Omit<InstrumentFields, 'code'> & { active: boolean }>,
    ): Promise<boolean> {
      const columns: Record<string, string> = {
        name: 'name',
        srgCode: 'srg_code',
        description: 'description',
        asks: 'asks',
        yields: 'yields',
        targetGroup: 'target_group',
        targetGroupNote: 'target_group_note',
        active: 'active',
      };
      const entries = Object.entries(f).filter(([k, v]) => v !== undefined && k in columns);
      if (entries.length === 0) {
        return (
          (await db.query('SELECT 1 FROM instrument WHERE municipality_id = $1 AND id = $2', [municipalityId, id]))
            .length > 0
        );
      }
      const rows = await db.query(
        `UPDATE instrument SET ${entries.map(([k], i) => `${columns[k]} = $${i + 3}`).join(', ')}
          WHERE municipality_id = $1 AND id = $2 RETURNING id`,
        [municipalityId, id, ...entries.map(([, v]) => v)],
      );
      return rows.length > 0;
    },

    srgTypes(): Promise<{ code: number; name: string }[]> {
      return db.query('SELECT code, name FROM srg_type ORDER BY code');
    },

    async srgExists(code: number): Promise<boolean> {
      return (await db.query('SELECT 1 FROM srg_type WHERE code = $1', [code])).length > 0;
    },
  };
}

export interface LifeDomain {
  id: number;
  code: string;
  name: string;
  sortOrder: number;
  active: boolean;
}
export interface Team {
  id: number;
  name: string;
  users: number;
  clients: number;
}

/** The organisation's configurable lists: life domains of the intake scan, and teams. */
export function organisationRepository(db: Queryable) {
  return {
    lifeDomains(municipalityId: number, includeInactive: boolean): Promise<LifeDomain[]> {
      return db.query<LifeDomain>(
        `SELECT id, code, name, sort_order AS "sortOrder", active FROM life_domain
          WHERE municipality_id = $1 AND ($2::boolean OR active) ORDER BY sort_order, id`,
        [municipalityId, includeInactive],
      );
    },

    async lifeDomainCodeTaken(municipalityId: number, code: string): Promise<boolean> {
      return (
        (
          await db.query('SELECT 1 FROM life_domain WHERE municipality_id = $1 AND lower(code) = lower($2)', [
            municipalityId,
            code,
          ])
        ).length > 0
      );
    },

    async createLifeDomain(
      municipalityId: number,
      d: { code: string; name: string; sortOrder: number | null },
    ): Promise<{ id: number }> {
      const rows = await db.query<{ id: number }>(
        `INSERT INTO life_domain (municipality_id, code, name, sort_order)
         VALUES ($1, $2, $3, COALESCE($4::int, (SELECT COALESCE(max(sort_order), 0) + 1 FROM life_domain WHERE municipality_id = $1::int)))
         RETURNING id`,
        [municipalityId, d.code, d.name, d.sortOrder],
      );
      return rows[0];
    },

    async updateLifeDomain(
      municipalityId: number,
      id: number,
      d: { name?: string; sortOrder?: number; active?: boolean },
    ): Promise<boolean> {
      const rows = await db.query(
        `UPDATE life_domain SET name = COALESCE($3, name), sort_order = COALESCE($4::int, sort_order), active = COALESCE($5::boolean, active)
          WHERE municipality_id = $1 AND id = $2 RETURNING id`,
        [municipalityId, id, d.name ?? null, d.sortOrder ?? null, d.active ?? null],
      );
      return rows.length > 0;
    },

    teams(municipalityId: number): Promise<Team[]> {
      return db.query<Team>(
        `SELECT t.id, t.name,
                (SELECT count(*) FROM app_user u WHERE u.team_id = t.id AND u.active) AS users,
                (SELECT count(*) FROM client c WHERE c.team_id = t.id) AS clients
           FROM team t WHERE t.municipality_id = $1 ORDER BY t.name, t.id`,
        [municipalityId],
      );
    },

    async teamNameTaken(municipalityId: number, name: string): Promise<boolean> {
      return (
        (
          await db.query('SELECT 1 FROM team WHERE municipality_id = $1 AND lower(name) = lower($2)', [
            municipalityId,
            name,
          ])
        ).length > 0
      );
    },

    async createTeam(municipalityId: number, name: string): Promise<{ id: number }> {
      const rows = await db.query<{ id: number }>(
        'INSERT INTO team (municipality_id, name) VALUES ($1, $2) RETURNING id',
        [municipalityId, name],
      );
      return rows[0];
    },

    /** Active consultants of a team, by name. */
    consultantsOfTeam(teamId: number): Promise<{ id: number; name: string }[]> {
      return db.query(
        `SELECT id, display_name AS name FROM app_user WHERE team_id = $1 AND role = 'consultant' AND active ORDER BY display_name, id`,
        [teamId],
      );
    },
  };
}
