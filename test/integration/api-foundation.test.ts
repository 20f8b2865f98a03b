import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../helpers/app.js';

const count = async (
  db: { query: <T>(s: string, p?: unknown[]) => Promise<T[]> },
  sql: string,
  params: unknown[] = [],
) => (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${sql}`, params))[0].n;

test('health answers and names the database driver', async (t) => {
  const { inject } = await buildTestApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/health' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().status, 'ok');
  assert.equal(res.json().database, process.env.KS_TEST_DB === 'postgres' ? 'postgres' : 'pglite');
});

test('OpenAPI document lists the routes', async (t) => {
  const { inject } = await buildTestApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.0.3');
  for (const path of [
    '/api/v1/sessions',
    '/api/v1/clients',
    '/api/v1/clients/{id}',
    '/api/v1/users',
    '/api/v1/health',
  ]) {
    assert.ok(doc.paths[path], `missing ${path}`);
  }
});

test('log-in: wrong password is a 401 problem, right one gives an httpOnly session cookie', async (t) => {
  const { inject, loginAs } = await buildTestApp(t);
  const bad = await inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { username: 'anna', password: 'wrong' },
  });
  assert.equal(bad.statusCode, 401);
  assert.match(bad.headers['content-type'] as string, /application\/problem\+json/);
  assert.equal(bad.json().code, 'LOGIN_FAILED');
  const good = await inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { username: 'anna', password: 'correct horse battery staple' },
  });
  assert.equal(good.statusCode, 201);
  const cookie = good.cookies.find((c) => c.name === 'ks_session');
  assert.ok(cookie?.httpOnly, 'session cookie must be httpOnly');
  assert.equal(cookie?.sameSite, 'Strict');
  assert.equal(good.json().user.role, 'consultant');
  const headers = await loginAs('anna');
  const me = await inject({ method: 'GET', url: '/api/v1/sessions/current', headers });
  assert.equal(me.json().user.username, 'anna');
});

test('without a session the case file is closed', async (t) => {
  const { inject } = await buildTestApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/clients' });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, 'NOT_LOGGED_IN');
});

test('a change without the CSRF header is refused and writes nothing', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const { cookie } = await loginAs('anna');
  const before = await count(db, 'work_period');
  const res = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/work-periods',
    headers: { cookie },
    payload: { employer: 'Bakkerij', startDate: '2026-01-01', hoursPerWeek: 20 },
  });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().code, 'CSRF');
  assert.equal(await count(db, 'work_period'), before);
});

test('reading a client writes an audit-log row (who, which person, what, when)', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const headers = await loginAs('anna');
  const res = await inject({ method: 'GET', url: '/api/v1/clients/1', headers });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().familyName, 'El Amrani');
  const rows = await db.query<{ user_id: number; client_id: number; action: string; resource: string; at: string }>(
    `SELECT user_id, client_id, action, resource, at FROM audit_log WHERE resource = 'client' ORDER BY id`,
  );
  assert.equal(rows.length, 1);
  assert.deepEqual(
    { ...rows[0], at: undefined },
    { user_id: 1, client_id: 1, action: 'read', resource: 'client', at: undefined },
  );
  assert.ok(Date.now() - new Date(rows[0].at).getTime() < 60_000);
});

test('the caseload list audit-logs every person it shows', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/clients', headers: await loginAs('anna') });
  assert.deepEqual(
    res.json().items.map((c: { id: number }) => c.id),
    [1],
  );
  assert.deepEqual(await db.query(`SELECT client_id FROM audit_log WHERE resource = 'client-list'`), [
    { client_id: 1 },
  ]);
});

test("a consultant's request for another team's client is refused, and the refusal is logged", async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const headers = await loginAs('anna');
  const read = await inject({ method: 'GET', url: '/api/v1/clients/2', headers });
  assert.equal(read.statusCode, 403);
  assert.equal(read.json().code, 'FORBIDDEN_CLIENT');
  assert.doesNotMatch(read.body, /Smit/);
  const write = await inject({
    method: 'POST',
    url: '/api/v1/clients/2/work-periods',
    headers,
    payload: { employer: 'X', startDate: '2026-01-01', hoursPerWeek: 10 },
  });
  assert.equal(write.statusCode, 403);
  assert.equal(await count(db, 'work_period'), 0);
  assert.equal(await count(db, `audit_log WHERE action = 'denied' AND client_id = 2`), 2);
});

test('a consultant sees own clients only; a team leader the whole team; a policy officer no case file', async (t) => {
  const { inject, loginAs } = await buildTestApp(t);
  const colleague = await inject({ method: 'GET', url: '/api/v1/clients/3', headers: await loginAs('anna') });
  assert.equal(colleague.statusCode, 403);
  const team = await inject({ method: 'GET', url: '/api/v1/clients', headers: await loginAs('tl-a') });
  assert.deepEqual(
    team
      .json()
      .items.map((c: { id: number }) => c.id)
      .sort(),
    [1, 3],
  );
  const policy = await inject({ method: 'GET', url: '/api/v1/clients', headers: await loginAs('beleid') });
  assert.equal(policy.statusCode, 403);
  assert.equal(policy.json().code, 'FORBIDDEN_ROLE');
});

test('the client answer never carries special-category fields', async (t) => {
  const { inject, loginAs } = await buildTestApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/clients/1', headers: await loginAs('anna') });
  for (const word of [
    'birth_country',
    'birthCountry',
    'nationality',
    'religion',
    'health',
    'statushouder',
    'migrat',
    'pseudonym',
  ]) {
    assert.doesNotMatch(res.body, new RegExp(word, 'i'));
  }
});

const validClient = { bsn: '111222333', givenName: 'Sara', familyName: 'Yilmaz', birthDate: '1990-02-03' };

test('an invalid BSN is a 400 naming the field, and nothing is written', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const before = await count(db, 'client');
  const res = await inject({
    method: 'POST',
    url: '/api/v1/clients',
    headers: await loginAs('anna'),
    payload: { ...validClient, bsn: '123456789' },
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
  assert.deepEqual(res.json().invalidParams, [
    { name: 'bsn', reason: 'Dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef.' },
  ]);
  assert.equal(await count(db, 'client'), before);
});

test('a birth date in the future is a 400 naming birthDate', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const future = `${new Date().getUTCFullYear() + 1}-01-01`;
  const res = await inject({
    method: 'POST',
    url: '/api/v1/clients',
    headers: await loginAs('anna'),
    payload: { ...validClient, bsn: '234567892', birthDate: future },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().invalidParams[0].name, 'birthDate');
  assert.equal(await count(db, 'client'), 3);
});

test("a valid client is created in the consultant's team and caseload", async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const res = await inject({
    method: 'POST',
    url: '/api/v1/clients',
    headers: await loginAs('anna'),
    payload: { ...validClient, bsn: '234567892' },
  });
  assert.equal(res.statusCode, 201, res.body);
  const [row] = await db.query<{ team_id: number; consultant_id: number }>(
    'SELECT team_id, consultant_id FROM client WHERE bsn = $1',
    ['234567892'],
  );
  assert.deepEqual(row, { team_id: 1, consultant_id: 1 });
});

test('an end date before the start date is a 400 naming endDate, and nothing is written', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const res = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/work-periods',
    headers: await loginAs('anna'),
    payload: { employer: 'Bakkerij De Korenschoof', startDate: '2026-03-01', endDate: '2026-02-01', hoursPerWeek: 24 },
  });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json().invalidParams, [{ name: 'endDate', reason: 'De einddatum ligt vóór de begindatum.' }]);
  assert.equal(await count(db, 'work_period'), 0);
});

test('an unknown instrument code is a 400 naming instrumentCode; a known one is stored', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const headers = await loginAs('anna');
  const bad = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/instrument-allocations',
    headers,
    payload: { instrumentCode: 'BESTAAT-NIET', requestedOn: '2026-01-05', reason: 'Ondersteuning op de werkplek' },
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().invalidParams[0].name, 'instrumentCode');
  assert.equal(await count(db, 'instrument_allocation'), 0);
  const good = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/instrument-allocations',
    headers,
    payload: {
      instrumentCode: 'JOBCOACH',
      requestedOn: '2026-01-05',
      reason: 'Ondersteuning op de werkplek',
      clientWish: 'Graag iemand die meekijkt',
    },
  });
  assert.equal(good.statusCode, 201, good.body);
  assert.equal(await count(db, 'instrument_allocation'), 1);
});

test('an unknown role is a 400 naming role; nothing is written', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const headers = await loginAs('beheer');
  const res = await inject({
    method: 'POST',
    url: '/api/v1/users',
    headers,
    payload: { username: 'nieuw', displayName: 'Nieuwe Collega', role: 'directeur', password: 'een lang wachtwoord' },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().invalidParams[0].name, 'role');
  assert.match(res.json().invalidParams[0].reason, /^Onbekende waarde\. Kies uit: consultant, teamleider/);
  assert.equal(await count(db, 'app_user'), 6);
  const ok = await inject({
    method: 'POST',
    url: '/api/v1/users',
    headers,
    payload: { username: 'nieuw', displayName: 'Nieuwe Collega', role: 'onderzoeker', password: 'een lang wachtwoord' },
  });
  assert.equal(ok.statusCode, 201, ok.body);
});

test('only a functional administrator manages users', async (t) => {
  const { inject, loginAs } = await buildTestApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/users', headers: await loginAs('anna') });
  assert.equal(res.statusCode, 403);
});

test('answers carry a strict Content-Security-Policy', async (t) => {
  const { inject } = await buildTestApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/health' });
  assert.match(res.headers['content-security-policy'] as string, /default-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
});

test('the client count reads no person and writes no audit row; clients who flowed out are counted apart', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/clients/count', headers: await loginAs('tl-a') });
  assert.deepEqual(res.json(), { total: 2, active: 2, uitgestroomd: 0 });
  // Client 3 of team A flows out: every benefit period ended yesterday or earlier.
  await db.query(
    `INSERT INTO benefit_period (client_id, start_date, end_date, end_reason) VALUES (3, '2024-01-01', '2025-06-30', 'werk')`,
  );
  await db.query(`INSERT INTO benefit_period (client_id, start_date, end_date) VALUES (1, '2024-01-01', NULL)`);
  const after = await inject({ method: 'GET', url: '/api/v1/clients/count', headers: await loginAs('tl-a') });
  assert.deepEqual(after.json(), { total: 2, active: 1, uitgestroomd: 1 });
  assert.equal(await count(db, 'audit_log'), 0);
});
