import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { Db } from '../../src/store/db.js';
import { addDays } from '../../src/domain/casefile-rules.js';
import { todayIso } from '../../src/server/formats.js';

/** The date `n` days from today (negative: in the past). */
const day = (n: number): string => addDays(todayIso(), n);

interface Item {
  id: number;
  status: string;
  lastConversation: string | null;
  nextConversation: string | null;
  daysWithoutConversation: number;
  conversationsLast12Months: number;
  ladderStep: number | null;
  diagnosis: string | null;
  bestand: string | null;
  flags: { onderOpDeStapel: boolean; geenIntake: boolean; intensiefTeWeinig: boolean; meetmomentNodig: null };
}

/**
 * Anna's caseload by hand, besides client 1 (Fatima) of the seed:
 *  1  benefit for 400 days, last conversation 200 days ago            -> onder op de stapel
 *  4  conversations 30 and 10 days ago, appointments in 5 and 20 days -> recent, next = +20
 *  5  on hold since 30 days, no conversation for 300 days             -> on-hold, not on the pile
 *  6  benefit ended 10 days ago (werk)                                -> uitgestroomd
 *  7  no conversation, benefit since 190 days                         -> on the pile, counted from the benefit
 *  8  no conversation, benefit since 100 days                         -> not yet
 *  9  lang, active plan 400 days, 3 conversations in the last year    -> intensief te weinig
 * 10  lang, active plan 400 days, 4 conversations in the last year    -> enough
 * 11  lang, active plan 60 days, no conversation yet                  -> nothing asked yet (pro rata)
 */
async function seedCaseload(db: Db): Promise<void> {
  await db.query(
    `INSERT INTO client (id, municipality_id, bsn, given_name, family_name, birth_date, team_id, consultant_id)
     SELECT n, 1, lpad(n::text, 9, '0'), 'Klant', 'Nummer ' || n, '1975-06-01', 1, 1 FROM generate_series(4, 11) AS n`,
  );
  await db.query(`SELECT setval(pg_get_serial_sequence('client', 'id'), 11)`);
  const benefit = [
    [1, day(-400), null],
    [4, day(-400), null],
    [5, day(-400), null],
    [6, day(-400), day(-10)],
    [7, day(-190), null],
    [8, day(-100), null],
    [9, day(-500), null],
    [10, day(-500), null],
    [11, day(-60), null],
  ] as const;
  for (const [id, start, end] of benefit) {
    await db.query('INSERT INTO benefit_period (client_id, start_date, end_date, end_reason) VALUES ($1, $2, $3, $4)', [
      id,
      start,
      end,
      end ? 'werk' : null,
    ]);
  }
  const conversations: [number, number, number | null][] = [
    [1, -200, null],
    [4, -30, 5],
    [4, -10, 20],
    [5, -300, null],
    [9, -20, null],
    [9, -100, null],
    [9, -200, null],
    [9, -400, null],
    [10, -10, null],
    [10, -100, null],
    [10, -200, null],
    [10, -300, null],
  ];
  for (const [id, held, next] of conversations) {
    await db.query(
      `INSERT INTO conversation (client_id, held_on, kind, next_appointment) VALUES ($1, $2, 'gesprek', $3)`,
      [id, day(held), next === null ? null : day(next)],
    );
  }
  await db.query(
    'INSERT INTO on_hold_period (client_id, start_date, end_date, reason) VALUES ($1, $2, NULL, $3), ($4, $5, $6, $7)',
    [5, day(-30), 'Ernstige gezondheidsproblemen', 4, day(-120), day(-90), 'Verhuizing'],
  );
  for (const id of [9, 10, 11]) {
    await db.query(
      `INSERT INTO diagnosis (client_id, given_on, distance, reasons) VALUES ($1, $2, 'kort', 'Eerste advies'), ($1, $3, 'lang', 'Herdiagnose')`,
      [id, day(-480), day(-420)],
    );
    await db.query(`INSERT INTO bestand_period (client_id, bestand, start_date) VALUES ($1, 'wijk', $2)`, [
      id,
      day(-420),
    ]);
  }
  await db.query(
    `INSERT INTO action_plan (client_id, created_on, status) VALUES (9, $1, 'actief'), (10, $1, 'actief'), (11, $2, 'actief'), (4, $1, 'afgerond')`,
    [day(-400), day(-60)],
  );
  await db.query('INSERT INTO ladder_step (client_id, step, recorded_on) VALUES (9, 2, $1), (9, 3, $2)', [
    day(-300),
    day(-30),
  ]);
  await db.query(
    `INSERT INTO instrument_allocation (client_id, instrument_id, requested_on, started_on, reason)
                  VALUES (4, 1, $1, $2, 'Begeleiding op de werkplek'), (9, 1, $3, $3, 'Oud traject')`,
    [day(-60), day(-50), day(-400)],
  );
}

