import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addDays } from '../../src/domain/casefile-rules.js';
import { todayIso } from '../../src/server/formats.js';
import { loadProposalFacts } from '../../src/store/employers/mirror-source.js';

const day = (n: number): string => addDays(todayIso(), n);
const API = '/api/v1';
type Headers = Awaited<ReturnType<TestApp['loginAs']>>;

function caller(app: TestApp) {
  return async (headers: Headers, method: string, url: string, payload?: object) =>
    app.inject({ method: method as 'POST', url: API + url, headers, payload });
}

test('beheer keeps the marks: only beheer changes them, and retiring keeps the history of employers that had one', async (t) => {
  const app = await buildTestApp(t);
  const call = caller(app);
  const [anna, beheer, beleid, tl] = await Promise.all(['anna', 'beheer', 'beleid', 'tl-a'].map((u) => app.loginAs(u)));
  const add = async (code: string, name: string) => {
    const res = await call(beheer, 'POST', '/keurmerken', { code, name });
    assert.equal(res.statusCode, 201, res.body);
    return (res.json() as { id: number }).id;
  };
  const sebo = await add('sebo', 'SEBO-keurmerk');
  const pso = await add('pso', 'PSO');
  const employer = (
    await call(anna, 'POST', '/werkgevers', {
      name: 'Bakkerij Brood',
      sector: 'horeca',
      size: 'klein',
      place: 'Testdam',
    })
  ).json().id;
  const other = (
    await call(anna, 'POST', '/werkgevers', {
      name: 'Garage Snel',
      sector: 'techniek',
      size: 'middel',
      place: 'Testdam',
    })
  ).json().id;

  // Only beheer may add, rename or retire a mark.
  for (const who of [anna, beleid, tl]) {
    assert.equal((await call(who, 'POST', '/keurmerken', { code: 'dnz', name: 'De Normaalste Zaak' })).statusCode, 403);
    assert.equal((await call(who, 'PATCH', `/keurmerken/${sebo}`, { active: false })).statusCode, 403);
    assert.equal((await call(who, 'PATCH', `/keurmerken/${sebo}`, { name: 'Iets' })).statusCode, 403);
  }

  assert.equal(
    (await call(anna, 'PUT', `/werkgevers/${employer}/keurmerken`, { markIds: [sebo, pso] })).statusCode,
    204,
  );
  assert.equal((await call(beheer, 'PATCH', `/keurmerken/${sebo}`, { active: false })).statusCode, 204);
  assert.equal((await call(beheer, 'PATCH', `/keurmerken/${sebo}`, { name: 'SEBO (oud)' })).statusCode, 204);

  const detail = async () => (await call(anna, 'GET', `/werkgevers/${employer}`)).json();
  let d = await detail();
  assert.deepEqual(d.marks, ['PSO']);
  assert.deepEqual(d.markIds, [pso]);
  assert.deepEqual(d.retiredMarks, ['SEBO (oud)']);
  // A consultant sees only marks in use; beheer sees the retired one, with the employer still holding it.
  assert.deepEqual(
    (await call(anna, 'GET', '/keurmerken')).json().items.map((m: { code: string }) => m.code),
    ['pso'],
  );
  const forBeheer = (await call(beheer, 'GET', '/keurmerken')).json().items;
  assert.deepEqual(
    forBeheer.map((m: { code: string; active: boolean; holders: number }) => [m.code, m.active, m.holders]),
    [
      ['pso', true, 1],
      ['sebo', false, 1],
    ],
  );
  // Choosing the employer's current marks again does not drop the retired one from its history.
  assert.equal((await call(anna, 'PUT', `/werkgevers/${employer}/keurmerken`, { markIds: [] })).statusCode, 204);
  d = await detail();
  assert.deepEqual(d.marks, []);
  assert.deepEqual(d.retiredMarks, ['SEBO (oud)']);
  // A retired mark cannot be given to an employer that never had it.
  const refused = await call(anna, 'PUT', `/werkgevers/${other}/keurmerken`, { markIds: [sebo] });
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.json().invalidParams[0].name, 'markIds.0');

  // Hostile or wrong input: a named field, nothing written.
  const marksBefore = (await app.db.query('SELECT code, name, active FROM employer_mark ORDER BY id')).length;
  const bad: [string, string, object, number, string | null][] = [
    ['POST', '/keurmerken', { code: 'SE BO', name: 'x' }, 400, 'code'],
    ['POST', '/keurmerken', { code: "x'; DROP TABLE employer; --", name: 'x' }, 400, 'code'],
    ['POST', '/keurmerken', { code: 'nieuw', name: '   ' }, 400, 'name'],
    ['POST', '/keurmerken', { code: 'nieuw', name: 'x'.repeat(121) }, 400, 'name'],
    ['POST', '/keurmerken', { code: 'pso', name: 'Nog een PSO' }, 409, null],
    ['PATCH', `/keurmerken/${pso}`, {}, 400, 'body'],
    ['PATCH', `/keurmerken/${pso}`, { name: '' }, 400, 'name'],
    ['PATCH', '/keurmerken/99999', { active: false }, 404, null],
  ];
  for (const [method, url, payload, status, field] of bad) {
    const res = await call(beheer, method, url, payload);
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    if (field) assert.ok(JSON.stringify(res.json().invalidParams).includes(`"${field}`), res.body);
  }
  assert.equal((await app.db.query('SELECT 1 FROM employer_mark')).length, marksBefore);
  assert.deepEqual(
    (await app.db.query<{ name: string }>(`SELECT name FROM employer_mark WHERE id = $1`, [pso])).map((r) => r.name),
    ['PSO'],
  );
  // Every change of beheer is in the audit log.
  const audit = await app.db.query<{ action: string }>(
    `SELECT action FROM audit_log WHERE user_id = 5 AND resource = 'employer_mark' ORDER BY id`,
  );
  assert.deepEqual(
    audit.map((a) => a.action),
    ['create', 'create', 'update', 'update'],
  );
});

