// The attacks of the second security pass on log-in, the research export and the smaller
// holes: each scenario as an attacker would try it, and what the system now answers.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { buildTestApp, PASSWORD, seedSmall, type TestApp } from '../helpers/app.js';
import { freshDb } from '../helpers/db.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { QUASI_IDENTIFIERS } from '../../src/store/avg.js';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter } from '../../src/server/security.js';
import { addResearcher, routesOf } from './security-helpers.js';

const login = (app: TestApp, username: string, password: string, extra: Partial<InjectOptions> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { username, password },
    remoteAddress: '10.0.0.1',
    ...extra,
  });

/** Gives the app's log-in limiter a clock of the test's own, so delays do not depend on the machine's speed. */
function frozenClock(app: TestApp): { advance(seconds: number): void } {
  let now = Date.now();
  app.app.loginLimiter = new LoginLimiter(DEFAULT_LOGIN_LIMITS, () => now);
  return {
    advance: (seconds) => {
      now += seconds * 1000;
    },
  };
}

const cookieOf = (
  res: { cookies: { name: string; value: string; secure?: boolean; httpOnly?: boolean }[] },
  name: string,
) => res.cookies.find((c) => c.name === name);

// ---------------------------------------------------------------------------------------------
// Log-in

test("lock-out by name: wrong passwords for a user from an attacker's addresses never keep the user out of a browser they use", async (t) => {
  const app = await buildTestApp(t);
  frozenClock(app);
  // Anna logged in on her own laptop before: it carries a device cookie for her.
  const first = await login(app, 'anna', PASSWORD, { remoteAddress: '10.0.0.1' });
  assert.equal(first.statusCode, 201);
  const device = cookieOf(first, 'ks_device')!;
  assert.equal(device.httpOnly, true);

  // One address: 25 wrong passwords for "anna".
  const codes: number[] = [];
  for (let i = 0; i < 25; i++)
    codes.push((await login(app, 'anna', `gok-${i}`, { remoteAddress: '10.6.6.6' })).statusCode);
  assert.deepEqual(codes.slice(0, 3), [401, 401, 401]);
  assert.ok(
    codes.slice(3).every((c) => c === 429),
    'then the attacker is held up',
  );
  // Many addresses (a botnet): 12 failures from 12 addresses.
  for (let i = 0; i < 12; i++) await login(app, 'anna', 'gok', { remoteAddress: `10.7.0.${i}` });

  // Anna on her laptop gets in at once; so does she from a new address with that laptop.
  const cookie = `ks_device=${device.value}`;
  assert.equal(
    (await login(app, 'anna', PASSWORD, { remoteAddress: '10.0.0.1', headers: { cookie } })).statusCode,
    201,
  );
  assert.equal(
    (await login(app, 'anna', PASSWORD, { remoteAddress: '10.9.9.9', headers: { cookie } })).statusCode,
    201,
  );
  // A browser that never logged in as anna is held up for a while (guessing from many places).
  const fresh = await login(app, 'anna', PASSWORD, { remoteAddress: '10.8.8.8' });
  assert.equal(fresh.statusCode, 429);
  assert.ok(Number(fresh.headers['retry-after']) > 0);
  // Nothing in the database locks the account.
  const [{ locked }] = await app.db.query<{ locked: string | null }>(
    `SELECT locked_until AS locked FROM app_user WHERE username = 'anna'`,
  );
  assert.equal(locked, null);
});

