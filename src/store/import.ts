import type { Queryable } from './db.js';
import { ENTITY_DEFS, type EntityName, type FieldDef, type Value } from '../import/entities.js';

export type ImportStatus = 'bezig' | 'klaar' | 'proef' | 'mislukt' | 'afgebroken';

export interface ImportRun {
  id: number;
  entity: EntityName;
  fileName: string;
  dryRun: boolean;
  status: ImportStatus;
  startedBy: number | null;
  startedAt: string;
  finishedAt: string | null;
  rowsTotal: number;
  rowsValid: number;
  rowsRejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quality: unknown;
  error: string | null;
}

export interface Rejection {
  row: number;
  field: string;
  reason: string;
}

/** Serialises imports: one file at a time writes, so natural keys stay unique. */
const IMPORT_LOCK = 7_210_002;

const RUN_COLUMNS = `id, entity, file_name AS "fileName", dry_run AS "dryRun", status, started_by AS "startedBy",
  started_at AS "startedAt", finished_at AS "finishedAt", rows_total AS "rowsTotal", rows_valid AS "rowsValid",
  rows_rejected AS "rowsRejected", inserted, updated, unchanged, quality, error`;

export function importRepository(db: Queryable) {
  return {
    async createRun(r: {
      municipalityId: number;
      entity: EntityName;
      fileName: string;
      dryRun: boolean;
      startedBy: number | null;
    }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO import_run (municipality_id, entity, file_name, dry_run, started_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [r.municipalityId, r.entity, r.fileName, r.dryRun, r.startedBy],
      );
      return row.id;
    },
    async lock(): Promise<void> {
      await db.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      // Each batch looks rows up by their natural key. After an aborted import the statistics
      // can say "empty table" while this transaction fills it, and a plan with a sequential scan
      // per row then makes an import quadratic. Index lookups stay fast at any size.
      await db.query('SET LOCAL enable_seqscan = off');
    },
    async finishRun(
      id: number,
      r: {
        status: ImportStatus;
        rowsTotal: number;
        rowsValid: number;
        rowsRejected: number;
        inserted: number;
        updated: number;
        unchanged: number;
        quality: unknown;
        error?: string | null;
      },
    ): Promise<void> {
      await db.query(
        `UPDATE import_run SET status = $2, rows_total = $3, rows_valid = $4, rows_rejected = $5, inserted = $6, updated = $7,
                unchanged = $8, quality = $9, error = $10, finished_at = now() WHERE id = $1`,
        [
          id,
          r.status,
          r.rowsTotal,
          r.rowsValid,
          r.rowsRejected,
          r.inserted,
          r.updated,
          r.unchanged,
          JSON.stringify(r.quality),
          r.error ?? null,
        ],
      );
    },
    async failRun(id: number, error: string): Promise<void> {
      await db.query(`UPDATE import_run SET status = 'mislukt', error = $2, finished_at = now() WHERE id = $1`, [
        id,
        error,
      ]);
    },
    /** Runs still 'bezig' at start were cut off (process killed): their transaction left nothing. */
    async markInterrupted(): Promise<number> {
      const rows = await db.query(
        `UPDATE import_run SET status = 'afgebroken', finished_at = now() WHERE status = 'bezig' RETURNING id`,
      );
      return rows.length;
    },
    async get(id: number, municipalityId: number): Promise<ImportRun | null> {
      const rows = await db.query<ImportRun & { quality: string | null }>(
        `SELECT ${RUN_COLUMNS} FROM import_run WHERE id = $1 AND municipality_id = $2`,
        [id, municipalityId],
      );
      const r = rows[0];
      return r ? { ...r, quality: r.quality ? JSON.parse(r.quality) : null } : null;
    },
    async list(municipalityId: number, limit = 50): Promise<ImportRun[]> {
      const rows = await db.query<ImportRun & { quality: string | null }>(
        `SELECT ${RUN_COLUMNS} FROM import_run WHERE municipality_id = $1 ORDER BY id DESC LIMIT $2`,
        [municipalityId, limit],
      );
      return rows.map((r) => ({ ...r, quality: null }));
    },
    async addRejections(importId: number, rows: readonly Rejection[]): Promise<void> {
      if (rows.length === 0) return;
      await db.query(
        `INSERT INTO import_rejection (import_id, row_number, field, reason)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`,
        [importId, rows.map((r) => r.row), rows.map((r) => r.field), rows.map((r) => r.reason)],
      );
    },
    /** The rejected rows in file order, a page at a time (for the CSV report). */
    async rejections(importId: number, afterRow: number, afterField: string, limit: number): Promise<Rejection[]> {
      return db.query<Rejection>(
        `SELECT row_number AS row, field, reason FROM import_rejection
          WHERE import_id = $1 AND (row_number, field) > ($2, $3) ORDER BY row_number, field LIMIT $4`,
        [importId, afterRow, afterField, limit],
      );
    },
    async lookups(municipalityId: number) {
      const pairs = async (sql: string) =>
        new Map(
          (await db.query<{ k: string; id: number }>(sql, [municipalityId])).map((r) => [r.k.toLowerCase(), r.id]),
        );
      return {
        team: await pairs('SELECT name AS k, id FROM team WHERE municipality_id = $1'),
        consultant: await pairs(
          `SELECT username AS k, id FROM app_user WHERE municipality_id = $1 AND role IN ('consultant', 'teamleider')`,
        ),
        neighbourhood: await pairs('SELECT code AS k, id FROM neighbourhood WHERE municipality_id = $1'),
        instrument: await pairs('SELECT code AS k, id FROM instrument WHERE municipality_id = $1'),
        srg: new Map(
          (await db.query<{ code: number }>('SELECT code FROM srg_type')).map((r) => [String(r.code), r.code]),
        ),
      };
    },
    async clientIds(municipalityId: number, bsns: readonly string[]): Promise<Map<string, number>> {
      const rows = await db.query<{ bsn: string; id: number }>(
        'SELECT bsn, id FROM client WHERE municipality_id = $1 AND bsn = ANY($2::char(9)[])',
        [municipalityId, bsns],
      );
      return new Map(rows.map((r) => [r.bsn, r.id]));
    },
    /** Clients in the municipality that share name and birth date with another client (a different BSN). */
    async possibleDuplicatePersons(municipalityId: number): Promise<{ groups: number; clients: number }> {
      const [r] = await db.query<{ groups: number; clients: number }>(
        `SELECT count(*) AS groups, coalesce(sum(n), 0) AS clients FROM (
           SELECT count(*) AS n FROM client WHERE municipality_id = $1
            GROUP BY lower(given_name), lower(family_name), birth_date HAVING count(*) > 1) d`,
        [municipalityId],
      );
      return r;
    },
  };
}