/** An employer with a vacancy and a running benefit for Anna's client 1. */
async function setUp(app: TestApp, anna: Headers) {
  const call = caller(app);
  await app.db.query('INSERT INTO benefit_period (client_id, start_date) VALUES (1, $1)', [day(-400)]);
  const post = async (url: string, payload: object) => {
    const res = await call(anna, 'POST', url, payload);
    assert.equal(res.statusCode, 201, `${url}: ${res.body}`);
    return (res.json() as { id: number }).id;
  };
  const employer = await post('/werkgevers', {
    name: 'Bakkerij Brood',
    sector: 'horeca',
    size: 'klein',
    place: 'Testdam',
  });
  const vacancy = await post('/vacatures', {
    employerId: employer,
    title: 'Medewerker bakkerij',
    place: 'Testdam',
    hoursPerWeek: 24,
    competences: ['samenwerken'],
    openedOn: day(-300),
  });
  const proposal = await post('/voorstellen', {
    vacancyId: vacancy,
    clientId: 1,
    proposedOn: day(-200),
    decisionReason: 'Past goed',
  });
  for (const body of [{ invitedOn: day(-195) }, { hiredOn: day(-190) }])
    assert.equal((await call(anna, 'PATCH', `/voorstellen/${proposal}`, body)).statusCode, 204);
  return { employer, vacancy, proposal, post };
}

