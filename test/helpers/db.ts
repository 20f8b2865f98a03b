import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';

/**
 * Which database the integration tests run on: KS_TEST_DB=pglite (default) or postgres
 * (then TEST_DATABASE_URL points at a server where the test user may CREATE DATABASE).
 */
export const TEST_DB_KIND: 'pglite' | 'postgres' = process.env.KS_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export type TestDb = Db & { drop(): Promise<void> };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where built databases are kept between test processes (PGlite data-directory tarballs). */
const CACHE_DIR = join(tmpdir(), 'kansenspiegel-test-db');

/** A short hash of the files in these folders of the repository (not recursive), plus `extra`. */
export function sourceHash(folders: string[], extra = ''): string {
  const hash = createHash('sha256');
  for (const folder of folders) {
    const dir = join(ROOT, folder);
    for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      hash.update(`${folder}/${name}\0`).update(readFileSync(path)).update('\0');
    }
  }
  return hash.update(extra).digest('hex').slice(0, 16);
}

const PGLITE_VERSION = (
  JSON.parse(
    readFileSync(
      join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '../package.json'),
      'utf8',
    ),
  ) as { version: string }
).version;

/** The migrated, empty database: changes whenever a migration (or PGlite) changes. */
const MIGRATED_KEY = sourceHash(['src/store/migrations'], `pglite ${PGLITE_VERSION} without templates`);

async function migrateOnly(db: Db): Promise<void> {
  await migrate(db);
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('KS_TEST_DB=postgres needs TEST_DATABASE_URL (see scripts/start-test-postgres.sh)');
  return url;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

// ---- PGlite: a data-directory tarball per key, on disk and in memory ----

const pgliteDumps = new Map<string, Promise<Blob>>();

async function buildPgliteDump(base: Blob | undefined, fill: (db: Db) => Promise<void>): Promise<Blob> {
  const db = await openPglite(undefined, base);
  try {
    await fill(db);
    // The tests use only the database PGlite opens ('postgres'): without the two template
    // databases the tarball is a third smaller, and every test's copy starts sooner.
    if (!base) {
      await db.query(`UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')`);
      await db.query('DROP DATABASE template0');
      await db.query('DROP DATABASE template1');
      await db.query('CHECKPOINT');
    }
    return await (db as Db & { dumpDataDir(): Promise<Blob> }).dumpDataDir();
  } finally {
    await db.close();
  }
}

/**
 * The tarball of a PGlite database for `key`: read from the cache folder when an earlier test
 * process made it, else built (from `base`, or an empty cluster) and written there. Two
 * processes building at once both write a complete file; the rename makes either one win whole.
 */
function pgliteDump(key: string, base: () => Promise<Blob | undefined>, fill: (db: Db) => Promise<void>) {
  let dump = pgliteDumps.get(key);
  if (!dump) {
    dump = (async () => {
      const file = join(CACHE_DIR, `${key}.tar`);
      if (existsSync(file)) return new Blob([await readFile(file)]);
      const built = await buildPgliteDump(await base(), fill);
      await mkdir(CACHE_DIR, { recursive: true });
      const partial = `${file}.${process.pid}.part`;
      await writeFile(partial, Buffer.from(await built.arrayBuffer()));
      await rename(partial, file);
      return built;
    })();
    pgliteDumps.set(key, dump);
  }
  return dump;
}

// ---- PostgreSQL server: a template database per key, shared by all test processes ----

const templates = new Map<string, Promise<string>>();
let counter = 0;

/**
 * The name of the template database for `key`, made once per server: under an advisory lock,
 * built under a temporary name and renamed when complete, so a crashed build never leaves a
 * half-filled template behind and parallel test processes wait for one build.
 */
function serverTemplate(key: string, base: () => Promise<string | null>, fill: (db: Db) => Promise<void>) {
  let name = templates.get(key);
  if (!name) {
    name = withAdmin(async (admin) => {
      const template = `ks_tpl_${key}`;
      await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
      try {
        const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
        if (found.rowCount) return template;
        const from = await base();
        const building = `${template}_b${process.pid}`;
        await admin.query(`DROP DATABASE IF EXISTS ${building}`);
        await admin.query(`CREATE DATABASE ${building}${from ? ` TEMPLATE ${from}` : ''}`);
        const db = await openPostgres(urlFor(building));
        try {
          await fill(db);
        } finally {
          await db.close();
        }
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
        return template;
      } finally {
        await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
      }
    });
    templates.set(key, name);
  }
  return name;
}

async function copyOfTemplate(template: string): Promise<TestDb> {
  const name = `ks_t_${process.pid}_${++counter}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const db = await openPostgres(urlFor(name));
  return Object.assign(db, {
    async drop() {
      await db.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name}`));
    },
  });
}

/**
 * A fresh copy of a prepared database: the migrated schema, then `fill` applied once (per `key`)
 * and kept — as a tarball in the temporary folder for PGlite, as a template database on the
 * server. `key` must change whenever what `fill` writes can change (see sourceHash).
 */
export async function preparedDb(key: string, fill: (db: Db) => Promise<void>): Promise<TestDb> {
  const fullKey = sourceHash([], `${MIGRATED_KEY} ${key}`);
  if (TEST_DB_KIND === 'pglite') {
    const dump = await pgliteDump(fullKey, migratedPgliteDump, fill);
    const db = await openPglite(undefined, dump);
    return Object.assign(db, { drop: () => db.close() });
  }
  return copyOfTemplate(await serverTemplate(fullKey, migratedTemplate, fill));
}

/** The migrated, empty database as a PGlite data-directory tarball (openPglite's loadDataDir). */
export function migratedPgliteDump(): Promise<Blob> {
  return pgliteDump(MIGRATED_KEY, async () => undefined, migrateOnly);
}

/** The server's template database holding the migrated, empty database (CREATE DATABASE … TEMPLATE). */
export function migratedTemplate(): Promise<string> {
  return serverTemplate(MIGRATED_KEY, async () => null, migrateOnly);
}

/**
 * A migrated, empty database of its own. The migrated database is built once per set of
 * migrations (kept in the temporary folder for PGlite, as a template database on the server)
 * and copied per call.
 */
export async function freshDb(): Promise<TestDb> {
  if (TEST_DB_KIND === 'pglite') {
    const db = await openPglite(undefined, await migratedPgliteDump());
    return Object.assign(db, { drop: () => db.close() });
  }
  return copyOfTemplate(await migratedTemplate());
}
