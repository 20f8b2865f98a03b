import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../helpers/app.js';
import { addDays } from '../../src/domain/casefile-rules.js';
import { todayIso } from '../../src/server/formats.js';

const day = (n: number): string => addDays(todayIso(), n);

test('the whole guidance process through the API ends up in the client file, one audit row per change and read', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await db.query('INSERT INTO benefit_period (client_id, start_date) VALUES (1, $1)', [day(-400)]);

  // The administrator configures two life domains (audit rows without a person).
  const admin = await loginAs('beheer');
  const domainIds: number[] = [];
  for (const [code, name] of [
    ['werk_opleiding', 'Werk en opleiding'],
    ['taal', 'Taal'],
  ]) {
    const res = await inject({ method: 'POST', url: '/api/v1/life-domains', headers: admin, payload: { code, name } });
    assert.equal(res.statusCode, 201, res.body);
    domainIds.push(res.json().id);
  }

  const anna = await loginAs('anna');
  const post = async (path: string, payload: object, status = 201) => {
    const res = await inject({ method: 'POST', url: `/api/v1/clients/1${path}`, headers: anna, payload });
    assert.equal(res.statusCode, status, `${path}: ${res.body}`);
    return res.statusCode === 201 ? (res.json() as { id: number; version?: number }) : null;
  };
  const patch = async (path: string, payload: object, status = 204) => {
    const res = await inject({ method: 'PATCH', url: `/api/v1/clients/1${path}`, headers: anna, payload });
    assert.equal(res.statusCode, status, `${path}: ${res.body}`);
    return res;
  };

  const intake = await post('/intakes', {
    heldOn: day(-380),
    wishes: 'Werken in de zorg',
    diplomas: 'Diploma verpleegkunde (Marokko)',
    foreignDiplomaValued: false,
    scores: [
      { lifeDomainId: domainIds[0], score: 2, note: 'Geen recent werk' },
      { lifeDomainId: domainIds[1], score: 3 },
    ],
  });
  await post('/diagnoses', {
    givenOn: day(-370),
    distance: 'lang',
    reasons: 'Taalniveau A2, geen werkervaring in Nederland',
  });
  await post('/diagnoses', {
    givenOn: day(-100),
    distance: 'kort',
    reasons: 'Taalniveau B1 gehaald; werkervaring opgedaan',
  });
  await post('/bestand', { bestand: 'wijk', startDate: day(-370) });
  await post('/bestand', { bestand: 'werkplein', startDate: day(-100) });
  const plan = await post('/plans', { createdOn: day(-360), goals: ['Taalniveau B1 halen'] });
  assert.equal(plan!.version, 1);
  const goal = await post(`/plans/${plan!.id}/goals`, { description: 'Werkervaring in de zorg opdoen' });
  const step = await post(`/plans/${plan!.id}/steps`, {
    description: 'Aanmelden bij het zorgcentrum',
    goalId: goal!.id,
    dueOn: day(-300),
  });
  await patch(`/plans/${plan!.id}/steps/${step!.id}`, { doneOn: day(-310) });

  const allocation = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/instrument-allocations',
    headers: anna,
    payload: {
      instrumentCode: 'JOBCOACH',
      requestedOn: day(-200),
      reason: 'Begeleiding in de eerste maanden op de werkvloer',
      clientWish: 'Iemand om op terug te vallen',
    },
  });
  assert.equal(allocation.statusCode, 201, allocation.body);
  const allocationId = allocation.json().id as number;
  await patch(`/instrument-allocations/${allocationId}`, { startedOn: day(-190) });
  await patch(`/instrument-allocations/${allocationId}`, { endedOn: day(-40), outcome: 'afgerond', satisfaction: 4 });

  const conversationIds: number[] = [];
  for (const [n, kind] of [
    [-300, 'gesprek'],
    [-200, 'telefoon'],
    [-100, 'huisbezoek'],
    [-20, 'video'],
  ] as const) {
    const c = await post('/conversations', {
      heldOn: day(n),
      kind,
      location: 'Wijkcentrum',
      summary: `Gesprek ${n}`,
      nextAppointment: day(n + 30),
    });
    conversationIds.push(c!.id);
  }
  const hold = await post('/on-hold', { startDate: day(-250), reason: 'Operatie en herstel' });
  await patch(`/on-hold/${hold!.id}`, { endDate: day(-220) });
  await post('/ladder-steps', { step: 2, recordedOn: day(-350) });
  await post('/ladder-steps', { step: 4, recordedOn: day(-150), note: 'Vrijwilligerswerk in het zorgcentrum' });
  await post('/intermediate-steps', { achievedOn: day(-180), kind: 'taal', description: 'Taalniveau B1 gehaald' });
  await post('/discrimination-discussions', {
    discussedOn: day(-150),
    experienced: true,
    grounds: ['herkomst'],
    actionTaken: 'Melding besproken, doorverwezen naar het antidiscriminatiebureau',
  });
  const work = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/work-periods',
    headers: anna,
    payload: { employer: 'Zorgcentrum De Linde', startDate: day(-30), hoursPerWeek: 24, wageCostSubsidy: true },
  });
  assert.equal(work.statusCode, 201, work.body);
  await post('/outflow', { endDate: day(-1), reason: 'werk_met_loonkostensubsidie' });
  await post('/feedback', { conversationId: conversationIds[3], givenOn: day(-19), score: 5, comment: 'Fijn gesprek' });

  const res = await inject({ method: 'GET', url: '/api/v1/clients/1/file', headers: anna });
  assert.equal(res.statusCode, 200, res.body);
  const file = res.json();
  assert.equal(file.client.familyName, 'El Amrani');
  assert.equal(file.client.version, 1);
  assert.equal(file.status, 'uitgestroomd');
  assert.deepEqual(file.benefitPeriods, [
    { id: file.benefitPeriods[0].id, startDate: day(-400), endDate: day(-1), endReason: 'werk_met_loonkostensubsidie' },
  ]);
  assert.equal(file.intakes.length, 1);
  assert.equal(file.intakes[0].id, intake!.id);
  assert.equal(file.intakes[0].consultantName, 'Anna de Vries');
  assert.equal(file.intakes[0].foreignDiplomaValued, false);
  assert.deepEqual(file.intakes[0].scores, [
    {
      lifeDomainId: domainIds[0],
      lifeDomainCode: 'werk_opleiding',
      lifeDomainName: 'Werk en opleiding',
      score: 2,
      note: 'Geen recent werk',
    },
    { lifeDomainId: domainIds[1], lifeDomainCode: 'taal', lifeDomainName: 'Taal', score: 3, note: null },
  ]);
  assert.deepEqual(
    file.diagnoses.map((d: { distance: string; givenOn: string; givenByName: string }) => [
      d.distance,
      d.givenOn,
      d.givenByName,
    ]),
    [
      ['kort', day(-100), 'Anna de Vries'],
      ['lang', day(-370), 'Anna de Vries'],
    ],
    'latest first, with who gave it',
  );
  assert.deepEqual(
    file.bestandPeriods.map((b: { bestand: string; startDate: string; endDate: string | null }) => [
      b.bestand,
      b.startDate,
      b.endDate,
    ]),
    [
      ['wijk', day(-370), day(-101)],
      ['werkplein', day(-100), null],
    ],
    'the bestand change closed the open period the day before',
  );
  assert.equal(file.plans.length, 1);
  assert.deepEqual(
    { ...file.plans[0], goals: undefined, steps: undefined },
    {
      id: plan!.id,
      createdOn: day(-360),
      status: 'actief',
      consultantId: 1,
      consultantName: 'Anna de Vries',
      version: 1,
      goals: undefined,
      steps: undefined,
    },
  );
  assert.deepEqual(
    file.plans[0].goals.map((g: { description: string }) => g.description),
    ['Taalniveau B1 halen', 'Werkervaring in de zorg opdoen'],
  );
  assert.deepEqual(file.plans[0].steps, [
    {
      id: step!.id,
      goalId: goal!.id,
      description: 'Aanmelden bij het zorgcentrum',
      dueOn: day(-300),
      doneOn: day(-310),
    },
  ]);
  assert.deepEqual(file.instrumentAllocations, [
    {
      id: allocationId,
      instrumentId: 1,
      instrumentCode: 'JOBCOACH',
      instrumentName: 'Jobcoach',
      srgCode: 30,
      srgName: 'Jobcoach / begeleiding op de werkplek',
      targetGroup: null,
      targetGroupNote: null,
      targetGroupConfirmed: false,
      requestedOn: day(-200),
      startedOn: day(-190),
      endedOn: day(-40),
      outcome: 'afgerond',
      satisfaction: 4,
      reason: 'Begeleiding in de eerste maanden op de werkvloer',
      clientWish: 'Iemand om op terug te vallen',
      allocatedById: 1,
      allocatedByName: 'Anna de Vries',
    },
  ]);
  assert.deepEqual(
    file.conversations.map((c: { heldOn: string; kind: string }) => [c.heldOn, c.kind]),
    [
      [day(-20), 'video'],
      [day(-100), 'huisbezoek'],
      [day(-200), 'telefoon'],
      [day(-300), 'gesprek'],
    ],
    'latest first',
  );
  assert.equal(file.conversations[0].nextAppointment, day(10));
  assert.deepEqual(file.onHoldPeriods, [
    { id: hold!.id, startDate: day(-250), endDate: day(-220), reason: 'Operatie en herstel' },
  ]);
  assert.deepEqual(
    file.ladderSteps.map((l: { step: number; stepName: string }) => [l.step, l.stepName]),
    [
      [4, 'Onbetaald werk'],
      [2, 'Sociale contacten buitenshuis'],
    ],
  );
  assert.deepEqual(
    file.intermediateSteps.map((s: { kind: string }) => s.kind),
    ['taal'],
  );
  assert.deepEqual(
    file.discriminationDiscussions.map((d: { experienced: boolean; grounds: string[] }) => [d.experienced, d.grounds]),
    [[true, ['herkomst']]],
  );
  assert.deepEqual(
    file.workPeriods.map((w: { employer: string; hoursPerWeek: number; wageCostSubsidy: boolean }) => [
      w.employer,
      w.hoursPerWeek,
      w.wageCostSubsidy,
    ]),
    [['Zorgcentrum De Linde', 24, true]],
  );
  assert.deepEqual(file.feedback, [
    {
      id: file.feedback[0].id,
      conversationId: conversationIds[3],
      givenOn: day(-19),
      score: 5,
      comment: 'Fijn gesprek',
    },
  ]);

  // One audit row per change and one for the read, all by anna about client 1, in order.
  const audit = await db.query<{ action: string; resource: string; user_id: number }>(
    'SELECT action, resource, user_id FROM audit_log WHERE client_id = 1 ORDER BY id',
  );
  assert.ok(audit.every((a) => a.user_id === 1));
  assert.deepEqual(
    audit.map((a) => `${a.action} ${a.resource}`),
    [
      'create intake',
      'create diagnosis',
      'create diagnosis',
      'create bestand_period',
      'create bestand_period',
      'create action_plan',
      'create plan_goal',
      'create plan_step',
      'update plan_step',
      'create instrument_allocation',
      'update instrument_allocation',
      'update instrument_allocation',
      'create conversation',
      'create conversation',
      'create conversation',
      'create conversation',
      'create on_hold_period',
      'update on_hold_period',
      'create ladder_step',
      'create ladder_step',
      'create intermediate_step',
      'create discrimination_discussion',
      'create work_period',
      'update benefit_period',
      'create client_feedback',
      'read client-file',
    ],
  );
  assert.deepEqual(await db.query(`SELECT action, resource FROM audit_log WHERE client_id IS NULL ORDER BY id`), [
    { action: 'create', resource: 'life_domain' },
    { action: 'create', resource: 'life_domain' },
  ]);
});

test('the client file never carries special-category data, even when the monitoring schema holds some', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await db.query(`INSERT INTO monitoring.person (pseudonym, municipality_id, birth_country, nationality, statushouder, religion, health_limitation)
                  VALUES ('p-test', 1, 'MA', 'MA', true, 'islam', true)`);
  const res = await inject({ method: 'GET', url: '/api/v1/clients/1/file', headers: await loginAs('anna') });
  assert.equal(res.statusCode, 200);
  for (const word of [
    'birth_?country',
    'nationality',
    'religion',
    'islam',
    'health',
    'statushouder',
    'migrat',
    'pseudonym',
    '"MA"',
  ]) {
    assert.doesNotMatch(res.body, new RegExp(word, 'i'));
  }
});

test('an outflow without a running benefit is refused with NO_OPEN_BENEFIT and writes nothing', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const res = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/outflow',
    headers: await loginAs('anna'),
    payload: { endDate: day(-1), reason: 'werk' },
  });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().code, 'NO_OPEN_BENEFIT');
  assert.equal(res.json().title, 'Deze klant heeft geen lopende uitkering.');
  assert.deepEqual(await db.query(`SELECT id FROM audit_log WHERE resource = 'benefit_period'`), []);
});
