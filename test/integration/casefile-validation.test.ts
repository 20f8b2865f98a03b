import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { Db } from '../../src/store/db.js';
import { addDays } from '../../src/domain/casefile-rules.js';
import { todayIso } from '../../src/server/formats.js';

const day = (n: number): string => addDays(todayIso(), n);
const FUTURE = 'Deze datum ligt in de toekomst of is geen geldige datum (JJJJ-MM-DD).';

const count = async (db: Db, sql: string): Promise<number> =>
  (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${sql}`))[0].n;

/** Every table a change route writes to, with its row count, to prove a refusal wrote nothing. */
async function snapshot(db: Db): Promise<Record<string, number>> {
  const tables = [
    'intake',
    'intake_domain_score',
    'diagnosis',
    'bestand_period',
    'action_plan',
    'plan_goal',
    'plan_step',
    'conversation',
    'on_hold_period',
    'ladder_step',
    'intermediate_step',
    'discrimination_discussion',
    'benefit_period',
    'client_feedback',
    'audit_log',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await count(db, t);
  return out;
}

interface Ctx extends TestApp {
  anna: Record<string, string>;
}

async function setup(t: Parameters<typeof buildTestApp>[0]): Promise<Ctx> {
  const ta = await buildTestApp(t);
  await ta.db.query(
    `INSERT INTO life_domain (id, municipality_id, code, name) VALUES (1, 1, 'taal', 'Taal'), (2, 1, 'oud', 'Oud')`,
  );
  await ta.db.query('UPDATE life_domain SET active = false WHERE id = 2');
  return { ...ta, anna: await loginAs(ta) };
}
const loginAs = (ta: TestApp) => ta.loginAs('anna');

/** Sends a refused request and checks: 400, problem+json, exactly these fields and reasons, and nothing written. */
async function refused(
  c: Ctx,
  method: 'POST' | 'PATCH',
  path: string,
  payload: object,
  expected: { name: string; reason: string }[],
): Promise<void> {
  const before = await snapshot(c.db);
  const res = await c.inject({ method, url: `/api/v1/clients/1${path}`, headers: c.anna, payload });
  assert.equal(res.statusCode, 400, `${method} ${path}: ${res.body}`);
  assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
  assert.equal(res.json().code, 'VALIDATION');
  assert.deepEqual(res.json().invalidParams, expected, `${method} ${path}`);
  assert.deepEqual(await snapshot(c.db), before, `${method} ${path} wrote something`);
}

test('validation: ladder step 7, unknown conversation kind, future conversation date, impossible date', async (t) => {
  const c = await setup(t);
  await refused(c, 'POST', '/ladder-steps', { step: 7, recordedOn: day(-1) }, [
    { name: 'step', reason: 'Hoogstens 6.' },
  ]);
  await refused(c, 'POST', '/ladder-steps', { step: 0, recordedOn: day(-1) }, [
    { name: 'step', reason: 'Minstens 1.' },
  ]);
  await refused(c, 'POST', '/conversations', { heldOn: day(-1), kind: 'email' }, [
    { name: 'kind', reason: 'Onbekende waarde. Kies uit: gesprek, telefoon, video, huisbezoek.' },
  ]);
  await refused(c, 'POST', '/conversations', { heldOn: day(1), kind: 'gesprek' }, [{ name: 'heldOn', reason: FUTURE }]);
  await refused(c, 'POST', '/conversations', { heldOn: '2025-02-30', kind: 'gesprek' }, [
    { name: 'heldOn', reason: FUTURE },
  ]);
  await refused(c, 'POST', '/conversations', { heldOn: day(-5), kind: 'gesprek', nextAppointment: day(-6) }, [
    { name: 'nextAppointment', reason: 'De vervolgafspraak ligt vóór de datum van het gesprek.' },
  ]);
  await refused(c, 'POST', '/conversations', { kind: 'gesprek' }, [
    { name: 'heldOn', reason: 'Dit veld is verplicht.' },
  ]);
});

test('validation: intake scores 1–5 on known, active life domains; nothing half-written', async (t) => {
  const c = await setup(t);
  await refused(c, 'POST', '/intakes', { heldOn: day(-1), scores: [{ lifeDomainId: 1, score: 6 }] }, [
    { name: 'scores.0.score', reason: 'Hoogstens 5.' },
  ]);
  await refused(
    c,
    'POST',
    '/intakes',
    {
      heldOn: day(-1),
      scores: [
        { lifeDomainId: 1, score: 3 },
        { lifeDomainId: 99, score: 3 },
      ],
    },
    [{ name: 'scores.1.lifeDomainId', reason: 'Onbekend leefgebied 99.' }],
  );
  await refused(c, 'POST', '/intakes', { heldOn: day(-1), scores: [{ lifeDomainId: 2, score: 3 }] }, [
    { name: 'scores.0.lifeDomainId', reason: 'Onbekend leefgebied 2.' },
  ]);
  await refused(
    c,
    'POST',
    '/intakes',
    {
      heldOn: day(-1),
      scores: [
        { lifeDomainId: 1, score: 3 },
        { lifeDomainId: 1, score: 4 },
      ],
    },
    [{ name: 'scores.1.lifeDomainId', reason: 'Dit leefgebied staat al eerder in de lijst.' }],
  );
});

test('validation: diagnosis needs reasons and a known distance; given_by is the user', async (t) => {
  const c = await setup(t);
  await refused(c, 'POST', '/diagnoses', { givenOn: day(-1), distance: 'kort' }, [
    { name: 'reasons', reason: 'Dit veld is verplicht.' },
  ]);
  await refused(c, 'POST', '/diagnoses', { givenOn: day(-1), distance: 'kort', reasons: '   ' }, [
    { name: 'reasons', reason: 'Dit veld mag niet leeg zijn.' },
  ]);
  await refused(c, 'POST', '/diagnoses', { givenOn: day(-1), distance: 'middel', reasons: 'x' }, [
    { name: 'distance', reason: 'Onbekende waarde. Kies uit: kort, lang.' },
  ]);
  await refused(c, 'POST', '/diagnoses', { givenOn: day(-1), distance: 'kort', reasons: 'x', givenBy: 6 }, [
    { name: 'givenBy', reason: 'Onbekend veld: givenBy.' },
  ]);
  const ok = await c.inject({
    method: 'POST',
    url: '/api/v1/clients/1/diagnoses',
    headers: c.anna,
    payload: { givenOn: day(-1), distance: 'kort', reasons: ' Startkwalificatie en recente werkervaring ' },
  });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.deepEqual(await c.db.query('SELECT client_id, distance, reasons, given_by FROM diagnosis'), [
    { client_id: 1, distance: 'kort', reasons: 'Startkwalificatie en recente werkervaring', given_by: 1 },
  ]);
});

test('validation: end before start, satisfaction 6 and inconsistent outcomes of an instrument', async (t) => {
  const c = await setup(t);
  await c.db.query(
    `INSERT INTO instrument_allocation (id, client_id, instrument_id, requested_on, started_on, reason) VALUES (1, 1, 1, $1, $2, 'Werkplekbegeleiding')`,
    [day(-100), day(-90)],
  );
  const before = await c.db.query('SELECT started_on, ended_on, outcome, satisfaction FROM instrument_allocation');
  await refused(c, 'PATCH', '/instrument-allocations/1', { satisfaction: 6 }, [
    { name: 'satisfaction', reason: 'Hoogstens 5.' },
  ]);
  await refused(c, 'PATCH', '/instrument-allocations/1', { endedOn: day(-95) }, [
    { name: 'endedOn', reason: 'De einddatum ligt vóór de begindatum.' },
  ]);
  await refused(c, 'PATCH', '/instrument-allocations/1', { startedOn: day(-101) }, [
    { name: 'startedOn', reason: `De start ligt vóór de aanvraag (${day(-100)}).` },
  ]);
  await refused(c, 'PATCH', '/instrument-allocations/1', { startedOn: null, endedOn: day(-10) }, [
    { name: 'endedOn', reason: 'Een voorziening die niet is gestart, kan niet eindigen. Vul eerst de startdatum in.' },
  ]);
  await refused(c, 'PATCH', '/instrument-allocations/1', { outcome: 'afgerond' }, [
    { name: 'outcome', reason: 'Deze uitkomst hoort bij een voorziening die is geëindigd. Vul ook de einddatum in.' },
  ]);
  await refused(c, 'PATCH', '/instrument-allocations/1', { outcome: 'niet_gestart' }, [
    { name: 'outcome', reason: 'De uitkomst "niet gestart" past niet bij een startdatum.' },
  ]);
  await refused(c, 'PATCH', '/instrument-allocations/1', {}, [
    { name: 'body', reason: 'Geef minstens één gegeven om te wijzigen.' },
  ]);
  assert.deepEqual(
    await c.db.query('SELECT started_on, ended_on, outcome, satisfaction FROM instrument_allocation'),
    before,
  );
  const missing = await c.inject({
    method: 'PATCH',
    url: '/api/v1/clients/1/instrument-allocations/2',
    headers: c.anna,
    payload: { satisfaction: 3 },
  });
  assert.equal(missing.statusCode, 404);
});

test('validation: on hold (end before start, twice), bestand (same one, start not after the last), outflow and feedback', async (t) => {
  const c = await setup(t);
  const hold = await c.inject({
    method: 'POST',
    url: '/api/v1/clients/1/on-hold',
    headers: c.anna,
    payload: { startDate: day(-30), reason: 'Ziekenhuisopname' },
  });
  assert.equal(hold.statusCode, 201);
  await refused(c, 'POST', '/on-hold', { startDate: day(-3), reason: 'Nog eens' }, [
    { name: 'startDate', reason: `De begeleiding staat al on hold sinds ${day(-30)}. Beëindig die periode eerst.` },
  ]);
  await refused(c, 'PATCH', `/on-hold/${hold.json().id}`, { endDate: day(-31) }, [
    { name: 'endDate', reason: 'De einddatum ligt vóór de begindatum.' },
  ]);
  await refused(c, 'POST', '/on-hold', { startDate: day(-3) }, [{ name: 'reason', reason: 'Dit veld is verplicht.' }]);

  const wijk = await c.inject({
    method: 'POST',
    url: '/api/v1/clients/1/bestand',
    headers: c.anna,
    payload: { bestand: 'wijk', startDate: day(-50) },
  });
  assert.equal(wijk.statusCode, 201);
  await refused(c, 'POST', '/bestand', { bestand: 'wijk', startDate: day(-10) }, [
    { name: 'bestand', reason: `De klant zit al in dit bestand (sinds ${day(-50)}).` },
  ]);
  await refused(c, 'POST', '/bestand', { bestand: 'werkplein', startDate: day(-50) }, [
    { name: 'startDate', reason: `De begindatum moet na ${day(-50)} liggen, de begindatum van het vorige bestand.` },
  ]);

  await c.db.query('INSERT INTO benefit_period (client_id, start_date) VALUES (1, $1)', [day(-200)]);
  await refused(c, 'POST', '/outflow', { endDate: day(-201), reason: 'werk' }, [
    { name: 'endDate', reason: `De einddatum ligt vóór de begindatum van de uitkering (${day(-200)}).` },
  ]);
  await refused(c, 'POST', '/outflow', { endDate: day(-1), reason: 'loterij' }, [
    {
      name: 'reason',
      reason:
        'Onbekende waarde. Kies uit: werk, werk_met_loonkostensubsidie, onderwijs, inkomen_partner, verhuizing, aow, overlijden, detentie, overig.',
    },
  ]);
  await refused(c, 'POST', '/outflow', { endDate: day(3), reason: 'werk' }, [{ name: 'endDate', reason: FUTURE }]);

  // feedback on another client's conversation is an unknown id for this client
  await c.db.query(
    `INSERT INTO conversation (id, client_id, held_on, kind) VALUES (50, 2, $1, 'gesprek'), (51, 1, $1, 'gesprek')`,
    [day(-10)],
  );
  await refused(c, 'POST', '/feedback', { conversationId: 50, givenOn: day(-9), score: 4 }, [
    { name: 'conversationId', reason: 'Onbekend gesprek 50 bij deze klant.' },
  ]);
  await refused(c, 'POST', '/feedback', { conversationId: 51, givenOn: day(-9), score: 6 }, [
    { name: 'score', reason: 'Hoogstens 5.' },
  ]);
  await refused(c, 'POST', '/feedback', { conversationId: 51, givenOn: day(-11), score: 4 }, [
    { name: 'givenOn', reason: `De feedback ligt vóór het gesprek (${day(-10)}).` },
  ]);
});

test('validation: discrimination grounds from the code list, and only when experienced', async (t) => {
  const c = await setup(t);
  await refused(
    c,
    'POST',
    '/discrimination-discussions',
    { discussedOn: day(-1), experienced: true, grounds: ['uiterlijk'] },
    [
      {
        name: 'grounds.0',
        reason: 'Onbekende waarde. Kies uit: herkomst, religie, geslacht, leeftijd, beperking, anders.',
      },
    ],
  );
  await refused(
    c,
    'POST',
    '/discrimination-discussions',
    { discussedOn: day(-1), experienced: false, grounds: ['leeftijd'] },
    [
      {
        name: 'grounds',
        reason: 'Gronden horen alleen bij ervaren discriminatie; laat dit leeg of kies bij "ervaren" ja.',
      },
    ],
  );
  const ok = await c.inject({
    method: 'POST',
    url: '/api/v1/clients/1/discrimination-discussions',
    headers: c.anna,
    payload: {
      discussedOn: day(-1),
      experienced: true,
      grounds: ['leeftijd', 'geslacht'],
      actionTaken: 'Besproken; geen melding gewenst',
    },
  });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.deepEqual(await c.db.query('SELECT experienced, grounds, consultant_id FROM discrimination_discussion'), [
    { experienced: true, grounds: ['leeftijd', 'geslacht'], consultant_id: 1 },
  ]);
});

test("validation: plan steps name an unknown goal; another client's plan is not found", async (t) => {
  const c = await setup(t);
  const plan = await c.inject({
    method: 'POST',
    url: '/api/v1/clients/1/plans',
    headers: c.anna,
    payload: { createdOn: day(-30), goals: ['Werk vinden'] },
  });
  assert.equal(plan.statusCode, 201, plan.body);
  await c.db.query(`INSERT INTO action_plan (id, client_id, created_on) VALUES (90, 2, $1)`, [day(-30)]);
  await c.db.query(`INSERT INTO plan_goal (id, plan_id, description) VALUES (900, 90, 'Doel van een ander')`);
  await refused(c, 'POST', `/plans/${plan.json().id}/steps`, { description: 'Stap', goalId: 900 }, [
    { name: 'goalId', reason: 'Onbekend doel 900 in dit plan.' },
  ]);
  await refused(c, 'POST', `/plans/${plan.json().id}/steps`, { description: 'Stap', dueOn: day(-31) }, [
    { name: 'dueOn', reason: `De datum ligt vóór het begin van het plan (${day(-30)}).` },
  ]);
  await refused(c, 'POST', '/plans', { createdOn: day(-1), goals: ['  '] }, [
    { name: 'goals.0', reason: 'Dit veld mag niet leeg zijn.' },
  ]);
  const step = await c.inject({
    method: 'POST',
    url: `/api/v1/clients/1/plans/${plan.json().id}/steps`,
    headers: c.anna,
    payload: { description: 'Cv maken' },
  });
  assert.equal(step.statusCode, 201, step.body);
  const stepUrl = `/api/v1/clients/1/plans/${plan.json().id}/steps/${step.json().id}`;
  assert.equal(
    (await c.inject({ method: 'PATCH', url: stepUrl, headers: c.anna, payload: { doneOn: day(-2) } })).statusCode,
    204,
  );
  assert.deepEqual(await c.db.query('SELECT done_on FROM plan_step WHERE id = $1', [step.json().id]), [
    { done_on: day(-2) },
  ]);
  assert.equal(
    (await c.inject({ method: 'PATCH', url: stepUrl, headers: c.anna, payload: { doneOn: null } })).statusCode,
    204,
    'undo',
  );
  assert.deepEqual(await c.db.query('SELECT done_on FROM plan_step WHERE id = $1', [step.json().id]), [
    { done_on: null },
  ]);
  await refused(c, 'PATCH', `/plans/${plan.json().id}/steps/${step.json().id}`, { doneOn: day(1) }, [
    { name: 'doneOn', reason: FUTURE },
  ]);
  const before = await snapshot(c.db);
  const foreign = await c.inject({
    method: 'POST',
    url: '/api/v1/clients/1/plans/90/goals',
    headers: c.anna,
    payload: { description: 'Inbreken' },
  });
  assert.equal(foreign.statusCode, 404);
  assert.equal(foreign.json().code, 'NOT_FOUND');
  assert.deepEqual(await snapshot(c.db), before);
});

test('optimistic locking of personal data: the second edit with the same version gets 409 and the first change stays', async (t) => {
  const c = await setup(t);
  const first = await c.inject({
    method: 'PATCH',
    url: '/api/v1/clients/1',
    headers: c.anna,
    payload: { version: 1, city: 'Enschede', household: 'eenouder' },
  });
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), { version: 2 });
  const tl = await c.loginAs('tl-a');
  const second = await c.inject({
    method: 'PATCH',
    url: '/api/v1/clients/1',
    headers: tl,
    payload: { version: 1, city: 'Hengelo' },
  });
  assert.equal(second.statusCode, 409);
  assert.match(second.headers['content-type'] as string, /application\/problem\+json/);
  assert.equal(second.json().code, 'CONFLICT_VERSION');
  assert.deepEqual(await c.db.query('SELECT city, household, version FROM client WHERE id = 1'), [
    { city: 'Enschede', household: 'eenouder', version: 2 },
  ]);
  assert.deepEqual(
    await c.db.query(`SELECT user_id, action, detail FROM audit_log WHERE resource = 'client' ORDER BY id`),
    [{ user_id: 1, action: 'update', detail: 'velden: city, household' }],
  );

  // Two at once with the current version: exactly one wins.
  const both = await Promise.all([
    c.inject({ method: 'PATCH', url: '/api/v1/clients/1', headers: c.anna, payload: { version: 2, city: 'Almelo' } }),
    c.inject({ method: 'PATCH', url: '/api/v1/clients/1', headers: tl, payload: { version: 2, city: 'Oldenzaal' } }),
  ]);
  assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
  const winner = both.find((r) => r.statusCode === 200) === both[0] ? 'Almelo' : 'Oldenzaal';
  assert.deepEqual(await c.db.query('SELECT city, version FROM client WHERE id = 1'), [{ city: winner, version: 3 }]);

  const invalidEdit = await c.inject({
    method: 'PATCH',
    url: '/api/v1/clients/1',
    headers: c.anna,
    payload: { version: 3, birthDate: day(2) },
  });
  assert.equal(invalidEdit.statusCode, 400);
  assert.deepEqual(invalidEdit.json().invalidParams, [{ name: 'birthDate', reason: FUTURE }]);
  const noVersion = await c.inject({
    method: 'PATCH',
    url: '/api/v1/clients/1',
    headers: c.anna,
    payload: { city: 'Enschede' },
  });
  assert.deepEqual(noVersion.json().invalidParams, [{ name: 'version', reason: 'Dit veld is verplicht.' }]);
  const bsn = await c.inject({
    method: 'PATCH',
    url: '/api/v1/clients/1',
    headers: c.anna,
    payload: { version: 3, bsn: '123456782' },
  });
  assert.deepEqual(bsn.json().invalidParams, [{ name: 'bsn', reason: 'Onbekend veld: bsn.' }]);
  assert.deepEqual(await c.db.query('SELECT bsn, version FROM client WHERE id = 1'), [
    { bsn: '111222333', version: 3 },
  ]);
});

test('optimistic locking of a plan: a stale version gets 409 CONFLICT_VERSION and writes nothing', async (t) => {
  const c = await setup(t);
  const plan = await c.inject({
    method: 'POST',
    url: '/api/v1/clients/1/plans',
    headers: c.anna,
    payload: { createdOn: day(-30) },
  });
  const planId = plan.json().id as number;
  assert.deepEqual(plan.json(), { id: planId, version: 1 });
  const first = await c.inject({
    method: 'PATCH',
    url: `/api/v1/clients/1/plans/${planId}`,
    headers: c.anna,
    payload: { version: 1, status: 'afgerond' },
  });
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), { version: 2 });
  const auditBefore = await count(c.db, 'audit_log');
  const second = await c.inject({
    method: 'PATCH',
    url: `/api/v1/clients/1/plans/${planId}`,
    headers: c.anna,
    payload: { version: 1, status: 'concept' },
  });
  assert.equal(second.statusCode, 409);
  assert.equal(second.json().code, 'CONFLICT_VERSION');
  assert.deepEqual(await c.db.query('SELECT status, version FROM action_plan WHERE id = $1', [planId]), [
    { status: 'afgerond', version: 2 },
  ]);
  assert.equal(await count(c.db, 'audit_log'), auditBefore);
});