test('lock-out by name: the delay grows (2, 4, 8 s ...) and ends; the right password then works from the same address', async (t) => {
  const app = await buildTestApp(t);
  const clock = frozenClock(app);
  const ip = { remoteAddress: '10.3.3.3' };
  for (let i = 0; i < 3; i++) assert.equal((await login(app, 'bram', 'fout', ip)).statusCode, 401);
  const waits: string[] = [];
  for (const expected of [2, 4, 8, 16]) {
    const held = await login(app, 'bram', 'fout', ip);
    waits.push(`${held.statusCode} ${String(held.headers['retry-after'])}`);
    clock.advance(expected);
    assert.equal((await login(app, 'bram', 'fout', ip)).statusCode, 401, 'after the wait the attempt is taken');
  }
  assert.deepEqual(waits, ['429 2', '429 4', '429 8', '429 16']);
  const next = await login(app, 'bram', PASSWORD, ip);
  assert.equal(next.statusCode, 429);
  assert.equal(next.headers['retry-after'], '32', 'after 7 failures: 32 s');
  clock.advance(32);
  assert.equal((await login(app, 'bram', PASSWORD, ip)).statusCode, 201);
  // The longest delay is 15 minutes, and failures are forgotten after 15 minutes without one.
  for (let i = 0; i < 12; i++) {
    clock.advance(900);
    await login(app, 'bram', 'fout', ip);
  }
  assert.equal((await login(app, 'bram', PASSWORD, ip)).headers['retry-after'], '900');
  clock.advance(901);
  assert.equal((await login(app, 'bram', PASSWORD, ip)).statusCode, 201);
});

test('the same answer for an unknown and an existing user name, also when held up (no 423)', async (t) => {
  const app = await buildTestApp(t);
  frozenClock(app);
  const answers = async (username: string, ip: string) => {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await login(app, username, 'fout', { remoteAddress: ip });
      const body = res.json() as { code: string; title: string; detail?: string };
      out.push(`${res.statusCode} ${body.code} ${body.title} ${body.detail ?? ''} ${res.headers['retry-after'] ?? ''}`);
    }
    return out;
  };
  const existing = await answers('anna', '10.4.0.1');
  const unknown = await answers('bestaat-niet', '10.4.0.2');
  assert.deepEqual(unknown, existing);
  assert.ok(existing.every((a) => !a.startsWith('423')));
  // An inactive account answers the same as a wrong password.
  await app.db.query(`UPDATE app_user SET active = false WHERE username = 'anton'`);
  const inactive = await login(app, 'anton', PASSWORD, { remoteAddress: '10.4.0.3' });
  assert.deepEqual([inactive.statusCode, inactive.json().code], [401, 'LOGIN_FAILED']);
});

async function kioskToken(app: TestApp): Promise<string> {
  await app.db.query(`INSERT INTO benefit_period (client_id, start_date) VALUES (1, current_date - 10)`);
  const anna = await app.loginAs('anna');
  const started = await app.inject({ method: 'POST', url: '/api/v1/clients/1/measurements/T0/kiosk', headers: anna });
  assert.equal(started.statusCode, 201, started.body);
  return (started.json() as { kioskToken: string }).kioskToken;
}

const kioskExit = (app: TestApp, token: string, password: string, ip = '10.0.0.1') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/kiosk/exit',
    payload: { kioskToken: token, password },
    remoteAddress: ip,
  });

