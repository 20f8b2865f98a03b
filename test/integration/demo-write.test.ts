/**
 * Writing Demodam into a fresh database: row counts, pseudonymised monitoring rows, the shared
 * demo password and working sequences. Runs on PGlite, and on the PostgreSQL server of
 * TEST_DATABASE_URL when it is set (in a database of its own, dropped afterwards).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import argon2 from 'argon2';
import pg from 'pg';
import { pseudonymFor } from '../../src/domain/pseudonym.js';
import { generateDemodam } from '../../src/demo/generate.js';
import { CLIENT_TABLES, ORGANISATION_TABLES } from '../../src/demo/rows.js';
import { TABLE_SPECS } from '../../src/demo/tables.js';
import { writeDemodam } from '../../src/demo/write.js';
import { openPglite, openPostgres, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';

const CLIENTS = 300;
const SECRET = 'demo-write-test-secret';
const expected = generateDemodam({ clients: CLIENTS });

async function checkWrite(db: Db): Promise<void> {
  await migrate(db);
  const progress: number[] = [];
  const result = await writeDemodam(db, {
    clients: CLIENTS,
    pseudonymSecret: SECRET,
    chunkSize: 120,
    onProgress: (done) => progress.push(done),
  });
  assert.deepEqual(progress, [0, 120, 240, 300]);
  assert.equal(result.clients, CLIENTS);

  for (const table of [...ORGANISATION_TABLES, ...CLIENT_TABLES]) {
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${TABLE_SPECS[table].table}`);
    assert.equal(n, expected[table].length, table);
    assert.equal(result.rows[table], expected[table].length, table);
  }

  // monitoring rows are keyed by 64-hex pseudonyms, never by a client id
  const persons = await db.query<{ pseudonym: string }>('SELECT pseudonym FROM monitoring.person');
  const ids = new Set(expected.client.map((c) => String(c.id)));
  for (const { pseudonym } of persons) {
    assert.match(pseudonym, /^[0-9a-f]{64}$/);
    assert.ok(!ids.has(pseudonym));
  }
  const columns = await db.query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'monitoring' AND table_name = 'person'",
  );
  assert.ok(!columns.some((c) => c.column_name === 'client_id'));
  const [first] = await db.query<{ birth_country: string | null }>(
    'SELECT birth_country FROM monitoring.person WHERE pseudonym = $1',
    [pseudonymFor(1, SECRET)],
  );
  assert.equal(first.birth_country, expected.monitoring_person[0].birth_country);

  // a sample of values arrives as generated
  const [c7] = await db.query<Record<string, unknown>>(
    'SELECT bsn, birth_date, consultant_id FROM client WHERE id = 7',
  );
  assert.deepEqual(c7, {
    bsn: expected.client[6].bsn,
    birth_date: expected.client[6].birth_date,
    consultant_id: expected.client[6].consultant_id,
  });
  const grounds = await db.query<{ grounds: string[] }>('SELECT grounds FROM discrimination_discussion ORDER BY id');
  assert.deepEqual(
    grounds.map((g) => g.grounds),
    expected.discrimination_discussion.map((d) => d.grounds),
  );

  // every demo account logs in with "demodam"
  const [user] = await db.query<{ password_hash: string }>(
    "SELECT password_hash FROM app_user WHERE username = 'klantmanager'",
  );
  assert.ok(await argon2.verify(user.password_hash, 'demodam'));

  // sequences are past the written ids: ordinary inserts work
  const [client] = await db.query<{ id: number }>(
    `INSERT INTO client (municipality_id, bsn, given_name, family_name, birth_date, team_id)
     VALUES (1, '111222333', 'Nieuwe', 'Klant', '1990-05-01', 1) RETURNING id`,
  );
  assert.equal(client.id, CLIENTS + 1);
  const [conversation] = await db.query<{ id: number }>(
    "INSERT INTO conversation (client_id, held_on, kind) VALUES ($1, '2026-11-01', 'gesprek') RETURNING id",
    [client.id],
  );
  assert.equal(conversation.id, expected.conversation.length + 1);
  const [userRow] = await db.query<{ id: number }>(
    "INSERT INTO app_user (municipality_id, username, display_name, password_hash, role) VALUES (1, 'nieuw', 'Nieuw', 'x', 'beheerder') RETURNING id",
  );
  assert.equal(userRow.id, expected.app_user.length + 1);

  // a second Demodam into the same database is refused
  await assert.rejects(writeDemodam(db, { clients: 10, pseudonymSecret: SECRET }), /lege database/);
}

const kind = process.env.KS_TEST_DB;

describe('writeDemodam on PGlite', { skip: kind === 'postgres' }, () => {
  test('writes a small Demodam', async () => {
    const db = await openPglite();
    try {
      await checkWrite(db);
    } finally {
      await db.close();
    }
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe(
  'writeDemodam on a PostgreSQL server',
  { skip: !serverUrl || kind === 'pglite' ? 'TEST_DATABASE_URL not set (or KS_TEST_DB=pglite)' : false },
  () => {
    const name = `ks_demo_${process.pid}`;
    const urlFor = (database: string): string => {
      const u = new URL(serverUrl as string);
      u.pathname = `/${database}`;
      return u.toString();
    };
    const admin = async (sql: string): Promise<void> => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    after(async () => {
      if (serverUrl) await admin(`DROP DATABASE IF EXISTS ${name}`);
    });

    test('writes a small Demodam', async () => {
      await admin(`DROP DATABASE IF EXISTS ${name}`);
      await admin(`CREATE DATABASE ${name}`);
      const db = await openPostgres(urlFor(name));
      try {
        await checkWrite(db);
      } finally {
        await db.close();
      }
    });
  },
);