async function caseloadApp(t: Parameters<typeof buildTestApp>[0]): Promise<TestApp> {
  const ta = await buildTestApp(t);
  await seedCaseload(ta.db);
  return ta;
}

const byId = (items: Item[]) => new Map(items.map((i) => [i.id, i]));

test('caseload: status, last and next conversation and flags on hand-made data', async (t) => {
  const { inject, loginAs } = await caseloadApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/caseload', headers: await loginAs('anna') });
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json().items as Item[];
  assert.deepEqual(
    items.map((i) => i.id).sort((a, b) => a - b),
    [1, 4, 5, 6, 7, 8, 9, 10, 11],
    'own clients only',
  );
  const c = byId(items);

  assert.deepEqual(
    {
      ...c.get(1)!.flags,
      status: c.get(1)!.status,
      last: c.get(1)!.lastConversation,
      days: c.get(1)!.daysWithoutConversation,
    },
    {
      onderOpDeStapel: true,
      geenIntake: true,
      intensiefTeWeinig: false,
      meetmomentNodig: null,
      status: 'actief',
      last: day(-200),
      days: 200,
    },
  );
  assert.deepEqual(
    {
      pile: c.get(4)!.flags.onderOpDeStapel,
      status: c.get(4)!.status,
      last: c.get(4)!.lastConversation,
      next: c.get(4)!.nextConversation,
    },
    { pile: false, status: 'actief', last: day(-10), next: day(20) },
    'recent contact; the ended on-hold period no longer counts',
  );
  assert.deepEqual(
    { status: c.get(5)!.status, pile: c.get(5)!.flags.onderOpDeStapel },
    { status: 'on-hold', pile: false },
  );
  assert.deepEqual(
    { status: c.get(6)!.status, pile: c.get(6)!.flags.onderOpDeStapel },
    { status: 'uitgestroomd', pile: false },
  );
  assert.deepEqual(
    {
      pile: c.get(7)!.flags.onderOpDeStapel,
      days: c.get(7)!.daysWithoutConversation,
      last: c.get(7)!.lastConversation,
    },
    { pile: true, days: 190, last: null },
    'without a conversation the count starts at the benefit',
  );
  assert.deepEqual(
    { pile: c.get(8)!.flags.onderOpDeStapel, days: c.get(8)!.daysWithoutConversation },
    { pile: false, days: 100 },
  );

  assert.deepEqual(
    {
      n: c.get(9)!.conversationsLast12Months,
      flag: c.get(9)!.flags.intensiefTeWeinig,
      diagnosis: c.get(9)!.diagnosis,
      bestand: c.get(9)!.bestand,
      ladder: c.get(9)!.ladderStep,
    },
    { n: 3, flag: true, diagnosis: 'lang', bestand: 'wijk', ladder: 3 },
    'current = latest diagnosis and ladder step',
  );
  assert.deepEqual(
    { n: c.get(10)!.conversationsLast12Months, flag: c.get(10)!.flags.intensiefTeWeinig },
    { n: 4, flag: false },
  );
  assert.deepEqual(
    { n: c.get(11)!.conversationsLast12Months, flag: c.get(11)!.flags.intensiefTeWeinig },
    { n: 0, flag: false },
  );
  assert.equal(c.get(1)!.diagnosis, null);
  assert.equal(c.get(1)!.ladderStep, null);
  assert.equal(c.get(6)!.flags.geenIntake, false, 'a client who flowed out needs no intake any more');
});

test('caseload: "nog geen intake" until the first intake is saved', async (t) => {
  const { inject, loginAs } = await caseloadApp(t);
  const anna = await loginAs('anna');
  const flag = async () =>
    ((await inject({ method: 'GET', url: '/api/v1/caseload', headers: anna })).json() as { items: Item[] }).items.find(
      (i) => i.id === 1,
    )!.flags.geenIntake;
  assert.equal(await flag(), true);
  const intake = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/intakes',
    headers: anna,
    payload: { heldOn: day(-1), scores: [] },
  });
  assert.equal(intake.statusCode, 201, intake.body);
  assert.equal(await flag(), false);
});

