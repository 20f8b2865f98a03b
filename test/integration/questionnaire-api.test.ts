import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, PASSWORD } from '../helpers/app.js';
import { pseudonymFor } from '../../src/domain/pseudonym.js';
import { loadConfig } from '../../src/config.js';
import { classifyMonitoring } from '../../src/questionnaire/monitoring.js';

const SECRET = loadConfig({}).pseudonymSecret;

async function withBenefit(db: { query: (sql: string, p?: unknown[]) => Promise<unknown[]> }) {
  await db.query(
    `INSERT INTO benefit_period (client_id, start_date) VALUES (1, current_date - 10), (2, current_date - 200), (3, current_date - 130)`,
  );
}

test('measurements per client and the due list follow the schedule; other consultants are refused', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await withBenefit(db);
  const anna = await loginAs('anna');
  const res = await inject({ method: 'GET', url: '/api/v1/clients/1/measurements', headers: anna });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json() as { waves: { wave: string; status: string }[] };
  assert.deepEqual(
    body.waves.map((w) => [w.wave, w.status]),
    [
      ['T0', 'open'],
      ['T1', 'gepland'],
      ['T2', 'gepland'],
    ],
  );
  assert.equal((await inject({ method: 'GET', url: '/api/v1/clients/2/measurements', headers: anna })).statusCode, 403);
  const due = (await inject({ method: 'GET', url: '/api/v1/measurements/due', headers: anna })).json() as {
    items: { clientId: number; wave: string }[];
  };
  assert.deepEqual(
    due.items.map((i) => [i.clientId, i.wave]),
    [[1, 'T0']],
  );
  const beleid = await loginAs('beleid');
  assert.equal((await inject({ method: 'GET', url: '/api/v1/measurements/due', headers: beleid })).statusCode, 403);
});

test('a one-time link works without log-in, once; answers go to monitoring by pseudonym only', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await withBenefit(db);
  const anna = await loginAs('anna');
  const made = await inject({ method: 'POST', url: '/api/v1/clients/1/measurements/T0/link', headers: anna });
  assert.equal(made.statusCode, 201, made.body);
  const { path } = made.json() as { path: string };
  const token = path.split('/').pop()!;
  const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM questionnaire_token');
  assert.notEqual(stored[0].token_hash, token, 'only the hash is stored');

  const got = await inject({ method: 'GET', url: `/api/v1/vragenlijst/${token}` });
  assert.equal(got.statusCode, 200);
  assert.equal(JSON.stringify(got.json()).includes('Fatima'), false, 'no personal data in the questionnaire answer');

  const bad = await inject({
    method: 'POST',
    url: `/api/v1/vragenlijst/${token}`,
    payload: { language: 'nl', answers: { gezondheid: 12 } },
  });
  assert.equal(bad.statusCode, 400);
  const answers = {
    gezondheid: 6,
    sociale_contacten: false,
    discriminatie: true,
    discriminatie_gronden: { codes: ['herkomst'] },
    gezondheid_beperking: true,
    geboorteland: 'NL',
    geboorteland_moeder: 'MA',
    geboorteland_vader: 'onbekend',
    culturele_achtergrond: { codes: ['nederlands', 'marokkaans'] },
  };
  const sent = await inject({
    method: 'POST',
    url: `/api/v1/vragenlijst/${token}`,
    payload: { language: 'ar', answers },
  });
  assert.equal(sent.statusCode, 204, sent.body);
  assert.equal(
    (await inject({ method: 'POST', url: `/api/v1/vragenlijst/${token}`, payload: { language: 'ar', answers } }))
      .statusCode,
    404,
    'a second time fails',
  );
  assert.equal((await inject({ method: 'GET', url: `/api/v1/vragenlijst/${token}` })).statusCode, 404);

  const pseudonym = pseudonymFor(1, SECRET);
  const [resp] = await db.query<{ pseudonym: string; mode: string; language: string; answers: { gezondheid: number } }>(
    'SELECT * FROM monitoring.questionnaire_response',
  );
  assert.deepEqual([resp.pseudonym, resp.mode, resp.language, resp.answers.gezondheid], [pseudonym, 'link', 'ar', 6]);
  const [person] = await db.query<{
    birth_country: string;
    mother_birth_country: string;
    father_birth_country: string | null;
    nationality: string | null;
    health_limitation: boolean;
    source: string;
  }>('SELECT * FROM monitoring.person WHERE pseudonym = $1', [pseudonym]);
  assert.deepEqual(
    [
      person.birth_country,
      person.mother_birth_country,
      person.father_birth_country,
      person.health_limitation,
      person.source,
    ],
    ['NL', 'MA', null, true, 'vragenlijst'],
  );
  const bgs = (
    await db.query<{ background: string }>(
      'SELECT background FROM monitoring.cultural_background WHERE pseudonym = $1 ORDER BY 1',
      [pseudonym],
    )
  ).map((r) => r.background);
  assert.deepEqual(bgs, ['marokkaans', 'nederlands']);
  assert.deepEqual(classifyMonitoring(person, bgs), {
    cbsBefore2022: 'niet-westers',
    cbsFrom2022: 'buiten-europa',
    enschede: 'niet-westers',
  });

  // The case file knows only that the wave was completed, and how.
  const [wave] = await db.query<Record<string, unknown>>('SELECT * FROM questionnaire_wave');
  assert.deepEqual(Object.keys(wave).sort(), [
    'client_id',
    'completed_on',
    'definition_version',
    'id',
    'mode',
    'sent_by',
    'sent_on',
    'wave',
  ]);
  assert.equal(wave.mode, 'link');
  assert.equal(
    (await inject({ method: 'POST', url: '/api/v1/clients/1/measurements/T0/link', headers: anna })).statusCode,
    409,
  );
});