test('kiosk exit after the kiosk has ended: refused (401), no session; an expired kiosk token too', async (t) => {
  const app = await buildTestApp(t);
  const token = await kioskToken(app);
  const exit = await kioskExit(app, token, PASSWORD);
  assert.equal(exit.statusCode, 201);
  // The same token again, with the right password: the kiosk has ended.
  const again = await kioskExit(app, token, PASSWORD);
  assert.equal(again.statusCode, 401);
  assert.equal(again.json().code, 'LOGIN_FAILED');
  assert.equal(cookieOf(again, 'ks_session'), undefined, 'no new session');
  // A kiosk that ran out of time.
  const second = await kioskToken(app);
  await app.db.query(`UPDATE questionnaire_token SET expires_at = now() - interval '1 minute' WHERE kind = 'kiosk'`);
  const late = await kioskExit(app, second, PASSWORD);
  assert.equal(late.statusCode, 401);
  assert.equal(cookieOf(late, 'ks_session'), undefined);
  const [{ n }] = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM user_session`);
  assert.equal(n, 1, 'only the session of the first, live exit');
});

test('kiosk exit is inside the log-in limiter: wrong passwords there hold up the log-in, and the other way round', async (t) => {
  const app = await buildTestApp(t);
  frozenClock(app);
  const token = await kioskToken(app);
  for (let i = 0; i < 3; i++) assert.equal((await kioskExit(app, token, 'fout', '10.5.0.1')).statusCode, 401);
  assert.equal(
    (await login(app, 'anna', PASSWORD, { remoteAddress: '10.5.0.1' })).statusCode,
    429,
    'the log-in from that address waits',
  );
  assert.equal((await kioskExit(app, token, PASSWORD, '10.5.0.1')).statusCode, 429, 'and so does the kiosk exit');
  // Guessing kiosk tokens is held up the same way.
  const guesses: number[] = [];
  for (let i = 0; i < 5; i++)
    guesses.push((await kioskExit(app, `onbekend-token-${String(i).padStart(20, 'x')}`, 'x', '10.5.0.2')).statusCode);
  assert.deepEqual(guesses, [401, 401, 401, 429, 429]);
});

async function proxiedApp(t: TestContext, trustProxy: string | undefined): Promise<TestApp> {
  const db = await freshDb();
  await seedSmall(db);
  const app = await buildApp({ db, config: { ...loadConfig({ TRUST_PROXY: trustProxy }), demo: false } });
  t.after(async () => {
    await app.close();
    await db.drop();
  });
  return {
    app,
    db,
    inject: (o: InjectOptions) => app.inject(o),
    loginAs: () => {
      throw new Error('not used');
    },
  };
}

test('behind a trusted proxy (TRUST_PROXY): limits per client address, and a Secure cookie when the proxy received https', async (t) => {
  const app = await proxiedApp(t, '127.0.0.1');
  const via = (client: string, proto = 'https') => ({
    remoteAddress: '127.0.0.1',
    headers: { 'x-forwarded-for': client, 'x-forwarded-proto': proto },
  });
  for (let i = 0; i < 20; i++) await login(app, `niemand${i}`, 'x', via('203.0.113.5'));
  assert.equal(
    (await login(app, 'bram', PASSWORD, via('203.0.113.5'))).statusCode,
    429,
    'the guessing client is limited',
  );
  const other = await login(app, 'bram', PASSWORD, via('198.51.100.7'));
  assert.equal(other.statusCode, 201, 'another client behind the same proxy is not');
  assert.equal(cookieOf(other, 'ks_session')!.secure, true, 'Secure: the proxy received https');
  assert.equal(cookieOf(other, 'ks_device')!.secure, true);
  const plain = await login(app, 'anna', PASSWORD, via('198.51.100.8', 'http'));
  assert.notEqual(cookieOf(plain, 'ks_session')!.secure, true);
  // A sender that is not the proxy cannot pick its address or claim https.
  const direct = await login(app, 'anna', PASSWORD, {
    remoteAddress: '10.1.1.1',
    headers: { 'x-forwarded-for': '198.51.100.9', 'x-forwarded-proto': 'https' },
  });
  assert.equal(direct.statusCode, 201);
  assert.notEqual(cookieOf(direct, 'ks_session')!.secure, true);
});

test('without TRUST_PROXY a forged X-Forwarded-For does not buy a fresh limit', async (t) => {
  const app = await proxiedApp(t, undefined);
  for (let i = 0; i < 20; i++)
    await login(app, `niemand${i}`, 'x', { remoteAddress: '10.2.2.2', headers: { 'x-forwarded-for': `192.0.2.${i}` } });
  assert.equal(
    (await login(app, 'bram', PASSWORD, { remoteAddress: '10.2.2.2', headers: { 'x-forwarded-for': '192.0.2.200' } }))
      .statusCode,
    429,
  );
  assert.throws(() => loadConfig({ TRUST_PROXY: 'true' }), /TRUST_PROXY/, 'trusting every sender is refused');
});

// ---------------------------------------------------------------------------------------------
// Research export

const WIJKEN = ['WK000101', 'WK000102', 'WK000103'];

/** 600 people with every combination pattern of the quasi-identifiers, and some tiny groups. */
async function population(app: TestApp): Promise<void> {
  await app.db.query(
    `INSERT INTO neighbourhood (id, municipality_id, code, name) VALUES (1, 1, $1, 'Noord'), (2, 1, $2, 'Zuid'), (3, 1, $3, 'West')`,
    WIJKEN,
  );
  await app.db.query(`
    INSERT INTO client (municipality_id, bsn, given_name, family_name, birth_date, gender, team_id, neighbourhood_id, household,
                        education_level, dutch_language_level, work_experience)
    SELECT 1, lpad((300000000 + g)::text, 9, '0'), 'N' || g, 'F' || g,
           DATE '1960-01-01' + ((g * 37) % 14000),
           (ARRAY['man', 'vrouw'])[1 + g % 2], 1, 1 + (g / 7) % 3,
           (ARRAY['alleenstaand', 'eenouder', 'paar_met_kinderen', 'paar_zonder_kinderen'])[1 + (g / 3) % 4],
           (ARRAY['geen_basis', 'vmbo_mbo1', 'startkwalificatie', 'hbo_wo'])[1 + (g / 5) % 4],
           (ARRAY['A1', 'A2', 'B1', 'B2', 'C1'])[1 + (g / 11) % 5],
           (ARRAY['geen', 'buitenland', 'nederland'])[1 + (g / 13) % 3]
      FROM generate_series(1, 600) g`);
  // 15 people alike in every quasi-identifier, all of whom left the benefit for work.
  await app.db.query(`
    INSERT INTO client (municipality_id, bsn, given_name, family_name, birth_date, gender, team_id, neighbourhood_id, household,
                        education_level, dutch_language_level, work_experience)
    SELECT 1, lpad((400000000 + g)::text, 9, '0'), 'H' || g, 'H', DATE '1990-05-05', 'vrouw', 1, 2, 'eenouder', 'hbo_wo', 'C2', 'nederland'
      FROM generate_series(1, 15) g`);
  await app.db.query(`
    INSERT INTO benefit_period (client_id, start_date, end_date, end_reason)
    SELECT id, DATE '2020-01-01', DATE '2023-01-01', 'werk' FROM client WHERE given_name LIKE 'H%' OR (given_name LIKE 'N%' AND id % 3 = 0)`);
}

test('research export: k=2 (or anything under RESEARCH_MIN_K) is refused with 400', async (t) => {
  const app = await buildTestApp(t);
  await addResearcher(app);
  const onderzoek = await app.loginAs('onderzoek');
  for (const k of [2, 9]) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/research-export?k=${k}`, headers: onderzoek });
    assert.equal(res.statusCode, 400, `k=${k}`);
    assert.equal(res.json().invalidParams[0].name, 'k');
    assert.match(res.json().invalidParams[0].reason, /minstens 10/);
  }
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/research-export?k=10', headers: onderzoek })).statusCode,
    200,
  );
  assert.equal(loadConfig({ RESEARCH_MIN_K: '25' }).researchMinK, 25, 'the floor is configuration');
});