const PG_TYPE: Record<FieldDef['type'], string> = {
  text: 'text',
  bsn: 'char(9)',
  date: 'date',
  enum: 'text',
  bool: 'boolean',
  number: 'numeric',
  int: 'int',
  postcode: 'text',
  country: 'char(2)',
};

/** Whether the entity's table carries municipality_id itself (not through the client). */
function isScoped(entity: EntityName): boolean {
  const def = ENTITY_DEFS[entity];
  return !def.clientLinked || def.byPseudonym === true;
}

export interface UpsertPlan {
  entity: EntityName;
  /** Columns written, in order, with their array type. */
  columns: { column: string; type: string; field: string | null }[];
  /** Columns changed when a row with the same key exists (the fields present in the file). */
  updateColumns: string[];
  keyColumns: string[];
  sql: string;
}

/**
 * The one statement that writes a batch: update rows whose natural key exists and whose
 * content differs, insert the others. Re-importing the same file therefore changes nothing.
 */
export function upsertPlan(entity: EntityName, presentFields: ReadonlySet<string>): UpsertPlan {
  const def = ENTITY_DEFS[entity];
  const columns: UpsertPlan['columns'] = [];
  // special-category data is keyed by pseudonym, everything else that names a client by client_id
  const link = def.byPseudonym ? { column: 'pseudonym', type: 'text' } : { column: 'client_id', type: 'int' };
  if (def.clientLinked) columns.push({ ...link, field: null });
  for (const f of def.fields) {
    if (!f.column) continue;
    const type = f.lookup && f.lookup !== 'srg' ? 'int' : PG_TYPE[f.type];
    columns.push({ column: f.column, type, field: f.field });
  }
  const keyColumns = def.key.map((k) =>
    k === 'bsn' && def.clientLinked ? link.column : def.fields.find((f) => f.field === k)!.column!,
  );
  const updateColumns = columns
    .filter((c) => c.field !== null && presentFields.has(c.field) && !keyColumns.includes(c.column))
    .map((c) => c.column);
  const scoped = isScoped(entity); // client, instrument and the register carry municipality_id
  const n = columns.length;
  const match = [
    ...keyColumns.map((k) => `t.${k} = i.${k}`),
    ...(scoped ? [`t.municipality_id = $${n + 1}`] : []),
  ].join(' AND ');
  const input = `SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) AS i(${columns.map((c) => c.column).join(', ')})`;
  const extraSet =
    entity === 'clients'
      ? ', version = t.version + 1, updated_at = now()'
      : def.byPseudonym
        ? ', updated_at = now()'
        : '';
  const upd =
    updateColumns.length === 0
      ? 'SELECT 1 WHERE false'
      : `UPDATE ${def.table} t SET ${updateColumns.map((c) => `${c} = i.${c}`).join(', ')}${extraSet}
       FROM input i WHERE ${match}
        AND (${updateColumns.map((c) => `t.${c}`).join(', ')}, NULL) IS DISTINCT FROM (${updateColumns.map((c) => `i.${c}`).join(', ')}, NULL)
     RETURNING 1`;
  const cols = columns.map((c) => c.column);
  const ins = `INSERT INTO ${def.table} (${[...cols, ...(scoped ? ['municipality_id'] : [])].join(', ')})
     SELECT ${[...cols.map((c) => `i.${c}`), ...(scoped ? [`$${n + 1}`] : [])].join(', ')} FROM input i
      WHERE NOT EXISTS (SELECT 1 FROM ${def.table} t WHERE ${match})
     RETURNING 1`;
  const sql = `WITH input AS (${input}),
    upd AS (${upd}),
    ins AS (${ins})
    SELECT (SELECT count(*) FROM upd) AS updated, (SELECT count(*) FROM ins) AS inserted`;
  return { entity, columns, updateColumns, keyColumns, sql };
}

