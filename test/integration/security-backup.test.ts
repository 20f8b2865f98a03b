import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from '../../src/store/backup.js';
import { verifyAuditChain, writeAudit } from '../../src/store/audit.js';
import { seedSmall } from '../helpers/app.js';
import { TEST_DB_KIND } from '../helpers/db.js';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function fill(db: Db): Promise<void> {
  await seedSmall(db);
  await db.query(
    `INSERT INTO conversation (client_id, held_on, kind, summary) VALUES (1, '2024-01-05', 'gesprek', 'Kennismaking ✓')`,
  );
  await db.query(`INSERT INTO monitoring.person (pseudonym, municipality_id, birth_country) VALUES ('abc', 1, 'NL')`);
  await writeAudit(db, [{ userId: 1, clientId: 1, action: 'read', resource: 'client-file' }]);
}

const contents = async (db: Db) => ({
  clients: await db.query('SELECT id, bsn, given_name FROM client ORDER BY id'),
  conversations: await db.query('SELECT summary FROM conversation'),
  monitoring: await db.query('SELECT pseudonym, birth_country FROM monitoring.person'),
  audit: (await verifyAuditChain(db)).ok,
});

test(
  'backup and restore of the embedded database (PGlite data folder, server stopped)',
  { skip: TEST_DB_KIND !== 'pglite' },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-backup-'));
    dirs.push(dir);
    const db = await openPglite(join(dir, 'data'));
    await migrate(db);
    await fill(db);
    const before = await contents(db);
    await db.close();
    const bytes = await backupPglite(join(dir, 'data'), join(dir, 'kopie.tar.gz'));
    assert.ok(bytes > 1000);
    await restorePglite(join(dir, 'kopie.tar.gz'), join(dir, 'terug'));
    await assert.rejects(
      restorePglite(join(dir, 'kopie.tar.gz'), join(dir, 'terug')),
      /niet leeg/,
      'never over an existing database',
    );
    const restored = await openPglite(join(dir, 'terug'));
    assert.deepEqual(await contents(restored), before);
    await restored.close();
  },
);

test(
  'backup and restore of a PostgreSQL server database (pg_dump / pg_restore)',
  { skip: TEST_DB_KIND !== 'postgres' },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-backup-'));
    dirs.push(dir);
    const admin = process.env.TEST_DATABASE_URL!;
    const q = async (sql: string) => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    const url = (name: string) => {
      const u = new URL(admin);
      u.pathname = `/${name}`;
      return u.toString();
    };
    const [src, dst] = [`ks_bk_src_${process.pid}`, `ks_bk_dst_${process.pid}`];
    for (const n of [src, dst]) {
      await q(`DROP DATABASE IF EXISTS ${n}`);
      await q(`CREATE DATABASE ${n}`);
    }
    try {
      const db = await openPostgres(url(src));
      await migrate(db);
      await fill(db);
      const before = await contents(db);
      await backupPostgres(url(src), join(dir, 'kopie.dump'));
      await db.close();
      await restorePostgres(join(dir, 'kopie.dump'), url(dst));
      const restored = await openPostgres(url(dst));
      assert.deepEqual(await contents(restored), before);
      await restored.close();
    } finally {
      for (const n of [src, dst]) await q(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
    }
  },
);