test('an expired link fails', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await withBenefit(db);
  const anna = await loginAs('anna');
  const { path } = (
    await inject({ method: 'POST', url: '/api/v1/clients/1/measurements/T0/link', headers: anna })
  ).json() as { path: string };
  await db.query(`UPDATE questionnaire_token SET expires_at = now() - interval '1 minute'`);
  const token = path.split('/').pop()!;
  assert.equal((await inject({ method: 'GET', url: `/api/v1/vragenlijst/${token}` })).statusCode, 404);
  assert.equal(
    (await inject({ method: 'POST', url: `/api/v1/vragenlijst/${token}`, payload: { language: 'nl', answers: {} } }))
      .statusCode,
    404,
  );
});

test('kiosk mode ends the session; the kiosk token reaches no case file; leaving needs the password', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await withBenefit(db);
  const anna = await loginAs('anna');
  const started = await inject({ method: 'POST', url: '/api/v1/clients/1/measurements/T0/kiosk', headers: anna });
  assert.equal(started.statusCode, 201, started.body);
  const { kioskToken } = started.json() as { kioskToken: string };
  assert.equal(
    (await inject({ method: 'GET', url: '/api/v1/caseload', headers: anna })).statusCode,
    401,
    'the old session is gone',
  );
  assert.equal(
    (await inject({ method: 'GET', url: '/api/v1/caseload', headers: { authorization: `Bearer ${kioskToken}` } }))
      .statusCode,
    401,
  );
  assert.equal((await inject({ method: 'GET', url: `/api/v1/vragenlijst/${kioskToken}` })).statusCode, 200);
  assert.equal(
    (
      await inject({
        method: 'POST',
        url: `/api/v1/vragenlijst/${kioskToken}`,
        payload: { language: 'nl', answers: { gezondheid: 8 } },
      })
    ).statusCode,
    204,
  );
  const [resp] = await db.query<{ mode: string }>('SELECT mode FROM monitoring.questionnaire_response');
  assert.equal(resp.mode, 'kiosk');
  assert.equal(
    (await inject({ method: 'POST', url: '/api/v1/kiosk/exit', payload: { kioskToken, password: 'wrong' } }))
      .statusCode,
    401,
  );
  const exit = await inject({ method: 'POST', url: '/api/v1/kiosk/exit', payload: { kioskToken, password: PASSWORD } });
  assert.equal(exit.statusCode, 201, exit.body);
  const cookie = exit.cookies.find((c) => c.name === 'ks_session')!;
  assert.equal(
    (
      await inject({
        method: 'GET',
        url: '/api/v1/clients/1/measurements',
        headers: { cookie: `ks_session=${cookie.value}` },
      })
    ).statusCode,
    200,
  );
});

test('read out by the consultant: mode voorgelezen; outcome mirror by role, small numbers suppressed', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await withBenefit(db);
  const anna = await loginAs('anna');
  const r = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/measurements/T0/answers',
    headers: anna,
    payload: { language: 'nl', answers: { gezondheid: 5 } },
  });
  assert.equal(r.statusCode, 204, r.body);
  assert.equal((await db.query<{ mode: string }>('SELECT mode FROM questionnaire_wave'))[0].mode, 'voorgelezen');
  assert.equal(
    (await inject({ method: 'GET', url: '/api/v1/meetmomenten/uitkomsten', headers: anna })).statusCode,
    403,
  );
  const beleid = await loginAs('beleid');
  const year = new Date().getUTCFullYear();
  // only whole years, quarters and months: a free range could be narrowed to a few people
  const range = await inject({
    method: 'GET',
    url: `/api/v1/meetmomenten/uitkomsten?period=${year - 1}-01-01..${year}-12-31`,
    headers: beleid,
  });
  assert.equal(range.statusCode, 400, range.body);
  assert.equal((range.json() as { invalidParams: { name: string }[] }).invalidParams[0].name, 'period');
  // the three clients started within the last 200 days: this year or last year, never shown
  const cohorts: (number | null)[] = [];
  for (const y of [year - 1, year]) {
    const out = await inject({ method: 'GET', url: `/api/v1/meetmomenten/uitkomsten?period=${y}`, headers: beleid });
    assert.equal(out.statusCode, 200, out.body);
    const report = (out.json() as { report: { cohort: number | null; grounds: unknown[] } }).report;
    assert.ok(report.cohort === null || report.cohort === 0, `cohort ${report.cohort}`);
    assert.deepEqual(report.grounds, []);
    cohorts.push(report.cohort);
  }
  assert.ok(cohorts.includes(null), 'a cohort of 1 to 3 is never shown');
  const tl = await loginAs('tl-a');
  assert.equal(
    (await inject({ method: 'GET', url: '/api/v1/meetmomenten/uitkomsten?team=2', headers: tl })).statusCode,
    403,
  );
  assert.equal(
    (await inject({ method: 'GET', url: '/api/v1/meetmomenten/uitkomsten?team=1', headers: tl })).statusCode,
    200,
  );
});
