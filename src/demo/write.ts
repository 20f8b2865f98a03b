/**
 * Writes Demodam into a migrated, empty database (PGlite or a PostgreSQL server): the
 * organisation first, then the clients chunk by chunk, each chunk in one transaction, every table
 * with one `INSERT … SELECT FROM unnest(…)` per chunk and with the generator's ids. Afterwards
 * the serial sequences are moved past those ids so ordinary inserts keep working.
 */
import argon2 from 'argon2';
import { pseudonymFor } from '../domain/pseudonym.js';
import type { Db, Queryable } from '../store/db.js';
import {
  demodamSettings,
  generateDemodamChunks,
  generateDemodamOrganisation,
  type DemodamOptions,
} from './generate.js';
import { DEMO_PASSWORD } from './organisation.js';
import { CLIENT_TABLES, ORGANISATION_TABLES, type ClientTables } from './rows.js';
import { TABLE_SPECS, columnArrays, unnestInsertSql, type TableSpec } from './tables.js';
import { writeDemodamWaves } from './waves.js';
import { writeDemodamLearning } from './learning.js';
import { writeDemodamEmployers } from './employers.js';

/** Options of writeDemodam: those of the generator plus the secret and a progress callback. */
export interface WriteDemodamOptions extends DemodamOptions {
  /** The secret of the monitoring pseudonyms (PSEUDONYM_SECRET). */
  pseudonymSecret: string;
  /** Called after the organisation (0 clients) and after every chunk. */
  onProgress?: (clientsWritten: number, clientsTotal: number) => void;
}

/** What was written, and how long it took. */
export interface WriteDemodamResult {
  clients: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  milliseconds: number;
}

/** Rows per INSERT: bounds the size of one statement's arrays. */
const ROWS_PER_STATEMENT = 50_000;

async function insertRows(q: Queryable, spec: TableSpec, rows: readonly object[]): Promise<void> {
  const sql = unnestInsertSql(spec);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await q.query(sql, columnArrays(spec, rows.slice(i, i + ROWS_PER_STATEMENT)));
  }
}

/** Refuses a database that already holds an organisation or clients (ids would collide). */
async function assertEmpty(db: Queryable): Promise<void> {
  const [row] = await db.query<{ m: number; c: number; u: number }>(
    'SELECT (SELECT count(*) FROM municipality) AS m, (SELECT count(*) FROM client) AS c, (SELECT count(*) FROM app_user) AS u',
  );
  if (row.m > 0 || row.c > 0 || row.u > 0) {
    throw new Error(
      `Demodam kan alleen in een lege database worden geschreven (gevonden: ${row.m} gemeente(n), ${row.u} gebruiker(s), ${row.c} klant(en)).`,
    );
  }
}

/** Moves every serial sequence of the written tables past the largest id. */
async function resetSequences(q: Queryable): Promise<void> {
  for (const table of [...ORGANISATION_TABLES, ...CLIENT_TABLES]) {
    const spec = TABLE_SPECS[table];
    if (!spec.serialId) continue;
    await q.query(
      `SELECT setval(pg_get_serial_sequence('${spec.table}', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM ${spec.table}`,
    );
  }
}

/**
 * Writes Demodam. Passwords of all accounts are "demodam" (one argon2 hash, shared). Monitoring
 * rows are stored under pseudonymFor(client id, pseudonymSecret).
 */
export async function writeDemodam(db: Db, opts: WriteDemodamOptions): Promise<WriteDemodamResult> {
  if (!opts.pseudonymSecret) throw new Error('pseudonymSecret is required');
  const t0 = Date.now();
  const settings = demodamSettings(opts);
  const rows: Record<string, number> = {};
  const count = (table: string, n: number): void => {
    rows[table] = (rows[table] ?? 0) + n;
  };
  await assertEmpty(db);

  const organisation = generateDemodamOrganisation(settings);
  const passwordHash = await argon2.hash(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const table of ORGANISATION_TABLES) {
      const list: readonly object[] =
        table === 'app_user'
          ? organisation.app_user.map((u) => ({ ...u, password_hash: passwordHash }))
          : organisation[table];
      await insertRows(tx, TABLE_SPECS[table], list);
      count(table, list.length);
    }
  });
  opts.onProgress?.(0, settings.clients);

  let written = 0;
  for (const chunk of generateDemodamChunks(settings)) {
    await db.transaction(async (tx) => {
      for (const table of CLIENT_TABLES) {
        const list = rowsForDatabase(chunk, table, opts.pseudonymSecret);
        await insertRows(tx, TABLE_SPECS[table], list);
        count(table, list.length);
      }
    });
    written += chunk.client.length;
    opts.onProgress?.(written, settings.clients);
  }
  await resetSequences(db);
  const waves = await writeDemodamWaves(db, {
    seed: settings.seed,
    pseudonymSecret: opts.pseudonymSecret,
    referenceDate: settings.referenceDate,
  });
  count('monitoring.questionnaire_response', waves.responses);
  const learning = await writeDemodamLearning(db, { seed: settings.seed, referenceDate: settings.referenceDate });
  count('dilemma_vote', learning.votes);
  count('conversation_reflection', learning.reflections);
  const employers = await writeDemodamEmployers(db, {
    seed: settings.seed,
    pseudonymSecret: opts.pseudonymSecret,
    referenceDate: settings.referenceDate,
  });
  for (const [table, n] of Object.entries(employers)) count(table, n);
  // Fresh statistics for the planner: without them PGlite plans the mirror's population query
  // for a single row and a team or wijk takes seconds instead of a fraction of one.
  await db.query('ANALYZE');
  return { clients: written, rows, milliseconds: Date.now() - t0 };
}

/** A chunk's rows as the database takes them: monitoring rows keyed by pseudonym instead of client id. */
function rowsForDatabase(chunk: ClientTables, table: keyof ClientTables, secret: string): readonly object[] {
  if (table === 'monitoring_person') {
    return chunk.monitoring_person.map(({ client_id, ...rest }) => ({
      ...rest,
      pseudonym: pseudonymFor(client_id, secret),
    }));
  }
  if (table === 'monitoring_cultural_background') {
    return chunk.monitoring_cultural_background.map(({ client_id, background }) => ({
      pseudonym: pseudonymFor(client_id, secret),
      background,
    }));
  }
  return chunk[table];
}