test('research export: every attribute others could know is a quasi-identifier, and every class of all of them holds ≥ k rows', async (t) => {
  const app = await buildTestApp(t);
  await addResearcher(app);
  await population(app);
  const res = await app.inject({
    method: 'GET',
    url: '/api/v1/research-export',
    headers: await app.loginAs('onderzoek'),
  });
  assert.equal(res.statusCode, 200);
  const { rows, report } = res.json() as {
    rows: Record<string, string>[];
    report: { k: number; quasiIdentifiers: string[]; rowsOut: number; suppressed: number };
  };
  assert.equal(report.k, 10);
  const known = ['leeftijd', 'geslacht', 'wijk', 'huishouden', 'opleiding', 'taalniveau', 'werkervaring'];
  assert.deepEqual([...report.quasiIdentifiers].sort(), [...known].sort());
  assert.deepEqual([...QUASI_IDENTIFIERS].sort(), [...known].sort());
  // The only other columns: the row number, the process inside the municipality, and the outcome.
  assert.deepEqual(
    Object.keys(rows[0])
      .filter((c) => !known.includes(c))
      .sort(),
    ['diagnose', 'gesprekken_12m', 'nummer', 'plan', 'uitstroom_werk', 'voorzieningen'],
  );
  const classes = new Map<string, number>();
  for (const r of rows) {
    const key = known.map((q) => r[q]).join('|');
    classes.set(key, (classes.get(key) ?? 0) + 1);
  }
  const smallest = Math.min(...classes.values());
  assert.ok(smallest >= 10, `smallest class ${smallest}`);
  assert.ok(report.rowsOut > 300, `most rows survive through generalisation (${report.rowsOut} of 618)`);
});

