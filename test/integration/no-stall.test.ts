// A consultant's request is answered while a policy officer's mirror refreshes are running:
// heavy work goes through a gate (one job per user at a time), not ahead of everybody else.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/organisation.js';
import { createHeavyGate } from '../../src/server/workers/gate.js';
import type { TestDb } from '../helpers/db.js';
import { demodamDb } from '../helpers/demo-db.js';

let app: FastifyInstance;
let db: TestDb;
const gate = createHeavyGate({ perUser: 1, total: 2 });

before(async () => {
  const config = { ...loadConfig({}), demo: false };
  db = await demodamDb({ clients: 600, pseudonymSecret: config.pseudonymSecret });
  app = await buildApp({ db, config, heavyGate: gate });
});
after(async () => {
  await app?.close();
  await db?.drop();
});

async function login(username: string): Promise<{ cookie: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { username, password: DEMO_PASSWORD },
  });
  assert.equal(res.statusCode, 201, res.body);
  const cookie = res.cookies.find((c) => c.name === 'ks_session')!;
  return { cookie: `ks_session=${cookie.value}` };
}

test("a consultant's caseload completes while eight mirror refreshes of a policy officer run", async () => {
  const officer = await login(DEMO_ACCOUNTS.beleidsmedewerker);
  const consultant = await login(DEMO_ACCOUNTS.consultant);
  let refreshesDone = 0;
  const refreshes = Array.from({ length: 8 }, (_, i) =>
    app
      .inject({
        method: 'GET',
        url: `/api/v1/spiegel?period=${2024 + (i % 2)}&ground=geslacht&refresh=true`,
        headers: officer,
      })
      .then((res) => {
        refreshesDone++;
        return res.statusCode;
      }),
  );
  // Let the refreshes reach the gate (each first passes the log-in and access checks): one runs,
  // the others wait their turn.
  const arrived = () => gate.stats().running + gate.stats().waiting + refreshesDone;
  for (let i = 0; i < 1000 && arrived() < 8; i++) await new Promise((r) => setTimeout(r, 5));
  assert.equal(arrived(), 8, 'all eight refreshes reached the gate');
  assert.equal(gate.stats().running, 1, "one user's refreshes run one at a time");
  assert.ok(gate.stats().waiting >= 6, `the others wait (${gate.stats().waiting} waiting)`);

  const caseload = await app.inject({ method: 'GET', url: '/api/v1/caseload', headers: consultant });
  assert.equal(caseload.statusCode, 200, caseload.body);
  assert.ok(caseload.json().total > 0);
  assert.ok(refreshesDone < 8, `the caseload was answered after all ${refreshesDone} refreshes`);
  assert.ok(gate.stats().waiting > 0, 'mirror work was still waiting when the caseload was answered');

  assert.deepEqual(await Promise.all(refreshes), Array(8).fill(200));
  assert.deepEqual(gate.stats(), { running: 0, waiting: 0 });
});
