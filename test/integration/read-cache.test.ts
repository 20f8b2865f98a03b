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
