import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../helpers/app.js';
import type { Db } from '../../src/store/db.js';
import { addDays } from '../../src/domain/casefile-rules.js';
import { todayIso } from '../../src/server/formats.js';

const day = (n: number): string => addDays(todayIso(), n);

/** For clients 2 and 3: a plan with a step, an allocation, an open on-hold period, a running benefit and a conversation, each with id 10 × client. */
async function seedRecords(db: Db): Promise<void> {
  for (const c of [2, 3]) {
    const id = c * 10;
    await db.query('INSERT INTO action_plan (id, client_id, created_on) VALUES ($1, $2, $3)', [id, c, day(-100)]);
    await db.query(`INSERT INTO plan_step (id, plan_id, description) VALUES ($1, $1, 'Cv maken')`, [id]);
    await db.query(
      `INSERT INTO instrument_allocation (id, client_id, instrument_id, requested_on, reason) VALUES ($1, $2, 1, $3, 'Jobcoach')`,
      [id, c, day(-90)],
    );
    await db.query(`INSERT INTO on_hold_period (id, client_id, start_date, reason) VALUES ($1, $2, $3, 'Ziekte')`, [
      id,
      c,
      day(-20),
    ]);
    await db.query('INSERT INTO benefit_period (client_id, start_date) VALUES ($1, $2)', [c, day(-300)]);
    await db.query(`INSERT INTO conversation (id, client_id, held_on, kind) VALUES ($1, $2, $3, 'gesprek')`, [
      id,
      c,
      day(-10),
    ]);
  }
}

/** Every case-file route of this feature for client `c`, with a payload the rightful user may send. */
const routesFor = (c: number): { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object }[] => {
  const id = c * 10;
  const base = `/api/v1/clients/${c}`;
  return [
    { method: 'GET', url: `${base}/file` },
    { method: 'PATCH', url: base, payload: { version: 1, city: 'Enschede' } },
    { method: 'POST', url: `${base}/intakes`, payload: { heldOn: day(-5), scores: [] } },
    {
      method: 'POST',
      url: `${base}/diagnoses`,
      payload: { givenOn: day(-5), distance: 'kort', reasons: 'Recente werkervaring' },
    },
    { method: 'POST', url: `${base}/bestand`, payload: { bestand: 'werkplein', startDate: day(-5) } },
    { method: 'POST', url: `${base}/plans`, payload: { createdOn: day(-5) } },
    { method: 'PATCH', url: `${base}/plans/${id}`, payload: { version: 1, status: 'afgerond' } },
    { method: 'POST', url: `${base}/plans/${id}/goals`, payload: { description: 'Werk vinden' } },
    { method: 'POST', url: `${base}/plans/${id}/steps`, payload: { description: 'Solliciteren' } },
    { method: 'PATCH', url: `${base}/plans/${id}/steps/${id}`, payload: { doneOn: day(-1) } },
    { method: 'PATCH', url: `${base}/instrument-allocations/${id}`, payload: { satisfaction: 3 } },
    { method: 'POST', url: `${base}/conversations`, payload: { heldOn: day(-1), kind: 'telefoon' } },
    { method: 'PATCH', url: `${base}/on-hold/${id}`, payload: { endDate: day(-1) } },
    { method: 'POST', url: `${base}/on-hold`, payload: { startDate: day(0), reason: 'Mantelzorg' } },
    { method: 'POST', url: `${base}/ladder-steps`, payload: { step: 3, recordedOn: day(-1) } },
    {
      method: 'POST',
      url: `${base}/intermediate-steps`,
      payload: { achievedOn: day(-1), kind: 'netwerk', description: 'Lid van een buurtclub' },
    },
    {
      method: 'POST',
      url: `${base}/discrimination-discussions`,
      payload: { discussedOn: day(-1), experienced: false },
    },
    { method: 'POST', url: `${base}/feedback`, payload: { conversationId: id, givenOn: day(-5), score: 4 } },
    { method: 'POST', url: `${base}/outflow`, payload: { endDate: day(-1), reason: 'werk' } },
  ];
};