test('a follow-up that finds the client no longer working there ends the placement, its work period and further follow-up', async (t) => {
  const app = await buildTestApp(t);
  const call = caller(app);
  const anna = await app.loginAs('anna');
  const { proposal } = await setUp(app, anna);
  const one = async () => (await call(anna, 'GET', '/voorstellen')).json().items[0];
  const p = await one();
  const [f1, f6] = p.followUps;
  // Hiring opened the work period in the case file.
  const periods = () =>
    app.db.query<{ employer: string; start: string; end: string | null }>(
      `SELECT employer, start_date::text AS start, end_date::text AS "end" FROM work_period WHERE client_id = 1 ORDER BY id`,
    );
  assert.deepEqual(await periods(), [{ employer: 'Bakkerij Brood', start: day(-190), end: null }]);
  // Hired 190 days ago: the follow-ups at 1 and 6 months are overdue.
  assert.equal((await call(anna, 'GET', '/nazorg')).json().items.length, 2);

  const url = `/voorstellen/${proposal}/nazorg/${f1.id}`;
  const bad: [object, string][] = [
    [{ heldOn: day(-150), stillWorking: false }, 'endReason'],
    [{ heldOn: day(-150), stillWorking: false, endReason: '   ' }, 'endReason'],
    [{ heldOn: day(-150), stillWorking: false, endReason: 'x', endedOn: day(-149) }, 'endedOn'],
    [{ heldOn: day(-150), stillWorking: false, endReason: 'x', endedOn: day(-191) }, 'endedOn'],
    [{ heldOn: day(-150), stillWorking: true, endReason: 'x' }, 'endReason'],
    [{ heldOn: day(-150), stillWorking: false, endReason: 'x'.repeat(501) }, 'endReason'],
  ];
  for (const [payload, field] of bad) {
    const res = await call(anna, 'PATCH', url, payload);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().invalidParams[0].name, field, res.body);
  }
  const [beleid, bram] = [await app.loginAs('beleid'), await app.loginAs('bram')];
  const ending = { heldOn: day(-150), stillWorking: false, endedOn: day(-160), endReason: 'De uren pasten niet' };
  assert.equal((await call(beleid, 'PATCH', url, ending)).statusCode, 403);
  const foreign = await call(bram, 'PATCH', url, ending);
  assert.equal(foreign.statusCode, 403);
  assert.equal(foreign.json().code, 'FORBIDDEN_CLIENT');
  // Nothing was written by the refusals.
  const untouched = await one();
  assert.equal(untouched.stoppedOn, null);
  assert.equal(untouched.followUps.length, 3);
  assert.equal(untouched.followUps[0].heldOn, null);

  assert.equal((await call(anna, 'PATCH', url, ending)).statusCode, 204);
  const ended = await one();
  assert.equal(ended.stoppedOn, day(-160));
  assert.equal(ended.stoppedStage, 'aangenomen');
  assert.equal(ended.stoppedReason, 'De uren pasten niet');
  assert.equal(ended.stage, 'aangenomen');
  assert.deepEqual(
    ended.followUps.map((f: { months: number; stillWorking: boolean; overdue: boolean }) => [
      f.months,
      f.stillWorking,
      f.overdue,
    ]),
    [[1, false, false]],
  );
  assert.deepEqual((await call(anna, 'GET', '/nazorg')).json().items, []);
  assert.deepEqual(await periods(), [{ employer: 'Bakkerij Brood', start: day(-190), end: day(-160) }]);
  // The later follow-ups are gone; the held one cannot be recorded again.
  assert.equal(
    (await call(anna, 'PATCH', `/voorstellen/${proposal}/nazorg/${f6.id}`, { heldOn: day(-5), stillWorking: true }))
      .statusCode,
    404,
  );
  assert.equal((await call(anna, 'PATCH', url, { heldOn: day(-5), stillWorking: true })).statusCode, 400);
  const audit = await app.db.query<{ detail: string }>(
    `SELECT detail FROM audit_log WHERE client_id = 1 AND resource = 'placement_follow_up' AND action = 'update'`,
  );
  assert.equal(audit.length, 1);
  assert.match(audit[0].detail, /plaatsing beëindigd/);

  // The mirror's facts: hired, not working after 1 month, and (ended) observable for 6 and 12 months at once.
  const [facts] = await loadProposalFacts(app.db, 1, day(-365), day(0));
  assert.equal(facts.stages.aangenomen, true);
  assert.equal(facts.stages.werkzaam_1m, false);
  assert.equal(facts.stages.werkzaam_6m, false);
  assert.equal(facts.stages.waarneembaar_werkzaam_6m, true);
  assert.equal(facts.stages.waarneembaar_werkzaam_12m, true);
});

test('stopping a placement through its proposal ends the work period and the follow-up too', async (t) => {
  const app = await buildTestApp(t);
  const call = caller(app);
  const anna = await app.loginAs('anna');
  const { proposal } = await setUp(app, anna);
  const refused = await call(anna, 'PATCH', `/voorstellen/${proposal}`, { stoppedOn: day(-20) });
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.json().invalidParams[0].name, 'stoppedReason');
  const res = await call(anna, 'PATCH', `/voorstellen/${proposal}`, { stoppedOn: day(-20), stoppedReason: 'Verhuisd' });
  assert.equal(res.statusCode, 204, res.body);
  const p = (await call(anna, 'GET', '/voorstellen')).json().items[0];
  assert.equal(p.stoppedStage, 'aangenomen');
  assert.deepEqual(p.followUps, []);
  const [period] = await app.db.query<{ end: string }>(
    `SELECT end_date::text AS "end" FROM work_period WHERE client_id = 1`,
  );
  assert.equal(period.end, day(-20));
  // Hired 190 days ago and ended 20 days ago: worked past 6 months, but no follow-up said so.
  const [facts] = await loadProposalFacts(app.db, 1, day(-365), day(0));
  assert.equal(facts.stages.werkzaam_6m, false);
  assert.deepEqual((await call(anna, 'GET', '/nazorg')).json().items, []);
});
