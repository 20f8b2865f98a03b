import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addDays } from '../../src/domain/casefile-rules.js';
import { todayIso } from '../../src/server/formats.js';
import { pseudonymFor } from '../../src/domain/pseudonym.js';
import { loadConfig } from '../../src/config.js';

const day = (n: number): string => addDays(todayIso(), n);
const API = '/api/v1';

type Headers = Awaited<ReturnType<TestApp['loginAs']>>;

/** An employer with a vacancy, a running benefit and a work profile for Anna's client 1. */
async function setUp(app: TestApp, anna: Headers) {
  await app.db.query('INSERT INTO benefit_period (client_id, start_date) VALUES (1, $1), (3, $1)', [day(-400)]);
  const post = async (url: string, payload: object, headers = anna) => {
    const res = await app.inject({ method: 'POST', url: API + url, headers, payload });
    assert.equal(res.statusCode, 201, `${url}: ${res.body}`);
    return res.json() as { id: number };
  };
  const employer = await post('/werkgevers', {
    name: 'Bakkerij Brood',
    sector: 'Horeca',
    size: 'klein',
    place: 'Testdam',
  });
  const vacancy = await post('/vacatures', {
    employerId: employer.id,
    title: 'Medewerker bakkerij',
    place: 'Testdam',
    hoursPerWeek: 24,
    competences: ['Samenwerken', 'hygiëne', 'klantgericht'],
    openedOn: day(-60),
  });
  const profile = await app.inject({
    method: 'PUT',
    url: `${API}/clients/1/werkprofiel`,
    headers: anna,
    payload: {
      competences: ['samenwerken', 'hygiëne'],
      experience: ['horeca'],
      hoursMin: 16,
      hoursMax: 32,
      reachablePlaces: ['testdam'],
      wishedSectors: ['horeca'],
      wishes: 'Graag vroeg beginnen',
    },
  });
  assert.equal(profile.statusCode, 204, profile.body);
  return { employer, vacancy, post };
}

test('walk: requirement judged not needed and answered, suggestion explains itself, proposal → invited → hired → follow-up at 1 month', async (t) => {
  const app = await buildTestApp(t);
  const anna = await app.loginAs('anna');
  const { vacancy, post } = await setUp(app, anna);
  const req = await post(`/vacatures/${vacancy.id}/eisen`, {
    kind: 'taalniveau',
    description: 'Nederlands op niveau B2',
    assessment: 'niet_nodig',
  });
  const answer = await app.inject({
    method: 'PATCH',
    url: `${API}/vacatures/${vacancy.id}/eisen/${req.id}`,
    headers: anna,
    payload: { raisedOn: day(-50), employerAnswer: 'A2 is genoeg voor dit werk', outcome: 'aangepast' },
  });
  assert.equal(answer.statusCode, 204, answer.body);
  const relevantWithoutReason = await app.inject({
    method: 'POST',
    url: `${API}/vacatures/${vacancy.id}/eisen`,
    headers: anna,
    payload: { kind: 'rijbewijs', description: 'Rijbewijs B', assessment: 'arbeidsmarktrelevant', reason: '  ' },
  });
  assert.equal(relevantWithoutReason.statusCode, 400);
  assert.equal(relevantWithoutReason.json().invalidParams[0].name, 'reason');

  const sugg = await app.inject({ method: 'GET', url: `${API}/vacatures/${vacancy.id}/suggesties`, headers: anna });
  assert.equal(sugg.statusCode, 200, sugg.body);
  const s = sugg.json();
  assert.equal(s.considered, 1, 'only the own client with a profile is considered');
  assert.equal(s.items.length, 1);
  // By hand: 2 of 3 competences → 50 × 2/3 = 33.3; experience 15, hours (24 in 16–32) 15, travel 10, wish 10 → 83.
  assert.equal(s.items[0].score, 83);
  assert.deepEqual(s.items[0].reasons.competences, ['samenwerken', 'hygiëne']);
  assert.deepEqual(s.items[0].reasons.missingCompetences, ['klantgericht']);
  assert.match(s.items[0].explanation[0], /2 van 3/);

  const proposal = await post('/voorstellen', {
    vacancyId: vacancy.id,
    clientId: 1,
    proposedOn: day(-45),
    decisionReason: 'Past goed en wil dit werk graag',
  });
  const patch = (payload: object) =>
    app.inject({ method: 'PATCH', url: `${API}/voorstellen/${proposal.id}`, headers: anna, payload });
  const tooEarly = await patch({ hiredOn: day(-40) });
  assert.equal(tooEarly.statusCode, 400, 'hired before invited');
  assert.equal((await patch({ invitedOn: day(-44) })).statusCode, 204);
  assert.equal((await patch({ hiredOn: day(-40) })).statusCode, 204);
  const list = (await app.inject({ method: 'GET', url: `${API}/voorstellen`, headers: anna })).json();
  const p = list.items[0];
  assert.equal(p.stage, 'aangenomen');
  assert.deepEqual(
    p.followUps.map((f: { months: number; dueOn: string; overdue: boolean }) => [f.months, f.overdue]),
    [
      [1, true],
      [6, false],
      [12, false],
    ],
  );
  const overdue = (await app.inject({ method: 'GET', url: `${API}/nazorg`, headers: anna })).json();
  assert.equal(overdue.items.length, 1);
  assert.equal(overdue.items[0].months, 1);
  const f1 = p.followUps[0];
  const held = await app.inject({
    method: 'PATCH',
    url: `${API}/voorstellen/${proposal.id}/nazorg/${f1.id}`,
    headers: anna,
    payload: { heldOn: day(-5), stillWorking: true, note: 'Gaat goed' },
  });
  assert.equal(held.statusCode, 204, held.body);
  const after1 = (await app.inject({ method: 'GET', url: `${API}/voorstellen`, headers: anna })).json();
  assert.equal(after1.items[0].stage, 'werkzaam_1m');
  assert.equal((await app.inject({ method: 'GET', url: `${API}/nazorg`, headers: anna })).json().items.length, 0);

  const audit = await app.db.query<{ action: string; resource: string }>(
    `SELECT DISTINCT action, resource FROM audit_log WHERE client_id = 1 ORDER BY action, resource`,
  );
  const seen = audit.map((a) => `${a.action} ${a.resource}`);
  for (const expected of [
    'create proposal',
    'read match_suggestion',
    'read proposal',
    'update client_work_profile',
    'update placement_follow_up',
    'update proposal',
  ])
    assert.ok(seen.includes(expected), `audit lacks ${expected}: ${seen.join(', ')}`);
});