const CHANGED_TABLES = [
  'client',
  'intake',
  'diagnosis',
  'bestand_period',
  'action_plan',
  'plan_goal',
  'plan_step',
  'instrument_allocation',
  'conversation',
  'on_hold_period',
  'ladder_step',
  'intermediate_step',
  'discrimination_discussion',
  'benefit_period',
  'client_feedback',
];

/** The full contents of every table a change could touch. */
async function contents(db: Db): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const t of CHANGED_TABLES) out.push(await db.query(`SELECT * FROM ${t} ORDER BY id`));
  return out;
}

test("a consultant cannot read or change another team's client or a colleague's client through any case-file route", async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await seedRecords(db);
  const anna = await loginAs('anna');
  const before = await contents(db);
  for (const c of [2, 3]) {
    for (const r of routesFor(c)) {
      const res = await inject({ method: r.method, url: r.url, headers: anna, payload: r.payload });
      assert.equal(res.statusCode, 403, `${r.method} ${r.url}: ${res.body}`);
      assert.equal(res.json().code, 'FORBIDDEN_CLIENT', `${r.method} ${r.url}`);
      assert.doesNotMatch(res.body, /Smit|Peters/);
    }
  }
  assert.deepEqual(await contents(db), before, 'a refused request changed the case file');
  const denied = await db.query<{ client_id: number; n: number }>(
    `SELECT client_id, count(*) AS n FROM audit_log WHERE action = 'denied' AND user_id = 1 GROUP BY client_id ORDER BY client_id`,
  );
  assert.deepEqual(denied, [
    { client_id: 2, n: routesFor(2).length },
    { client_id: 3, n: routesFor(3).length },
  ]);
  assert.deepEqual(await db.query(`SELECT id FROM audit_log WHERE action <> 'denied'`), []);
});

test('the rightful consultant may do each of those requests (so the refusals above are about access)', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await seedRecords(db);
  for (const [c, who] of [
    [2, 'bram'],
    [3, 'anton'],
  ] as const) {
    const headers = await loginAs(who);
    for (const r of routesFor(c)) {
      const res = await inject({ method: r.method, url: r.url, headers, payload: r.payload });
      assert.ok([200, 201, 204].includes(res.statusCode), `${who} ${r.method} ${r.url}: ${res.statusCode} ${res.body}`);
    }
  }
  assert.equal((await db.query(`SELECT id FROM audit_log WHERE action = 'denied'`)).length, 0);
});

test("a team leader reads the own team's clients, not another team's; the team leader may also change them", async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await seedRecords(db);
  const tl = await loginAs('tl-a');
  const own = await inject({ method: 'GET', url: '/api/v1/clients/3/file', headers: tl });
  assert.equal(own.statusCode, 200, own.body);
  assert.equal(own.json().client.familyName, 'Peters');
  assert.equal(own.json().status, 'on-hold');
  const other = await inject({ method: 'GET', url: '/api/v1/clients/2/file', headers: tl });
  assert.equal(other.statusCode, 403);
  assert.equal(other.json().code, 'FORBIDDEN_CLIENT');
  const change = await inject({
    method: 'POST',
    url: '/api/v1/clients/2/conversations',
    headers: tl,
    payload: { heldOn: day(-1), kind: 'gesprek' },
  });
  assert.equal(change.statusCode, 403);
  assert.equal((await db.query('SELECT id FROM conversation WHERE client_id = 2')).length, 1);
  const ownChange = await inject({
    method: 'POST',
    url: '/api/v1/clients/3/conversations',
    headers: tl,
    payload: { heldOn: day(-1), kind: 'gesprek' },
  });
  assert.equal(ownChange.statusCode, 201, ownChange.body);
  assert.deepEqual(
    await db.query('SELECT consultant_id FROM conversation WHERE client_id = 3 ORDER BY consultant_id NULLS FIRST'),
    [{ consultant_id: null }, { consultant_id: 3 }],
  );
  const missing = await inject({ method: 'GET', url: '/api/v1/clients/999/file', headers: tl });
  assert.equal(missing.statusCode, 404);
});