/** Writes one batch of resolved rows (values by column); returns how many were inserted and updated. */
export async function writeBatch(
  db: Queryable,
  plan: UpsertPlan,
  municipalityId: number,
  rows: readonly Record<string, Value>[],
): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const params: unknown[] = plan.columns.map((c) => rows.map((r) => r[c.column] ?? null));
  if (isScoped(plan.entity)) params.push(municipalityId);
  const [r] = await db.query<{ inserted: number; updated: number }>(plan.sql, params);
  return { inserted: Number(r.inserted), updated: Number(r.updated) };
}

/** The data-quality report of the whole database, for the mirror's users (figures only, no persons). */
export async function databaseQuality(db: Queryable, municipalityId: number, today: string) {
  const [clients] = await db.query<Record<string, number>>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE gender = 'onbekend') AS gender,
            count(*) FILTER (WHERE household = 'onbekend') AS household,
            count(*) FILTER (WHERE education_level = 'onbekend') AS education_level,
            count(*) FILTER (WHERE dutch_language_level = 'onbekend') AS dutch_language_level,
            count(*) FILTER (WHERE work_experience = 'onbekend') AS work_experience,
            count(*) FILTER (WHERE neighbourhood_id IS NULL) AS neighbourhood,
            count(*) FILTER (WHERE postcode IS NULL OR postcode = '') AS postcode,
            count(*) FILTER (WHERE consultant_id IS NULL) AS consultant,
            count(*) FILTER (WHERE birth_date > $2::date OR birth_date < DATE '1900-01-01') AS birth_date_impossible,
            count(*) FILTER (WHERE birth_date > $2::date - INTERVAL '15 years') AS younger_than_15
       FROM client WHERE municipality_id = $1`,
    [municipalityId, today],
  );
  const [dates] = await db.query<Record<string, number>>(
    `SELECT
       (SELECT count(*) FROM benefit_period b JOIN client c ON c.id = b.client_id WHERE c.municipality_id = $1 AND (b.start_date < c.birth_date OR b.start_date > $2::date)) AS benefit_period,
       (SELECT count(*) FROM conversation v JOIN client c ON c.id = v.client_id WHERE c.municipality_id = $1 AND (v.held_on > $2::date OR v.held_on < c.birth_date)) AS conversation,
       (SELECT count(*) FROM diagnosis d JOIN client c ON c.id = d.client_id WHERE c.municipality_id = $1 AND (d.given_on > $2::date OR d.given_on < c.birth_date)) AS diagnosis,
       (SELECT count(*) FROM work_period w JOIN client c ON c.id = w.client_id WHERE c.municipality_id = $1 AND (w.start_date > $2::date OR w.start_date < c.birth_date + INTERVAL '13 years')) AS work_period`,
    [municipalityId, today],
  );
  const duplicates = await importRepository(db).possibleDuplicatePersons(municipalityId);
  const [codes] = await db.query<Record<string, number>>(
    `SELECT
       (SELECT count(*) FROM instrument_allocation a JOIN instrument i ON i.id = a.instrument_id
         WHERE i.municipality_id = $1 AND NOT i.active) AS allocations_of_inactive_instruments,
       (SELECT count(*) FROM instrument i WHERE i.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM srg_type s WHERE s.code = i.srg_code)) AS instruments_without_srg_code`,
    [municipalityId],
  );
  const { total, birth_date_impossible, younger_than_15, ...missing } = clients;
  return {
    clients: Number(total),
    missing: Object.fromEntries(Object.entries(missing).map(([k, v]) => [k, Number(v)])),
    impossibleDates: {
      birth_date: Number(birth_date_impossible),
      client_younger_than_15: Number(younger_than_15),
      ...Object.fromEntries(Object.entries(dates).map(([k, v]) => [k, Number(v)])),
    },
    duplicatePersons: {
      sameBsn: 0,
      sameNameAndBirthDate: { groups: Number(duplicates.groups), clients: Number(duplicates.clients) },
    },
    codesNotInCatalogue: Object.fromEntries(Object.entries(codes).map(([k, v]) => [k, Number(v)])),
  };
}