test('matching reads no monitoring table and its answer does not change with the special categories', async (t) => {
  const app = await buildTestApp(t);
  const anna = await app.loginAs('anna');
  const { vacancy } = await setUp(app, anna);
  const secret = loadConfig({}).pseudonymSecret;
  await app.db.query(
    `INSERT INTO monitoring.person (pseudonym, municipality_id, birth_country, religion, health_limitation) VALUES ($1, 1, 'MA', 'islam', true)`,
    [pseudonymFor(1, secret)],
  );
  const seenSql: string[] = [];
  const original = app.db.query.bind(app.db);
  app.db.query = (async (sql: string, params?: readonly unknown[]) => {
    seenSql.push(sql);
    return original(sql, params);
  }) as typeof app.db.query;
  const first = await app.inject({ method: 'GET', url: `${API}/vacatures/${vacancy.id}/suggesties`, headers: anna });
  app.db.query = original;
  assert.equal(first.statusCode, 200);
  assert.ok(seenSql.length > 0);
  for (const sql of seenSql) assert.doesNotMatch(sql, /monitoring|birth_date|gender|dutch_language_level/i, sql);
  await app.db.query(
    `UPDATE monitoring.person SET birth_country = 'NL', religion = NULL, health_limitation = false WHERE pseudonym = $1`,
    [pseudonymFor(1, secret)],
  );
  await app.db.query(
    `UPDATE client SET gender = 'man', birth_date = '1950-01-01', dutch_language_level = 'A1' WHERE id = 1`,
  );
  const second = await app.inject({ method: 'GET', url: `${API}/vacatures/${vacancy.id}/suggesties`, headers: anna });
  assert.deepEqual(second.json(), first.json());
  const keys = Object.keys(first.json().items[0]).sort();
  assert.deepEqual(keys, ['alreadyProposed', 'clientId', 'clientName', 'explanation', 'reasons', 'score']);
});