test('policy officers and administrators get 403 on every case-file route, and on the team views', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await seedRecords(db);
  const before = await contents(db);
  for (const who of ['beleid', 'beheer']) {
    const headers = await loginAs(who);
    const routes = [
      ...routesFor(3),
      { method: 'GET' as const, url: '/api/v1/clients/3/intervision-summary' },
      { method: 'GET' as const, url: '/api/v1/caseload' },
      { method: 'GET' as const, url: '/api/v1/team/overview' },
      { method: 'GET' as const, url: '/api/v1/team/bottom-of-pile' },
    ];
    for (const r of routes) {
      const res = await inject({
        method: r.method,
        url: r.url,
        headers,
        payload: 'payload' in r ? r.payload : undefined,
      });
      assert.equal(res.statusCode, 403, `${who} ${r.method} ${r.url}: ${res.body}`);
      assert.equal(res.json().code, 'FORBIDDEN_ROLE', `${who} ${r.method} ${r.url}`);
    }
  }
  assert.deepEqual(await contents(db), before);
});

test('intervision summary: team leader of the own team only, anonymised, audit-logged as export', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await db.query(`UPDATE client SET street = 'Lindenlaan', house_number = '12', postcode = '7511 AB', city = 'Enschede',
                    household = 'eenouder', education_level = 'vmbo_mbo1', dutch_language_level = 'A2' WHERE id = 1`);
  await db.query('INSERT INTO benefit_period (client_id, start_date) VALUES (1, $1)', [day(-400)]);
  await db.query(
    `INSERT INTO diagnosis (client_id, given_on, distance, reasons, given_by) VALUES
    (1, $1, 'lang', 'Fatima El Amrani (BSN 111222333, Lindenlaan 12, 7511AB, geboren 01-03-1980) spreekt A2; besproken met Anna de Vries', 1),
    (1, $2, 'kort', 'Mevrouw Amrani heeft B1 gehaald en werkt als vrijwilliger bij Zorgcentrum De Linde', 1)`,
    [day(-380), day(-60)],
  );
  await db.query(`INSERT INTO action_plan (id, client_id, created_on, consultant_id) VALUES (1, 1, $1, 1)`, [
    day(-370),
  ]);
  await db.query(
    `INSERT INTO plan_goal (plan_id, description) VALUES (1, 'Fatima wil als elektricien-assistent of in de zorg werken')`,
  );
  await db.query(
    `INSERT INTO plan_step (plan_id, description, done_on) VALUES (1, 'Cv maken', $1), (1, 'Solliciteren', NULL)`,
    [day(-300)],
  );
  await db.query(
    `INSERT INTO instrument_allocation (client_id, instrument_id, requested_on, started_on, ended_on, outcome, satisfaction, reason, client_wish, allocated_by)
                  VALUES (1, 1, $1, $2, $3, 'afgerond', 4, 'Begeleiding voor Fatima op de werkvloer', 'Graag iemand die Arabisch spreekt', 1)`,
    [day(-200), day(-190), day(-40)],
  );
  for (const [n, kind] of [
    [-300, 'gesprek'],
    [-200, 'telefoon'],
    [-100, 'gesprek'],
  ] as const) {
    await db.query(
      `INSERT INTO conversation (client_id, held_on, kind, summary, consultant_id) VALUES (1, $1, $2, 'Fatima vertelde over haar kinderen', 1)`,
      [day(n), kind],
    );
  }
  await db.query(
    `INSERT INTO ladder_step (client_id, step, recorded_on, note) VALUES (1, 2, $1, 'Fatima'), (1, 4, $2, NULL)`,
    [day(-350), day(-150)],
  );
  await db.query(
    `INSERT INTO work_period (client_id, employer, start_date, hours_per_week, wage_cost_subsidy) VALUES (1, 'Zorgcentrum De Linde', $1, 24, true)`,
    [day(-30)],
  );

  // Free texts only when the team leader confirms they hold no health details (see security-attacks for the default).
  const res = await inject({
    method: 'GET',
    url: '/api/v1/clients/1/intervision-summary?geenGezondheidsgegevens=true',
    headers: await loginAs('tl-a'),
  });
  assert.equal(res.statusCode, 200, res.body);
  for (const secret of [
    'Fatima',
    'El Amrani',
    'Amrani',
    '111222333',
    'Lindenlaan',
    '7511',
    '1980-03-01',
    '01-03-1980',
    '1980',
    'Anna',
    'Vries',
    'De Linde',
    'Zorgcentrum',
    'Arabisch',
    'kinderen',
    'Enschede',
  ]) {
    assert.ok(!res.body.toLowerCase().includes(secret.toLowerCase()), `summary contains "${secret}": ${res.body}`);
  }
  const s = res.json();
  assert.equal(s.ageBand, '45+');
  assert.deepEqual(
    [s.household, s.educationLevel, s.dutchLanguageLevel, s.status],
    ['eenouder', 'vmbo_mbo1', 'A2', 'actief'],
  );
  assert.deepEqual(s.diagnoses, [
    {
      month: day(-60).slice(0, 7),
      distance: 'kort',
      reasons: 'Mevrouw […] heeft B1 gehaald en werkt als vrijwilliger bij […]',
    },
    {
      month: day(-380).slice(0, 7),
      distance: 'lang',
      reasons: '[…] (BSN […], […], […], geboren […]) spreekt A2; besproken met […]',
    },
  ]);
  assert.deepEqual(s.plans, [
    {
      month: day(-370).slice(0, 7),
      status: 'actief',
      goals: ['[…] wil als elektricien-assistent of in de zorg werken'],
      steps: 2,
      stepsDone: 1,
    },
  ]);
  assert.deepEqual(s.instruments, [
    {
      name: 'Jobcoach',
      srgCode: 30,
      requestedMonth: day(-200).slice(0, 7),
      startedMonth: day(-190).slice(0, 7),
      endedMonth: day(-40).slice(0, 7),
      outcome: 'afgerond',
      satisfaction: 4,
      reason: 'Begeleiding voor […] op de werkvloer',
    },
  ]);
  assert.deepEqual(s.conversations, { total: 3, byKind: { gesprek: 2, telefoon: 1 } });
  assert.deepEqual(
    s.ladderSteps.map((l: { step: number }) => l.step),
    [4, 2],
  );
  assert.deepEqual(s.workPeriods, [
    {
      employer: 'werkgever',
      startMonth: day(-30).slice(0, 7),
      endMonth: null,
      hoursPerWeek: 24,
      wageCostSubsidy: true,
    },
  ]);
  assert.deepEqual(
    await db.query(`SELECT user_id, client_id, action FROM audit_log WHERE resource = 'intervision-summary'`),
    [{ user_id: 3, client_id: 1, action: 'export' }],
  );

  const consultant = await inject({
    method: 'GET',
    url: '/api/v1/clients/1/intervision-summary',
    headers: await loginAs('anna'),
  });
  assert.equal(consultant.statusCode, 403, 'not even for the own client');
  assert.equal(consultant.json().code, 'FORBIDDEN_ROLE');
  const otherTeam = await inject({
    method: 'GET',
    url: '/api/v1/clients/2/intervision-summary',
    headers: await loginAs('tl-a'),
  });
  assert.equal(otherTeam.statusCode, 403);
  assert.equal(otherTeam.json().code, 'FORBIDDEN_CLIENT');
  assert.equal((await db.query(`SELECT id FROM audit_log WHERE resource = 'intervision-summary'`)).length, 1);
});
