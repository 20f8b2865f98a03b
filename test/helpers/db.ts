import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';

/**
 * Which database the integration tests run on: KS_TEST_DB=pglite (default) or postgres
 * (then TEST_DATABASE_URL points at a server where the test user may CREATE DATABASE).
 */
export const TEST_DB_KIND: 'pglite' | 'postgres' = process.env.KS_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

let pgliteDump: Promise<Blob> | null = null;
let templateName: Promise<string> | null = null;
let counter = 0;

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('KS_TEST_DB=postgres needs TEST_DATABASE_URL (see scripts/start-test-postgres.sh)');
  return url;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

/** A migrated, empty database of its own, built once per test process and copied per call. */
export async function freshDb(): Promise<Db & { drop(): Promise<void> }> {
  if (TEST_DB_KIND === 'pglite') {
    pgliteDump ??= (async () => {
      const db = await openPglite();
      await migrate(db);
      const dump = await (db as Db & { dumpDataDir(): Promise<Blob> }).dumpDataDir();
      await db.close();
      return dump;
    })();
    const db = await openPglite(undefined, await pgliteDump);
    return Object.assign(db, { drop: () => db.close() });
  }
  templateName ??= (async () => {
    const name = `ks_tpl_${process.pid}`;
    await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
    await adminQuery(`CREATE DATABASE ${name}`);
    const db = await openPostgres(urlFor(name));
    await migrate(db);
    await db.close();
    process.once('exit', () => undefined);
    return name;
  })();
  const template = await templateName;
  const name = `ks_t_${process.pid}_${++counter}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const db = await openPostgres(urlFor(name));
  return Object.assign(db, {
    async drop() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
    },
  });
}

/** Drops the per-process template database (call from an `after` hook in the last test). */
export async function dropTemplate(): Promise<void> {
  if (TEST_DB_KIND === 'postgres' && templateName) await adminQuery(`DROP DATABASE IF EXISTS ${await templateName}`);
}