test('caseload: one audit row per request listing every client shown; no special-category data in the answer', async (t) => {
  const { inject, loginAs, db } = await caseloadApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/caseload', headers: await loginAs('anna') });
  assert.equal(res.statusCode, 200);
  const rows = await db.query<{ client_ids: number[]; user_id: number; action: string }>(
    `SELECT client_ids, user_id, action FROM audit_log WHERE resource = 'caseload' ORDER BY id`,
  );
  assert.equal(rows.length, 1);
  assert.deepEqual(
    [...rows[0].client_ids].sort((a, b) => a - b),
    [1, 4, 5, 6, 7, 8, 9, 10, 11],
  );
  assert.ok(rows.every((r) => r.user_id === 1 && r.action === 'read'));
  for (const word of ['birthCountry', 'nationality', 'religion', 'statushouder', 'migrat', 'pseudonym', 'bsn']) {
    assert.doesNotMatch(res.body, new RegExp(word, 'i'));
  }
});

test('caseload: the team leader sees the team and may narrow it to one consultant of the team', async (t) => {
  const { inject, loginAs } = await caseloadApp(t);
  const tl = await loginAs('tl-a');
  const all = await inject({ method: 'GET', url: '/api/v1/caseload', headers: tl });
  assert.deepEqual(
    (all.json().items as Item[]).map((i) => i.id).sort((a, b) => a - b),
    [1, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  );
  const anton = await inject({ method: 'GET', url: '/api/v1/caseload?consultantId=6', headers: tl });
  assert.deepEqual(
    (anton.json().items as Item[]).map((i) => i.id),
    [3],
  );
  const otherTeam = await inject({ method: 'GET', url: '/api/v1/caseload?consultantId=2', headers: tl });
  assert.equal(otherTeam.statusCode, 400);
  assert.deepEqual(otherTeam.json().invalidParams, [
    { name: 'consultantId', reason: 'Deze klantmanager hoort niet bij uw team.' },
  ]);
  const annaAsksAnton = await inject({
    method: 'GET',
    url: '/api/v1/caseload?consultantId=6',
    headers: await loginAs('anna'),
  });
  assert.equal(annaAsksAnton.statusCode, 403);
  assert.equal(annaAsksAnton.json().code, 'FORBIDDEN_ROLE');
  const policy = await inject({ method: 'GET', url: '/api/v1/caseload', headers: await loginAs('beleid') });
  assert.equal(policy.statusCode, 403);
  assert.equal(policy.json().code, 'FORBIDDEN_ROLE');
});

test('team overview: per consultant active clients, conversations (90 days), instruments started (12 months), on the pile', async (t) => {
  const { inject, loginAs, db } = await caseloadApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/team/overview', headers: await loginAs('tl-a') });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), {
    teamId: 1,
    teamName: 'Team A',
    consultants: [
      // anna: actief 1,4,7,8,9,10,11; on hold 5; conversations in 90 days: 4 (2x), 9 (1x), 10 (1x);
      // started in 12 months: client 4's jobcoach only; on the pile: 1 and 7
      {
        consultantId: 1,
        name: 'Anna de Vries',
        activeClients: 7,
        onHoldClients: 1,
        conversationsLast90Days: 4,
        instrumentsStartedLast12Months: 1,
        onderOpDeStapel: 2,
      },
      {
        consultantId: 6,
        name: 'Anton Jansen',
        activeClients: 1,
        onHoldClients: 0,
        conversationsLast90Days: 0,
        instrumentsStartedLast12Months: 0,
        onderOpDeStapel: 0,
      },
    ],
  });
  assert.deepEqual(
    await db.query(`SELECT user_id, client_id, action FROM audit_log WHERE resource = 'team-overview'`),
    [{ user_id: 3, client_id: null, action: 'read' }],
  );
  const consultant = await inject({ method: 'GET', url: '/api/v1/team/overview', headers: await loginAs('anna') });
  assert.equal(consultant.statusCode, 403);
});