test('research export: no class has one outcome for all (l-diversity); the homogeneous group is left out', async (t) => {
  const app = await buildTestApp(t);
  await addResearcher(app);
  await population(app);
  const res = await app.inject({
    method: 'GET',
    url: '/api/v1/research-export?k=10',
    headers: await app.loginAs('onderzoek'),
  });
  const { rows, report } = res.json() as {
    rows: Record<string, string>[];
    report: { suppressed: number; suppressedHomogeneous: number; diversity: { field: string; l: number } };
  };
  assert.deepEqual(report.diversity, { field: 'uitstroom_werk', l: 2 });
  const outcomes = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = QUASI_IDENTIFIERS.map((q) => r[q]).join('|');
    outcomes.set(key, (outcomes.get(key) ?? new Set()).add(r.uitstroom_werk));
  }
  const homogeneous = [...outcomes.entries()].filter(([, s]) => s.size < 2).map(([k]) => k);
  assert.deepEqual(homogeneous, [], 'every class holds both outcomes');
  assert.ok(report.suppressed >= report.suppressedHomogeneous);
  // Someone known to be a 30-something single mother with a degree in wijk Zuid: her outcome is not given away
  // (her group is generalised into a mixed class, or left out).
  assert.ok(
    !rows.some(
      (r) => r.geslacht === 'vrouw' && r.huishouden === 'eenouder' && r.opleiding === 'hbo_wo' && r.taalniveau === 'C2',
    ),
  );
});

// ---------------------------------------------------------------------------------------------
// Smaller things

test('unknown ids give a 404 problem+json, also beyond the range of the id column', async (t) => {
  const app = await buildTestApp(t);
  const anna = await app.loginAs('anna');
  const beheer = await app.loginAs('beheer');
  for (const [url, headers] of [
    ['/api/v1/clients/9999999999', anna],
    ['/api/v1/clients/9999999999/file', anna],
    ['/api/v1/clients/999999', anna],
    ['/api/v1/imports/9999999999', beheer],
    ['/api/v1/imports/999999', beheer],
    ['/api/v1/imports/99999999999999999999/rejected.csv', beheer],
  ] as const) {
    const res = await app.inject({ method: 'GET', url, headers });
    assert.equal(res.statusCode, 404, `${url}: ${res.body}`);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    assert.equal(res.json().code, 'NOT_FOUND');
  }
  const patch = await app.inject({
    method: 'PATCH',
    url: '/api/v1/clients/1/plans/9999999999',
    headers: anna,
    payload: { version: 1, status: 'actief' },
  });
  assert.equal(patch.statusCode, 404, patch.body);
});

test('anonymous callers get 401 before any validation: no field details on any route', async (t) => {
  const app = await buildTestApp(t);
  const routes = (await routesOf(app)).filter((r) => r.method !== 'GET');
  const open = new Set(['/api/v1/sessions', '/api/v1/vragenlijst/{token}', '/api/v1/kiosk/exit']);
  const leaks: string[] = [];
  for (const r of routes.filter((x) => !open.has(x.path))) {
    const res = await app.inject({
      method: r.method as 'POST',
      url: r.path.replace(/\{[a-zA-Z]+\}/g, 'abc'),
      payload: { onbekend: '<x>', version: 'nee' },
    });
    const body = res.json() as { code?: string; invalidParams?: unknown };
    if (res.statusCode !== 401 || body.code !== 'NOT_LOGGED_IN' || body.invalidParams)
      leaks.push(`${r.method} ${r.path}: ${res.statusCode} ${res.body}`);
  }
  assert.deepEqual(leaks, []);
  // Logged in without the CSRF token: 403, still no details; with the wrong role: 403 FORBIDDEN_ROLE.
  const anna = await app.loginAs('anna');
  const noCsrf = await app.inject({
    method: 'POST',
    url: '/api/v1/clients',
    headers: { cookie: anna.cookie },
    payload: { bsn: 'x' },
  });
  assert.deepEqual([noCsrf.statusCode, noCsrf.json().code, noCsrf.json().invalidParams], [403, 'CSRF', undefined]);
  const beleid = await app.loginAs('beleid');
  const role = await app.inject({ method: 'POST', url: '/api/v1/clients', headers: beleid, payload: { bsn: 'x' } });
  assert.deepEqual([role.statusCode, role.json().code, role.json().invalidParams], [403, 'FORBIDDEN_ROLE', undefined]);
  // Malformed JSON from an anonymous caller: 401 as well, the parser never runs.
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/clients',
    headers: { 'content-type': 'application/json' },
    payload: '{"bsn": ',
  });
  assert.equal(bad.statusCode, 401);
});