test('roles: policy officer and administrator cannot work with proposals; consultants cannot see the mirror or decide the protocol', async (t) => {
  const app = await buildTestApp(t);
  const anna = await app.loginAs('anna');
  const { employer, vacancy } = await setUp(app, anna);
  const beleid = await app.loginAs('beleid');
  const beheer = await app.loginAs('beheer');
  const cases: [Headers, string, string, object | undefined, number][] = [
    [beleid, 'GET', `/vacatures/${vacancy.id}/suggesties`, undefined, 403],
    [
      beleid,
      'POST',
      '/voorstellen',
      { vacancyId: vacancy.id, clientId: 1, proposedOn: day(-1), decisionReason: 'x' },
      403,
    ],
    [beheer, 'GET', '/voorstellen', undefined, 403],
    [anna, 'GET', '/spiegel/werkgevers', undefined, 403],
    [anna, 'GET', '/discriminatieverzoeken/rapportage', undefined, 403],
    [anna, 'POST', '/keurmerken', { code: 'sebo', name: 'SEBO' }, 403],
    [anna, 'PATCH', `/werkgevers/${employer.id}`, { namedAsExample: true }, 403],
    [beheer, 'POST', '/keurmerken', { code: 'sebo', name: 'SEBO-keurmerk' }, 201],
    [beleid, 'GET', '/spiegel/werkgevers', undefined, 200],
    [beleid, 'GET', '/discriminatieverzoeken/rapportage', undefined, 200],
  ];
  for (const [headers, method, url, payload, status] of cases) {
    const res = await app.inject({ method: method as 'GET', url: API + url, headers, payload });
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
  }
  const bram = await app.loginAs('bram');
  const foreign = await app.inject({
    method: 'POST',
    url: `${API}/voorstellen`,
    headers: bram,
    payload: { vacancyId: vacancy.id, clientId: 1, proposedOn: day(-1), decisionReason: 'Past' },
  });
  assert.equal(foreign.statusCode, 403);
  assert.equal(foreign.json().code, 'FORBIDDEN_CLIENT');
  const suggBram = (
    await app.inject({ method: 'GET', url: `${API}/vacatures/${vacancy.id}/suggesties`, headers: bram })
  ).json();
  assert.equal(suggBram.items.length, 0, "a colleague's client is never suggested");
  assert.equal((await app.db.query(`SELECT 1 FROM audit_log WHERE action = 'denied' AND user_id = 2`)).length, 1);
});

test('hostile input is refused with a named field, nothing is written, and the server stays up', async (t) => {
  const app = await buildTestApp(t);
  const anna = await app.loginAs('anna');
  const { employer, vacancy } = await setUp(app, anna);
  const count = async () =>
    (
      await app.db.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM proposal) + (SELECT count(*) FROM vacancy_requirement) + (SELECT count(*) FROM discriminatory_request) AS n',
      )
    )[0].n;
  const before = await count();
  const bad: [string, string, object, string][] = [
    ['POST', `/vacatures/${vacancy.id}/eisen`, { kind: 'ras', description: 'x', assessment: 'niet_nodig' }, 'kind'],
    [
      'POST',
      '/voorstellen',
      { vacancyId: vacancy.id, clientId: 1, proposedOn: day(-1), decisionReason: '   ' },
      'decisionReason',
    ],
    [
      'POST',
      '/voorstellen',
      { vacancyId: vacancy.id, clientId: 1, proposedOn: day(-90), decisionReason: 'ok' },
      'proposedOn',
    ],
    ['POST', '/voorstellen', { vacancyId: 9999, clientId: 1, proposedOn: day(-1), decisionReason: 'ok' }, 'vacancyId'],
    [
      'POST',
      '/discriminatieverzoeken',
      {
        employerId: employer.id,
        receivedOn: day(-1),
        kind: 'expliciet',
        ground: 'herkomst',
        wording: "'; DROP TABLE employer; --",
        action: 'genegeerd',
      },
      'action',
    ],
    [
      'POST',
      '/discriminatieverzoeken',
      {
        employerId: employer.id,
        receivedOn: day(5),
        kind: 'positief',
        ground: 'leeftijd',
        wording: 'alleen jongeren',
        action: 'geweigerd',
      },
      'receivedOn',
    ],
    [
      'POST',
      `/vacatures/${vacancy.id}/eisen`,
      { kind: 'diploma', description: 'x'.repeat(501), assessment: 'niet_nodig' },
      'description',
    ],
  ];
  for (const [method, url, payload, field] of bad) {
    const res = await app.inject({ method: method as 'POST', url: API + url, headers: anna, payload });
    assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.ok(JSON.stringify(res.json().invalidParams ?? []).includes(field), `${url}: ${res.body}`);
  }
  assert.equal(await count(), before);
  const ok = await app.inject({
    method: 'POST',
    url: `${API}/discriminatieverzoeken`,
    headers: anna,
    payload: {
      employerId: employer.id,
      receivedOn: day(-1),
      kind: 'impliciet',
      ground: 'herkomst',
      wording: 'liever een Nederlander',
      action: 'besproken',
    },
  });
  assert.equal(ok.statusCode, 201);
  assert.equal((await app.inject({ method: 'GET', url: `${API}/werkgevers`, headers: anna })).statusCode, 200);
});

