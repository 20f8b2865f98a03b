import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.js';
import { verifyAuditChain, writeAudit } from '../../src/store/audit.js';

const login = (app: TestApp, username: string, password: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username, password }, remoteAddress: ip });

test('no lock-out: 5 wrong passwords from one address hold up that address only, with a growing delay; the user elsewhere logs in', async (t) => {
  const app = await buildTestApp(t);
  const codes: number[] = [];
  for (let i = 0; i < 5; i++) codes.push((await login(app, 'anna', 'wrong-password')).statusCode);
  // Three attempts go through; then the fourth attempt from this address waits 2 s, the next 4 s.
  assert.deepEqual(codes.slice(0, 3), [401, 401, 401]);
  assert.equal(codes[3], 429);
  const held = await login(app, 'anna', PASSWORD);
  assert.equal(held.statusCode, 429);
  assert.equal(held.json().code, 'RATE_LIMITED');
  assert.ok(
    Number(held.headers['retry-after']) >= 1 && Number(held.headers['retry-after']) <= 2,
    String(held.headers['retry-after']),
  );
  assert.equal(
    (await login(app, 'anna', PASSWORD, '10.0.0.2')).statusCode,
    201,
    'the user at another address is not locked out',
  );
  const [{ locked }] = await app.db.query<{ locked: string | null }>(
    `SELECT locked_until AS locked FROM app_user WHERE username = 'anna'`,
  );
  assert.equal(locked, null, 'nothing is locked in the database');
});

test('rate limit per address: 20 failed log-ins from one address (any usernames) → 429 for that address only', async (t) => {
  const app = await buildTestApp(t);
  for (let i = 0; i < 20; i++) assert.equal((await login(app, `niemand${i}`, 'x', '10.0.0.9')).statusCode, 401);
  const limited = await login(app, 'bram', PASSWORD, '10.0.0.9');
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().code, 'RATE_LIMITED');
  assert.equal((await login(app, 'bram', PASSWORD, '10.0.0.10')).statusCode, 201, 'another address still logs in');
});

test('rate limit per username: 10 failures for one username from many addresses → 429 for that username', async (t) => {
  const app = await buildTestApp(t);
  for (let i = 0; i < 10; i++) await login(app, 'onbekend', 'x', `10.1.0.${i}`);
  assert.equal((await login(app, 'onbekend', 'x', '10.2.0.1')).statusCode, 429);
  assert.equal((await login(app, 'bram', PASSWORD, '10.2.0.1')).statusCode, 201);
});

test('session expiry: an expired session is refused (401); the cookie lives as long as the session', async (t) => {
  const app = await buildTestApp(t);
  const anna = await app.loginAs('anna');
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/sessions/current', headers: anna })).statusCode, 200);
  await app.db.query(`UPDATE user_session SET expires_at = now() - interval '1 second'`);
  const res = await app.inject({ method: 'GET', url: '/api/v1/caseload', headers: anna });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, 'NOT_LOGGED_IN');
  const res2 = await app.inject({
    method: 'POST',
    url: '/api/v1/clients/1/conversations',
    headers: anna,
    payload: { heldOn: '2020-01-01', kind: 'telefoon' },
  });
  assert.equal(res2.statusCode, 401);
  const cookie = (await login(app, 'bram', PASSWORD)).cookies.find((c) => c.name === 'ks_session')!;
  assert.equal(cookie.maxAge, 8 * 3600, 'the cookie lives as long as the session (SESSION_HOURS, default 8)');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
});

test('secure headers: a strict Content-Security-Policy and friends on every answer', async (t) => {
  const app = await buildTestApp(t);
  for (const url of ['/api/v1/health', '/api/v1/caseload', '/api/v1/bestaat-niet']) {
    const res = await app.inject({ method: 'GET', url });
    const csp = String(res.headers['content-security-policy']);
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v.join(' ')]),
    );
    assert.equal(directives.get('default-src'), "'self'");
    assert.equal(directives.get('script-src'), "'self'");
    assert.equal(directives.get('object-src'), "'none'");
    assert.equal(directives.get('frame-ancestors'), "'none'");
    assert.equal(directives.get('base-uri'), "'none'");
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval') && !csp.includes('*'), csp);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.headers['cache-control'], 'no-store');
  }
});

test('audit log hash chain: intact after normal use; a changed, erased-then-edited or deleted row is found, the first broken row named', async (t) => {
  const app = await buildTestApp(t);
  const anna = await app.loginAs('anna');
  for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/api/v1/clients/1/file', headers: anna });
  await writeAudit(app.db, [
    { userId: 1, clientId: 1, action: 'update', resource: 'client', detail: 'velden: city' },
    { userId: 1, clientId: 2, action: 'read', resource: 'client' },
  ]);
  const ok = await verifyAuditChain(app.db);
  assert.equal(ok.ok, true);
  assert.ok(ok.checked >= 5);
  const ids = (await app.db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id')).map((r) => r.id);

  // Changing a detail text is found at that row.
  await app.db.query(`UPDATE audit_log SET detail = 'velden: niets' WHERE id = $1`, [ids[3]]);
  const edited = await verifyAuditChain(app.db);
  assert.deepEqual([edited.ok, edited.firstBroken?.id], [false, ids[3]]);
  assert.match(edited.firstBroken!.reason, /inhoud/);

  // Erasing the detail keeps the chain intact only when retention did it: a later retention row
  // for the same person (written with the key) accounts for the erased text.
  await app.db.query('UPDATE audit_log SET detail = NULL WHERE id = $1', [ids[3]]);
  const blanked = await verifyAuditChain(app.db);
  assert.deepEqual([blanked.ok, blanked.firstBroken?.id], [false, ids[3]]);
  await writeAudit(app.db, [{ userId: null, clientId: 1, action: 'delete', resource: 'bewaartermijn' }]);
  assert.equal((await verifyAuditChain(app.db)).ok, true);

  // Changing who read something breaks it at exactly that row.
  await app.db.query('UPDATE audit_log SET user_id = 2 WHERE id = $1', [ids[2]]);
  const changed = await verifyAuditChain(app.db);
  assert.deepEqual([changed.ok, changed.firstBroken?.id], [false, ids[2]]);
  await app.db.query('UPDATE audit_log SET user_id = 1 WHERE id = $1', [ids[2]]);
  assert.equal((await verifyAuditChain(app.db)).ok, true);

  // Deleting a row in the middle breaks the link of the next one.
  await app.db.query('DELETE FROM audit_log WHERE id = $1', [ids[1]]);
  const deleted = await verifyAuditChain(app.db);
  assert.deepEqual([deleted.ok, deleted.firstBroken?.id], [false, ids[2]]);
  assert.match(deleted.firstBroken!.reason, /verwijderd of ingevoegd/);
});