test("bottom of the pile: the team's active clients without a conversation for 183+ days, longest first", async (t) => {
  const { inject, loginAs, db } = await caseloadApp(t);
  const res = await inject({ method: 'GET', url: '/api/v1/team/bottom-of-pile', headers: await loginAs('tl-a') });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res.json().items.map((i: { id: number; daysWithoutConversation: number }) => [i.id, i.daysWithoutConversation]),
    [
      [1, 200],
      [7, 190],
    ],
  );
  assert.equal(res.json().items[0].consultantName, 'Anna de Vries');
  assert.deepEqual(
    (
      await db.query<{ client_id: number }>(
        `SELECT unnest(client_ids) AS client_id FROM audit_log WHERE resource = 'bottom-of-pile' ORDER BY id`,
      )
    ).map((r) => r.client_id),
    [1, 7],
  );
  const consultant = await inject({
    method: 'GET',
    url: '/api/v1/team/bottom-of-pile',
    headers: await loginAs('anna'),
  });
  assert.equal(consultant.statusCode, 403);
  assert.equal(consultant.json().code, 'FORBIDDEN_ROLE');
});

test("team page: overview, bottom of the pile and the team's clients in one call, one audit row listing them", async (t) => {
  const { inject, loginAs, db } = await caseloadApp(t);
  const headers = await loginAs('tl-a');
  const res = await inject({ method: 'GET', url: '/api/v1/team/pagina', headers });
  assert.equal(res.statusCode, 200, res.body);
  const page = res.json();
  // the same parts as the separate calls give
  const overview = await inject({ method: 'GET', url: '/api/v1/team/overview', headers });
  assert.deepEqual(page.overview, overview.json());
  assert.deepEqual(
    page.bottom.items.map((i: { id: number; daysWithoutConversation: number }) => [i.id, i.daysWithoutConversation]),
    [
      [1, 200],
      [7, 190],
    ],
  );
  assert.equal(page.bottom.total, 2);
  // the picker: every client of team A once, with what the picker shows and nothing more
  const caseload = await inject({ method: 'GET', url: '/api/v1/caseload', headers });
  const ids = (list: { id: number }[]) => list.map((c) => c.id).sort((a, b) => a - b);
  assert.deepEqual(ids(page.clients), ids(caseload.json().items));
  assert.ok(page.clients.every((c: object) => Object.keys(c).sort().join() === 'birthDate,consultantName,id,name'));
  const audit = await db.query<{ client_id: number | null; client_ids: number[] }>(
    `SELECT client_id, client_ids FROM audit_log WHERE resource = 'team-page'`,
  );
  assert.equal(audit.length, 1);
  assert.equal(audit[0].client_id, null);
  assert.deepEqual(
    [...audit[0].client_ids].sort((a, b) => a - b),
    ids(page.clients),
  );
  const consultant = await inject({ method: 'GET', url: '/api/v1/team/pagina', headers: await loginAs('anna') });
  assert.equal(consultant.statusCode, 403);
});

test('caseload of 200 more clients costs the same number of queries (no query per client)', async (t) => {
  const { inject, loginAs, db } = await caseloadApp(t);
  const headers = await loginAs('anna');
  let queries = 0;
  const original = db.query.bind(db);
  (db as { query: Db['query'] }).query = ((sql: string, params?: readonly unknown[]) => {
    queries += 1;
    return original(sql, params);
  }) as Db['query'];
  const small = await inject({ method: 'GET', url: '/api/v1/caseload', headers });
  assert.equal(small.json().total, 9);
  const smallQueries = queries;

  await original(`INSERT INTO client (municipality_id, bsn, given_name, family_name, birth_date, team_id, consultant_id)
                  SELECT 1, lpad((1000 + n)::text, 9, '0'), 'Veel', 'Klant ' || n, '1990-01-01', 1, 1 FROM generate_series(1, 200) AS n`);
  await original(
    `INSERT INTO benefit_period (client_id, start_date) SELECT id, $1 FROM client WHERE given_name = 'Veel'`,
    [day(-300)],
  );
  await original(
    `INSERT INTO conversation (client_id, held_on, kind) SELECT id, $1, 'telefoon' FROM client WHERE given_name = 'Veel'`,
    [day(-7)],
  );
  queries = 0;
  const started = performance.now();
  const big = await inject({ method: 'GET', url: '/api/v1/caseload', headers });
  const ms = performance.now() - started;
  assert.equal(big.statusCode, 200);
  assert.equal(big.json().total, 209);
  assert.equal(queries, smallQueries, `queries for 209 clients (${queries}) differ from 9 clients (${smallQueries})`);
  t.diagnostic(`caseload of 209 clients: ${queries} queries, ${ms.toFixed(0)} ms`);
});