test('a report names an employer only after the protocol decided so; a good example is named on purpose', async (t) => {
  const app = await buildTestApp(t);
  const anna = await app.loginAs('anna');
  const { employer, post } = await setUp(app, anna);
  const other = await post('/werkgevers', {
    name: 'Garage Snel',
    sector: 'techniek',
    size: 'middel',
    place: 'Testdam',
  });
  const good = await post('/werkgevers', { name: 'Zorg Samen', sector: 'zorg', size: 'groot', place: 'Testdam' });
  const r1 = await post('/discriminatieverzoeken', {
    employerId: employer.id,
    receivedOn: day(-100),
    kind: 'expliciet',
    ground: 'religie',
    wording: 'geen hoofddoek',
    action: 'geweigerd',
  });
  await post('/discriminatieverzoeken', {
    employerId: other.id,
    receivedOn: day(-10),
    kind: 'positief',
    ground: 'leeftijd',
    wording: 'alleen jongeren',
    action: 'gemeld',
  });
  const beleid = await app.loginAs('beleid');
  const report = async () =>
    (await app.inject({ method: 'GET', url: `${API}/discriminatieverzoeken/rapportage`, headers: beleid })).json();
  const before = await report();
  assert.equal(before.total, 2);
  assert.deepEqual(before.perEmployer, []);
  assert.equal(before.notNamed.employers, 2);
  assert.doesNotMatch(JSON.stringify(before), /Bakkerij|Garage|hoofddoek/);
  const decide = await app.inject({
    method: 'PATCH',
    url: `${API}/discriminatieverzoeken/${r1.id}`,
    headers: beleid,
    payload: { namingDecision: 'noemen' },
  });
  assert.equal(decide.statusCode, 204);
  const named = await app.inject({
    method: 'PATCH',
    url: `${API}/werkgevers/${good.id}`,
    headers: beleid,
    payload: { namedAsExample: true },
  });
  assert.equal(named.statusCode, 204);
  const afterDecision = await report();
  assert.deepEqual(
    afterDecision.perEmployer.map((e: { employer: string }) => e.employer),
    ['Bakkerij Brood'],
  );
  assert.equal(afterDecision.notNamed.employers, 1);
  assert.deepEqual(afterDecision.goodExamples, ['Zorg Samen']);
  assert.equal(
    afterDecision.perQuarter.reduce((s: number, q: { total: number }) => s + q.total, 0),
    2,
  );
});

test('a signal of the lead party of an external track reaches the consultant as a caseload signal', async (t) => {
  const app = await buildTestApp(t);
  const anna = await app.loginAs('anna');
  const { post } = await setUp(app, anna);
  const track = await post('/clients/1/trajecten', {
    leadParty: 'Re-integratiebureau Vooruit',
    name: 'Werkfit',
    startedOn: day(-30),
  });
  await post(`/trajecten/${track.id}/signalen`, {
    kind: 'niet_verschenen',
    signalledOn: day(-2),
    note: 'Niet op de training',
  });
  const signals = (await app.inject({ method: 'GET', url: `${API}/signalen`, headers: anna })).json();
  assert.equal(signals.items.length, 1);
  assert.equal(signals.items[0].leadParty, 'Re-integratiebureau Vooruit');
  assert.equal(signals.items[0].kind, 'niet_verschenen');
  const bram = await app.loginAs('bram');
  assert.equal((await app.inject({ method: 'GET', url: `${API}/signalen`, headers: bram })).json().items.length, 0);
  const seen = await app.inject({
    method: 'PATCH',
    url: `${API}/signalen/${signals.items[0].id}`,
    headers: anna,
    payload: { seenOn: day(0) },
  });
  assert.equal(seen.statusCode, 204);
  assert.equal((await app.inject({ method: 'GET', url: `${API}/signalen`, headers: anna })).json().items.length, 0);
});
