import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { ACCESS, USERS, addResearcher, fillPath, routesOf, type Who } from './security-helpers.js';

/** Text that must either be stored exactly as sent or refused with 400: never run, never a 500. */
const STORED_VERBATIM = [
  "'; DROP TABLE client; --",
  "Robert'); DELETE FROM audit_log WHERE ('1'='1",
  '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>',
  '${7*7} {{7*7}} %s %n \\x00 \\u0000',
  'Ünïcödé: Zoë, Çelik, ١٢٣, עברית \u202Egnp.exe, 👩🏽‍💻, e\u0301',
  'a'.repeat(20_000),
];
/** Text the database cannot store as sent: always 400. */
const REFUSED = ['lone \uD800 surrogate', 'low \uDC00 alone', 'nul \u0000 byte'];

async function storedVerbatim(app: TestApp, value: string): Promise<boolean> {
  const tables = await app.db.query<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_schema IN ('public', 'monitoring') AND table_type = 'BASE TABLE'`,
  );
  for (const { s, t } of tables) {
    const [hit] = await app.db.query(
      `SELECT 1 FROM ${s}.${t} x, json_each_text(row_to_json(x)) e WHERE e.value = $1 LIMIT 1`,
      [value],
    );
    if (hit) return true;
  }
  return false;
}

test('hostile input in every free-text field of every POST, PATCH and PUT route: stored verbatim or refused with 400, never run, never 500', async (t) => {
  const app = await buildTestApp(t);
  await addResearcher(app);
  // Records with id 1 for the routes that change one.
  await app.db.query(`INSERT INTO action_plan (id, client_id, created_on) VALUES (1, 1, '2020-01-01')`);
  await app.db.query(`INSERT INTO plan_step (id, plan_id, description) VALUES (1, 1, 'Cv maken')`);
  await app.db.query(
    `INSERT INTO on_hold_period (id, client_id, start_date, reason) VALUES (1, 1, '2020-01-01', 'Ziekte')`,
  );
  await app.db.query(
    `INSERT INTO instrument_allocation (id, client_id, instrument_id, requested_on, reason) VALUES (1, 1, 1, '2020-01-01', 'x')`,
  );
  await app.db.query(`INSERT INTO life_domain (id, municipality_id, code, name) VALUES (1, 1, 'werk', 'Werk')`);
  for (const table of ['action_plan', 'plan_step', 'on_hold_period', 'instrument_allocation', 'life_domain']) {
    await app.db.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), 1)`);
  }
  const routes = (await routesOf(app)).filter(
    (r) => ['POST', 'PATCH', 'PUT'].includes(r.method) && r.textFields.length > 0,
  );
  assert.ok(routes.length >= 15, `found ${routes.length} routes with free text`);
  const sessions = new Map<Who, Record<string, string>>();
  const problems: string[] = [];
  let verbatim = 0;
  let refused = 0;
  const [{ n: auditBefore }] = await app.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log');
  for (const r of routes) {
    const key = `${r.method} ${r.path}`;
    const who = ACCESS[key].find((w) => w !== 'anoniem') ?? 'anoniem';
    if (who !== 'anoniem' && !sessions.has(who))
      sessions.set(who, await app.loginAs(USERS[who as Exclude<Who, 'anoniem'>]));
    if (r.path === '/api/v1/sessions') continue; // a log-in stores nothing; covered by the log-in tests
    for (const field of r.textFields) {
      for (const value of [...STORED_VERBATIM, ...REFUSED]) {
        const body = { ...(r.body as object), [field]: value };
        const res = await app.inject({
          method: r.method as 'POST',
          url: fillPath(r.path),
          headers: sessions.get(who) ?? {},
          payload: body,
        });
        const label = `${key} ${field}=${JSON.stringify(value.slice(0, 30))}`;
        if (res.statusCode >= 500) problems.push(`${label}: ${res.statusCode}`);
        if (REFUSED.includes(value)) {
          if (res.statusCode !== 400) problems.push(`${label}: expected 400, got ${res.statusCode}`);
          else refused++;
          continue;
        }
        if (res.statusCode >= 200 && res.statusCode < 300) {
          if (!(await storedVerbatim(app, value)))
            problems.push(`${label}: accepted (${res.statusCode}) but not stored verbatim`);
          else verbatim++;
        }
      }
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(verbatim > 20, `${verbatim} values were stored verbatim`);
  assert.ok(refused > 20);
  // Nothing was run: the tables and the audit trail are all still there.
  const [{ n: clients }] = await app.db.query<{ n: number }>('SELECT count(*) AS n FROM client');
  assert.ok(clients >= 3);
  const [{ n: auditAfter }] = await app.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log');
  assert.ok(auditAfter > auditBefore);
});

test('malformed UTF-8 and broken JSON in a request body: 400, never 500', async (t) => {
  const app = await buildTestApp(t);
  const anna = await app.loginAs('anna');
  const bad = Buffer.concat([
    Buffer.from('{"heldOn":"2020-01-01","kind":"telefoon","summary":"'),
    Buffer.from([0xff, 0xfe, 0xc0, 0xaf]),
    Buffer.from('"}'),
  ]);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/clients/1/conversations',
    headers: { ...anna, 'content-type': 'application/json' },
    payload: bad,
  });
  assert.ok(res.statusCode < 500, `${res.statusCode}`);
  const broken = await app.inject({
    method: 'POST',
    url: '/api/v1/clients/1/conversations',
    headers: { ...anna, 'content-type': 'application/json' },
    payload: '{"heldOn": ',
  });
  assert.equal(broken.statusCode, 400);
  const lead = await app.loginAs('tl-a');
  const nulQuery = await app.inject({ method: 'GET', url: '/api/v1/spiegel?ground=%00', headers: lead });
  assert.equal(nulQuery.statusCode, 400);
});
