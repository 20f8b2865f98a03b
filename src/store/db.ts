import pg from 'pg';
import { OID, keepString, toIso, toNumber } from './pg-types.js';
import { openPgliteThread, type PgliteDb } from './pglite-thread.js';

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with $1..$n parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** One PostgreSQL database, embedded (PGlite) or a server (pg), with one dialect. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in a transaction. Commits when it resolves; rolls back and rethrows on any error,
   * so nothing half-written stays behind.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * For heavy reads that may wait (the mirror's loads): on the embedded database they give way to
   * interactive queries (pglite-priority.ts). Reads only. Absent: the same as the database.
   */
  readonly background?: Queryable;
  close(): Promise<void>;
}

/** The handle for heavy reads that may wait for interactive work (see Db.background). */
export function backgroundReads(db: Queryable): Queryable {
  return (db as Partial<Db>).background ?? db;
}

/** The embedded database, run in a worker thread of its own (see pglite-thread.ts). */
export function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<PgliteDb> {
  return openPgliteThread(dataDir, loadDataDir);
}

export async function openPostgres(connectionString: string): Promise<Db> {
  const typeParsers = {
    getTypeParser(oid: number, format?: string) {
      if (oid === OID.INT8 || oid === OID.NUMERIC) return toNumber;
      if (oid === OID.DATE || oid === OID.TIMESTAMP) return keepString;
      if (oid === OID.TIMESTAMPTZ) return toIso;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({ connectionString, types: typeParsers as pg.CustomTypesConfig, max: 10 });
  // Check the connection now, so a wrong DATABASE_URL fails at start with a clear message.
  const probe = await pool.connect();
  probe.release();
  const run = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await c.query(sql, params as unknown[]);
      return res.rows as T[];
    },
  });
  const base = run(pool);
  return {
    kind: 'postgres',
    query: base.query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(run(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Opens the server database when a URL is given, else the embedded one in dataDir. */
export function openDb(opts: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