test('malformed UTF-8 is refused with 400, not stored as U+FFFD', async (t) => {
  const app = await buildTestApp(t);
  const anna = await app.loginAs('anna');
  const json = Buffer.concat([
    Buffer.from('{"heldOn":"2024-01-02","kind":"gesprek","summary":"caf'),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from('"}'),
  ]);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/clients/1/conversations',
    headers: { ...anna, 'content-type': 'application/json' },
    payload: json,
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.match(res.json().invalidParams[0].reason, /UTF-8/);
  const query = await app.inject({ method: 'GET', url: '/api/v1/caseload?zoek=%C3%28%FF', headers: anna });
  assert.equal(query.statusCode, 400, query.body);
  assert.equal(query.json().invalidParams[0].name, 'url');
  const stored = await app.db.query(`SELECT 1 FROM conversation WHERE summary LIKE '%' || chr(65533) || '%'`);
  assert.equal(stored.length, 0);
  // Valid UTF-8 still goes through verbatim.
  const ok = await app.inject({
    method: 'POST',
    url: '/api/v1/clients/1/conversations',
    headers: anna,
    payload: { heldOn: '2024-01-02', kind: 'gesprek', summary: 'café ✓ 👩🏽‍💻' },
  });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal((await app.db.query(`SELECT 1 FROM conversation WHERE summary = 'café ✓ 👩🏽‍💻'`)).length, 1);
});

test('intervision summary: free texts that can hold health details are left out unless the team leader confirms they hold none', async (t) => {
  const app = await buildTestApp(t);
  await app.db.query('INSERT INTO benefit_period (client_id, start_date) VALUES (1, current_date - 400)');
  await app.db.query(
    `INSERT INTO diagnosis (client_id, given_on, distance, reasons, given_by) VALUES (1, current_date - 60, 'lang', 'Burn-out en depressie, in behandeling bij de GGZ', 1)`,
  );
  await app.db.query(
    `INSERT INTO action_plan (id, client_id, created_on, consultant_id) VALUES (1, 1, current_date - 50, 1)`,
  );
  await app.db.query(`INSERT INTO plan_goal (plan_id, description) VALUES (1, 'Eerst herstel na de operatie')`);
  await app.db.query(
    `INSERT INTO instrument_allocation (client_id, instrument_id, requested_on, reason, allocated_by) VALUES (1, 1, current_date - 40, 'Rugklachten: aangepast werk', 1)`,
  );
  const lead = await app.loginAs('tl-a');
  const res = await app.inject({ method: 'GET', url: '/api/v1/clients/1/intervision-summary', headers: lead });
  assert.equal(res.statusCode, 200, res.body);
  for (const health of ['Burn-out', 'depressie', 'GGZ', 'operatie', 'Rugklachten'])
    assert.ok(!res.body.includes(health), health);
  assert.deepEqual(res.json().freeText, { included: false, leftOut: 3 });
  const confirmed = await app.inject({
    method: 'GET',
    url: '/api/v1/clients/1/intervision-summary?geenGezondheidsgegevens=true',
    headers: lead,
  });
  assert.ok(confirmed.body.includes('Rugklachten'));
  assert.deepEqual(confirmed.json().freeText, { included: true, leftOut: 0 });
  const details = (
    await app.db.query<{ detail: string }>(
      `SELECT detail FROM audit_log WHERE resource = 'intervision-summary' ORDER BY audit_log.id`,
    )
  ).map((r) => r.detail);
  assert.deepEqual(details, [
    'zonder vrije tekst',
    'met vrije tekst: teamleider bevestigde dat die geen gezondheidsgegevens bevat',
  ]);
});
