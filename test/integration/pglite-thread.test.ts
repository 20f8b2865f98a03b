// The embedded database in its own thread: the same answers, transactions and errors as PGlite in
// the main thread, while the main thread stays free to serve requests.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb, TEST_DB_KIND } from '../helpers/db.js';
import { PASSWORD, seedSmall } from '../helpers/app.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { openPglite } from '../../src/store/db.js';
import { openPgliteWorker, type PgliteDb } from '../../src/store/pglite-thread.js';

/** A query that keeps PostgreSQL busy for a good while (hundreds of milliseconds). */
const HEAVY = 'SELECT count(*) AS n FROM generate_series(1, 3000000) AS g(i) WHERE i % 7 = 0';

const settled = <T>(p: Promise<T>) => {
  const state = { done: false };
  p.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
};

describe('PGlite in a worker thread', { skip: TEST_DB_KIND !== 'pglite' }, () => {
  let db: PgliteDb;
  before(async () => {
    db = await openPglite();
    await db.query('CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL)');
  });
  after(() => db.close());

  test('values come back with the same types as before', async () => {
    const [row] = await db.query(
      `SELECT 9007199254740991::int8 AS big, 12.75::numeric AS hours, '2025-03-31'::date AS day,
              '2026-11-24 07:39:12.12+00'::timestamptz AS at, '2026-11-24 07:39:12'::timestamp AS local,
              $1::jsonb AS doc, $2::bytea AS bytes`,
      [{ a: [1, 2] }, new Uint8Array([1, 2, 255])],
    );
    assert.deepEqual(row, {
      big: 9007199254740991,
      hours: 12.75,
      day: '2025-03-31',
      at: '2026-11-24T07:39:12.120Z',
      local: '2026-11-24 07:39:12',
      doc: { a: [1, 2] },
      bytes: new Uint8Array([1, 2, 255]),
    });
  });

  test('the main thread keeps running while a query runs', async () => {
    const query = db.query<{ n: number }>(HEAVY).then(() => 'query');
    const timer = new Promise((resolve) => setTimeout(resolve, 20, 'timer'));
    // In the main thread the query would run to its end before any timer could fire.
    assert.equal(await Promise.race([query, timer]), 'timer');
    assert.equal(await query, 'query');
  });

  test('other queries wait for an open transaction and then see its commit', async () => {
    let outside!: Promise<{ n: number }[]>;
    let outsideState!: { done: boolean };
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO item VALUES (1, 'een'), (2, 'twee')`);
      outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM item');
      outsideState = settled(outside);
      const [own] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM item');
      assert.equal(own.n, 2, 'the transaction sees its own writes');
      await Promise.all([tx.query(`INSERT INTO item VALUES (3, 'drie')`), tx.query(HEAVY)]);
      assert.equal(outsideState.done, false, 'a query outside the transaction waits until it ends');
    });
    assert.deepEqual(await outside, [{ n: 3 }]);
    await db.query('DELETE FROM item');
  });

  test('a failing transaction leaves nothing behind and rethrows its own error', async () => {
    const boom = new Error('halverwege mis');
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO item VALUES (10, 'tien')`);
        throw boom;
      }),
      (err) => err === boom,
    );
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO item VALUES (11, 'elf')`);
        await tx.query(`INSERT INTO item VALUES (11, 'elf weer')`);
      }),
      { code: '23505' },
    );
    assert.deepEqual(await db.query('SELECT * FROM item'), []);
    // The database takes the next transaction as usual.
    await db.transaction((tx) => tx.query(`INSERT INTO item VALUES (12, 'twaalf')`));
    assert.deepEqual(await db.query('SELECT id FROM item'), [{ id: 12 }]);
    await db.query('DELETE FROM item');
  });

  test('a constraint error keeps its PostgreSQL fields', async () => {
    await db.query(`INSERT INTO item VALUES (20, 'twintig')`);
    const err = await db.query(`INSERT INTO item VALUES (20, 'nog eens')`).then(
      () => assert.fail('the duplicate was accepted'),
      (e: unknown) => e as Error & Record<string, unknown>,
    );
    assert.ok(err instanceof Error);
    assert.equal(err.code, '23505');
    assert.equal(err.constraint, 'item_pkey');
    assert.equal(err.table, 'item');
    assert.equal(err.detail, 'Key (id)=(20) already exists.');
    assert.match(err.message, /duplicate key value violates unique constraint "item_pkey"/);
    await db.query('DELETE FROM item');
  });

  test('a dump loads into a new database', async () => {
    await db.query(`INSERT INTO item VALUES (30, 'dertig')`);
    const copy = await openPglite(undefined, await db.dumpDataDir());
    try {
      assert.deepEqual(await copy.query('SELECT id, name FROM item'), [{ id: 30, name: 'dertig' }]);
    } finally {
      await copy.close();
    }
  });
});

describe('PGlite thread that stops', { skip: TEST_DB_KIND !== 'pglite' }, () => {
  test('a query after close rejects', async () => {
    const db = await openPglite();
    await db.close();
    await assert.rejects(db.query('SELECT 1'), /gesloten/);
    await assert.rejects(
      db.transaction(async () => undefined),
      /gesloten/,
    );
    await db.close(); // a second close is harmless
  });

  test('when the thread dies, calls reject with a clear error, one log line, and the server stays up', async () => {
    const template = await freshDb();
    const dump = await (template as unknown as PgliteDb).dumpDataDir();
    await template.drop();
    const lines: string[] = [];
    const { db, worker } = await openPgliteWorker(undefined, dump, (line) => lines.push(line));
    await seedSmall(db);
    const app = await buildApp({ db, config: { ...loadConfig({}), demo: false } });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { username: 'anna', password: PASSWORD },
      });
      assert.equal(login.statusCode, 201, login.body);
      const cookie = `ks_session=${login.cookies.find((c) => c.name === 'ks_session')!.value}`;

      const running = db.query(HEAVY);
      await worker.terminate();
      await assert.rejects(running, { code: 'PGLITE_STOPPED', message: /ingebouwde database \(PGlite\) is gestopt/ });
      await assert.rejects(db.query('SELECT 1'), { code: 'PGLITE_STOPPED' });
      assert.equal(lines.length, 1);
      assert.match(lines[0], /onverwacht gestopt.*start Kansenspiegel opnieuw/);

      // The server answers (an internal error as problem+json), again and again, instead of hanging.
      for (let i = 0; i < 2; i++) {
        const res = await app.inject({ method: 'GET', url: '/api/v1/caseload', headers: { cookie } });
        assert.equal(res.statusCode, 500);
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      }
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await app.close();
      await db.close();
    }
  });
});
