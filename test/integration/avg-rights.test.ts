import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../helpers/app.js';
import { pseudonymFor } from '../../src/domain/pseudonym.js';
import { loadConfig } from '../../src/config.js';
import { runRetention, kAnonymise, RESEARCH_STEPS, QUASI_IDENTIFIERS } from '../../src/store/avg.js';
import { verifyAuditChain } from '../../src/store/audit.js';
import { addResearcher } from './security-helpers.js';

const SECRET = loadConfig({}).pseudonymSecret;

test('inzage: the whole case file and who read it; special categories only for the beheerder handling the request', async (t) => {
  const app = await buildTestApp(t);
  await app.db.query(
    `INSERT INTO conversation (client_id, held_on, kind, summary) VALUES (1, '2024-01-05', 'gesprek', 'Kennismaking')`,
  );
  await app.db.query(`INSERT INTO action_plan (id, client_id, created_on) VALUES (7, 1, '2024-01-10')`);
  await app.db.query(`INSERT INTO plan_step (plan_id, description) VALUES (7, 'Cv maken')`);
  await app.db.query(
    `INSERT INTO monitoring.person (pseudonym, municipality_id, birth_country, religion) VALUES ($1, 1, 'MA', 'islam')`,
    [pseudonymFor(1, SECRET)],
  );
  await app.db.query(`INSERT INTO monitoring.person (pseudonym, municipality_id, birth_country) VALUES ($1, 1, 'NL')`, [
    pseudonymFor(2, SECRET),
  ]);
  const anna = await app.loginAs('anna');
  await app.inject({ method: 'GET', url: '/api/v1/clients/1/file', headers: anna });

  const mine = await app.inject({ method: 'GET', url: '/api/v1/clients/1/inzage', headers: anna });
  assert.equal(mine.statusCode, 200);
  const doc = mine.json();
  assert.equal(doc.client.bsn, '111222333');
  assert.equal(doc.caseFile.conversation[0].summary, 'Kennismaking');
  assert.equal(doc.caseFile.plan_step[0].description, 'Cv maken');
  assert.equal(doc.specialCategories, null, 'a consultant never sees special categories');
  assert.ok(
    doc.auditTrail.some(
      (a: { user: string; resource: string }) => a.user === 'Anna de Vries' && a.resource === 'client-file',
    ),
  );
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/clients/2/inzage', headers: anna })).statusCode,
    403,
    'not for another consultant’s client',
  );

  const beheer = await app.loginAs('beheer');
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/clients/1/inzage', headers: beheer })).statusCode,
    400,
    'the beheerder names the request',
  );
  const full = (
    await app.inject({ method: 'GET', url: '/api/v1/clients/1/inzage?verzoek=AVG-2026-017', headers: beheer })
  ).json();
  assert.deepEqual(
    full.specialCategories.person.map((p: { birth_country: string; religion: string }) => [
      p.birth_country,
      p.religion,
    ]),
    [['MA', 'islam']],
  );
  assert.ok(!JSON.stringify(full).includes(pseudonymFor(1, SECRET)), 'the pseudonym itself is not handed out');
  assert.ok(
    full.auditTrail.some((a: { detail: string }) => a.detail?.includes('AVG-2026-017')),
    'the inzage itself is in the trail',
  );
  for (const who of ['beleid'])
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/clients/1/inzage', headers: await app.loginAs(who) }))
        .statusCode,
      403,
    );
});

test('retention: case data and monitoring rows of clients whose benefit ended > N years ago are deleted; audit rows stay without content', async (t) => {
  const app = await buildTestApp(t);
  // Client 1: benefit ended 8 years ago → deleted. Client 2: ended 3 years ago → kept. Client 3: running → kept.
  await app.db.query(`INSERT INTO benefit_period (client_id, start_date, end_date, end_reason) VALUES
    (1, '2010-01-01', '2018-01-31', 'werk'), (2, '2015-01-01', '2023-01-31', 'werk')`);
  await app.db.query(`INSERT INTO benefit_period (client_id, start_date) VALUES (3, '2020-01-01')`);
  await app.db.query(
    `INSERT INTO conversation (client_id, held_on, kind) VALUES (1, '2017-01-01', 'gesprek'), (2, '2022-01-01', 'gesprek')`,
  );
  for (const c of [1, 2])
    await app.db.query(
      `INSERT INTO monitoring.person (pseudonym, municipality_id, birth_country) VALUES ($1, 1, 'TR')`,
      [pseudonymFor(c, SECRET)],
    );
  await app.db.query(`INSERT INTO monitoring.cultural_background (pseudonym, background) VALUES ($1, 'Turks')`, [
    pseudonymFor(1, SECRET),
  ]);
  const anna = await app.loginAs('anna');
  await app.inject({
    method: 'PATCH',
    url: '/api/v1/clients/1',
    headers: anna,
    payload: { version: 1, city: 'Enschede' },
  });

  const dry = await runRetention(app.db, { years: 7, today: '2026-06-01', dryRun: true, pseudonymSecret: SECRET });
  assert.deepEqual(dry.clientIds, [1]);
  assert.equal((await app.db.query('SELECT 1 FROM client WHERE id = 1')).length, 1, 'a dry run deletes nothing');

  const r = await runRetention(app.db, { years: 7, today: '2026-06-01', dryRun: false, pseudonymSecret: SECRET });
  assert.deepEqual([r.clients, r.monitoringRows], [1, 2]);
  assert.equal((await app.db.query('SELECT 1 FROM client WHERE id = 1')).length, 0);
  assert.equal((await app.db.query('SELECT 1 FROM conversation WHERE client_id = 1')).length, 0);
  assert.equal(
    (await app.db.query('SELECT 1 FROM monitoring.person WHERE pseudonym = $1', [pseudonymFor(1, SECRET)])).length,
    0,
  );
  assert.equal(
    (await app.db.query('SELECT 1 FROM monitoring.person WHERE pseudonym = $1', [pseudonymFor(2, SECRET)])).length,
    1,
  );
  assert.equal((await app.db.query('SELECT 1 FROM client WHERE id IN (2, 3)')).length, 2);
  const trail = await app.db.query<{ action: string; detail: string | null }>(
    'SELECT action, detail FROM audit_log WHERE client_id = 1 ORDER BY id',
  );
  assert.ok(trail.length >= 2, 'the audit rows are kept');
  assert.ok(
    trail.every((a) => a.detail === null),
    'without content',
  );
  assert.equal(trail[trail.length - 1].action, 'delete');
  assert.equal((await verifyAuditChain(app.db)).ok, true, 'and the hash chain still holds');
});

