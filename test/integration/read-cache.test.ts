// With the read cache on (serve on the embedded database), a consultant sees every change at
// the next request — changes through the API, an import, a log-out and a locked account — and
// every cached read is still audit-logged, one row per request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../helpers/app.js';

test('read cache: changes are seen at once, sessions end at once, every read is audited', async (t) => {
  const { app, db, loginAs } = await buildTestApp(t, { readCache: true });
  const anna = await loginAs('anna');
  const get = async (url: string, headers = anna) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const caseload = async () =>
    (await get('/caseload')).json() as { items: { id: number; lastConversation: string | null; name: string }[] };
  const audits = async () =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE user_id = 1 AND action = 'read'`))[0]
      .n;

  const before = await audits();
  for (let i = 0; i < 5; i++) assert.equal((await caseload()).items[0].lastConversation, null);
  for (let i = 0; i < 5; i++) assert.equal((await get('/clients/1/file')).statusCode, 200);
  assert.equal((await audits()) - before, 10, 'ten reads, ten audit rows, cached or not');

  // a conversation through the API: the very next caseload and file show it
  const added = await app.inject({
    method: 'POST',
    url: '/api/v1/klanten/1/gesprekken',
    headers: anna,
    payload: { heldOn: '2026-01-15', kind: 'gesprek', summary: 'Kennismaking' },
  });
  assert.equal(added.statusCode, 201, added.body);
  assert.equal((await caseload()).items[0].lastConversation, '2026-01-15');
  const file = (await get('/clients/1/file')).json() as { conversations: { summary: string }[] };
  assert.deepEqual(
    file.conversations.map((c) => c.summary),
    ['Kennismaking'],
  );

  // a change of personal data through the API
  const version = ((await get('/clients/1/file')).json() as { client: { version: number } }).client.version;
  const renamed = await app.inject({
    method: 'PATCH',
    url: '/api/v1/klanten/1',
    headers: anna,
    payload: { version, givenName: 'Fadma' },
  });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.match((await caseload()).items[0].name, /^Fadma /);

  // a log-out ends the session at once, also for the kept session
  const second = await loginAs('anna');
  assert.equal((await get('/caseload', second)).statusCode, 200);
  assert.equal(
    (await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers: second })).statusCode,
    204,
  );
  assert.equal((await get('/caseload', second)).statusCode, 401);

  // beheer locks the account: Anna's live session stops working at the next request
  assert.equal((await get('/caseload')).statusCode, 200);
  const bea = await loginAs('beheer');
  const locked = await app.inject({
    method: 'PATCH',
    url: '/api/v1/gebruikers/1',
    headers: bea,
    payload: { active: false },
  });
  assert.equal(locked.statusCode, 200, locked.body);
  assert.equal((await get('/caseload')).statusCode, 401);
});

// On a server database a second instance or a command-line import may write too: the database
// counts its own committed changes, so such a change is seen at the next request as well.
test('read cache on a server database: a change by another writer is seen at the next request', async (t) => {
  const { app, db, loginAs } = await buildTestApp(t, { readCache: true });
  if (db.kind !== 'postgres') return t.skip('the embedded database has one writer: this process');
  const anna = await loginAs('anna');
  const firstName = async () =>
    (
      (await app.inject({ method: 'GET', url: '/api/v1/caseload', headers: anna })).json() as {
        items: { id: number; name: string }[];
      }
    ).items.find((c) => c.id === 1)!.name;
  const count = async () => (await db.query<{ n: number }>('SELECT n FROM data_version WHERE id = 1'))[0].n;

  const kept = await firstName();
  assert.equal(await firstName(), kept);
  // another writer, straight into the database
  await db.query(`UPDATE client SET given_name = 'Zohra' WHERE id = 1`);
  assert.match(await firstName(), /^Zohra /);

  // a transaction counts once, when it commits; one that rolls back does not count
  const before = await count();
  await db.transaction(async (tx) => {
    await tx.query(`UPDATE client SET given_name = 'Yara' WHERE id = 1`);
    await tx.query(`UPDATE client SET given_name = 'Xenia' WHERE id = 1`);
    assert.equal(await count(), before, 'not counted before the commit');
  });
  assert.equal(await count(), before + 1);
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.query(`UPDATE client SET given_name = 'Wendy' WHERE id = 1`);
      throw new Error('stop');
    }),
    /stop/,
  );
  assert.equal(await count(), before + 1, 'a rolled-back change does not count');
  assert.match(await firstName(), /^Xenia /);

  // reading, and writing audit rows, does not count
  await firstName();
  await firstName();
  assert.equal(await count(), before + 1);
});