test('k-anonymity: every class of the quasi-identifiers has ≥ k rows; small classes generalised first, then suppressed (hand-made example)', () => {
  // 12 rows in wijk A (same age, gender, household), 3 in wijk B, 1 odd one out.
  const row = (wijk: string, leeftijd = '27-44', huishouden = 'alleenstaand') => ({
    leeftijd,
    geslacht: 'vrouw',
    wijk,
    huishouden,
    uitstroom_werk: 'nee',
  });
  const rows = [
    ...Array.from({ length: 12 }, () => row('A')),
    ...Array.from({ length: 3 }, () => row('B')),
    row('C', '67+', 'overig'),
  ];
  const { rows: out, report } = kAnonymise(rows, QUASI_IDENTIFIERS, RESEARCH_STEPS, 10);
  // Step 1: the 3 B rows and the C row lose their wijk ('*'): B's become (27-44, vrouw, *, alleenstaand) — 3 rows, still < 10;
  // step 2: household → '*' for those 4; step 3: age → t/m 44 / 45+; still 3 + 1 < 10 → suppressed. The 12 A rows stay as they are.
  assert.equal(report.suppressed, 4);
  assert.equal(out.length, 12);
  assert.ok(out.every((r) => r.wijk === 'A'));
  assert.deepEqual(report.generalised, { wijk: 4, huishouden: 4, leeftijd: 4 });
  assert.equal(report.smallestClass, 12);
  // With k = 3 the B rows survive by generalising the wijk only... they already form a class of 3.
  const k3 = kAnonymise(rows, QUASI_IDENTIFIERS, RESEARCH_STEPS, 3);
  assert.equal(k3.report.suppressed, 1);
  assert.equal(k3.rows.filter((r) => r.wijk === 'B').length, 3);
});

test('research export: no direct identifiers, age in bands, k-anonymous; onderzoeker only; audited', async (t) => {
  const app = await buildTestApp(t);
  await addResearcher(app);
  await app.db.query(
    `INSERT INTO neighbourhood (id, municipality_id, code, name) VALUES (1, 1, 'WK000101', 'Centrum')`,
  );
  await app.db
    .query(`INSERT INTO client (municipality_id, bsn, given_name, family_name, birth_date, gender, team_id, neighbourhood_id, household)
    SELECT 1, lpad((200000000 + g * 11)::text, 9, '0'), 'N' || g, 'F' || g, DATE '1990-06-01', 'vrouw', 1, 1, 'alleenstaand' FROM generate_series(1, 30) g`);
  // Some of them left the benefit for work: a class where everyone had the same outcome would be suppressed (l-diversity).
  await app.db.query(`INSERT INTO benefit_period (client_id, start_date, end_date, end_reason)
    SELECT id, DATE '2020-01-01', DATE '2022-01-01', 'werk' FROM client WHERE given_name IN ('N1', 'N2', 'N3', 'N4', 'N5')`);
  const onderzoek = await app.loginAs('onderzoek');
  const res = await app.inject({ method: 'GET', url: '/api/v1/research-export?k=10', headers: onderzoek });
  assert.equal(res.statusCode, 200);
  const { rows, report } = res.json();
  assert.equal(report.k, 10);
  assert.equal(report.rowsIn, 33);
  assert.equal(report.rowsOut + report.suppressed, 33);
  const text = JSON.stringify(rows);
  for (const forbidden of ['111222333', 'Fatima', 'El Amrani', '1980-03-01', '1990-06-01', 'bsn', 'given_name'])
    assert.ok(!text.includes(forbidden), forbidden);
  const classes = new Map<string, number>();
  for (const r of rows) {
    const k = [r.leeftijd, r.geslacht, r.wijk, r.huishouden].join('|');
    classes.set(k, (classes.get(k) ?? 0) + 1);
  }
  assert.ok([...classes.values()].every((n) => n >= 10));
  assert.ok(rows.some((r: { leeftijd: string; wijk: string }) => r.leeftijd === '27-44' && r.wijk === 'WK000101'));
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/research-export', headers: await app.loginAs('beleid') }))
      .statusCode,
    403,
  );
  const [a] = await app.db.query<{ detail: string }>(
    `SELECT detail FROM audit_log WHERE resource = 'onderzoeksexport'`,
  );
  assert.match(a.detail, /k=10/);
});
