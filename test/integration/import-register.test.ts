import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { multipartBody } from '../helpers/multipart.js';
import { loadConfig } from '../../src/config.js';
import { pseudonymFor } from '../../src/domain/pseudonym.js';
import { loadMirrorRows } from '../../src/store/mirror-source.js';
import { personFactSources } from '../../src/store/register.js';
import { countFactSources } from '../../src/mirror/fact-sources.js';

const SECRET = loadConfig({}).pseudonymSecret;

// Clients of seedSmall: 1 = 111222333, 2 = 123456782, 3 = 100000009.
const REGISTER = [
  'BSN;Geboorteland;Geboorteland moeder;Geboorteland vader;Nationaliteit;Statushouder',
  '111222333;NL;MA;MA;NL;nee',
  '123456782;Syrië;;SY;SY;ja',
  '100000009;NL;XX;NL;NL;nee',
  '999999990;NL;NL;NL;NL;nee',
].join('\n');

const MAPPING = JSON.stringify({
  register_facts: {
    columns: {
      BSN: 'bsn',
      Geboorteland: 'birth_country',
      'Geboorteland moeder': 'mother_birth_country',
      'Geboorteland vader': 'father_birth_country',
      Nationaliteit: 'nationality',
      Statushouder: 'statushouder',
    },
    values: { birth_country: { Syrië: 'SY' } },
  },
});

async function upload(t: TestApp, who: Record<string, string>, fields: Record<string, string>, content = REGISTER) {
  const body = await multipartBody(fields, { name: 'brp.csv', content });
  return t.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...who, ...body.headers },
    payload: body.payload,
  });
}

test('register import: by pseudonym into the monitoring schema only, beheer only, audited, idempotent', async (t) => {
  const app = await buildTestApp(t);
  const beheer = await app.loginAs('beheer');
  const beleid = await app.loginAs('beleid');
  const fields = { entity: 'register_facts', mapping: MAPPING };

  assert.equal((await upload(app, beleid, fields)).statusCode, 403);
  const clientsBefore = await app.db.query('SELECT * FROM client ORDER BY id');

  const dry = await upload(app, beheer, { ...fields, dryRun: 'true' });
  assert.equal(dry.statusCode, 201, dry.body);
  assert.equal(dry.json().status, 'proef');
  assert.equal(dry.json().inserted, 2);
  assert.equal((await app.db.query('SELECT 1 FROM monitoring.register_person')).length, 0);

  const res = await upload(app, beheer, fields);
  assert.equal(res.statusCode, 201, res.body);
  const run = res.json();
  assert.deepEqual([run.status, run.rowsTotal, run.inserted, run.rowsRejected], ['klaar', 4, 2, 2]);
  const rejected = await app.inject({ method: 'GET', url: `/api/v1/imports/${run.id}/rejected.csv`, headers: beheer });
  assert.match(rejected.body, /^\uFEFFregel;veld;reden\r\n4;mother_birth_country;"Onbekende landcode ""XX""/);
  assert.match(rejected.body, /5;bsn;"Er is geen klant met dit BSN/);

  const stored = await app.db.query<Record<string, unknown>>(
    'SELECT pseudonym, birth_country, mother_birth_country, father_birth_country, nationality, statushouder FROM monitoring.register_person ORDER BY birth_country',
  );
  assert.deepEqual(stored, [
    {
      pseudonym: pseudonymFor(1, SECRET),
      birth_country: 'NL',
      mother_birth_country: 'MA',
      father_birth_country: 'MA',
      nationality: 'NL',
      statushouder: false,
    },
    {
      pseudonym: pseudonymFor(2, SECRET),
      birth_country: 'SY',
      mother_birth_country: null,
      father_birth_country: 'SY',
      nationality: 'SY',
      statushouder: true,
    },
  ]);
  // Nothing of it in the case file, and no client id or BSN next to the facts.
  assert.deepEqual(await app.db.query('SELECT * FROM client ORDER BY id'), clientsBefore);
  const columns = await app.db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'monitoring' AND table_name = 'register_person'`,
  );
  assert.ok(!columns.some((c) => /client|bsn/.test(c.column_name)));
  const audit = await app.db.query<{ user_id: number; resource: string; detail: string }>(
    `SELECT user_id, resource, detail FROM audit_log WHERE action = 'import' ORDER BY id`,
  );
  assert.equal(audit.at(-1)!.user_id, 5);
  assert.equal(audit.at(-1)!.resource, 'monitoring.register_person');

  const again = (await upload(app, beheer, fields)).json();
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 2]);
  await refusals(app, beheer);
  await preview(app, beheer);
});

/** Multipart upload without a file or without an entity: refused with a clear reason. */
async function refusals(app: TestApp, beheer: Record<string, string>) {
  const body = await multipartBody({ entity: 'clients' }, null);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...beheer, ...body.headers },
    payload: body.payload,
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Kies een bestand/);
  const noEntity = await upload(app, beheer, {});
  assert.equal(noEntity.statusCode, 400);
  assert.match(noEntity.body, /entity/);
}

/** Preview: header, first rows and value counts per column; it stores nothing. */
async function preview(app: TestApp, beheer: Record<string, string>) {
  const runsBefore = (await app.db.query('SELECT 1 FROM import_run')).length;
  const csv = ['bsn;huishouden', '111222333;eenpersoons', '123456782;paar', '100000009;eenpersoons', '100000010;'].join(
    '\n',
  );
  const body = await multipartBody({}, { name: 'klanten.csv', content: csv });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/imports/preview',
    headers: { ...beheer, ...body.headers },
    payload: body.payload,
  });
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.deepEqual(p.header, ['bsn', 'huishouden']);
  assert.equal(p.rows.length, 4);
  assert.deepEqual(p.columns[1].values, [
    { value: 'eenpersoons', count: 2 },
    { value: 'paar', count: 1 },
  ]);
  assert.equal(p.columns[1].empty, 1);
  assert.equal((await app.db.query('SELECT 1 FROM import_run')).length, runsBefore);
}

test('the mirror computes migration background from the register; the register goes before a questionnaire answer', async (t) => {
  const app = await buildTestApp(t);
  const beheer = await app.loginAs('beheer');
  await app.db.query(
    `INSERT INTO benefit_period (client_id, start_date) VALUES (1, '2023-01-01'), (2, '2023-01-01'), (3, '2023-01-01')`,
  );
  // Questionnaire answers: client 1 says born in TR (register: NL); client 2 gives the mother's
  // birth country (register: none); client 3 has only answers (register row rejected).
  await app.db.query(
    `INSERT INTO monitoring.person (pseudonym, municipality_id, birth_country, mother_birth_country, source) VALUES
       ($1, 1, 'TR', NULL, 'vragenlijst'), ($2, 1, 'SY', 'SY', 'vragenlijst'), ($3, 1, 'NL', 'DE', 'vragenlijst')`,
    [pseudonymFor(1, SECRET), pseudonymFor(2, SECRET), pseudonymFor(3, SECRET)],
  );
  const res = await upload(app, beheer, { entity: 'register_facts', mapping: MAPPING });
  assert.equal(res.json().inserted, 2);

  const rows = await loadMirrorRows(app.db, { municipalityId: 1, from: '2024-01-01', to: '2024-12-31' }, SECRET);
  const grounds = Object.fromEntries(rows.map((r) => [r.clientId, r.person.grounds]));
  // Client 1: born in NL, mother born in Morocco → CBS before 2022: non-western (second
  // generation); from 2022: outside Europe. Not Turkey from the answer: the register goes first.
  assert.equal(grounds[1].migratieachtergrond, 'niet-westers');
  assert.equal(grounds[1].herkomst, 'buiten-europa');
  assert.equal(grounds[1].statushouder, 'nee');
  // Client 2: born in Syria (register), statushouder.
  assert.equal(grounds[2].herkomst, 'buiten-europa');
  assert.equal(grounds[2].statushouder, 'ja');
  // Client 3: only answers: born in NL, mother born in Germany → western / Europe.
  assert.equal(grounds[3].migratieachtergrond, 'westers');
  assert.equal(grounds[3].herkomst, 'europa');

  // The exact split, by hand from the rows above.
  const codes = await personFactSources(app.db, 1);
  const exact = countFactSources([1, 2, 3].map((id) => ({ key: id, codes: codes.get(pseudonymFor(id, SECRET)) })));
  const counts = (fact: keyof typeof exact) =>
    Object.fromEntries(Object.entries(exact[fact]).map(([k, v]) => [k, (v as { count: number }).count]));
  // birth country: 1 differs (NL vs TR: the register counts), 2 agrees (SY), 3 only answered
  assert.deepEqual(counts('birth_country'), { register: 2, questionnaire: 1, unknown: 0, differ: 1 });
  // mother: 1 register only (MA), 2 questionnaire only (SY), 3 questionnaire only (DE)
  assert.deepEqual(counts('mother_birth_country'), { register: 1, questionnaire: 2, unknown: 0, differ: 0 });
  // statushouder: 1 and 2 from the register; 3 has neither (its register row was rejected)
  assert.deepEqual(counts('statushouder'), { register: 2, questionnaire: 0, unknown: 1, differ: 0 });

  // GET /data-quality publishes the split as the mirror does: with three clients every count
  // of 1 to 9 is hidden (null); a 0 stays 0.
  const quality = await app.inject({ method: 'GET', url: '/api/v1/data-quality', headers: beheer });
  assert.equal(quality.statusCode, 200, quality.body);
  const sources = quality.json().groundSources;
  // birth country: register value used for 1 and 2 (2 people), answer only for 3, none unknown, 1 differs
  assert.deepEqual(sources.birth_country, { register: null, questionnaire: null, unknown: 0, differ: null });
  // mother: register for 1, answer for 2 and 3, none unknown, none differ
  assert.deepEqual(sources.mother_birth_country, { register: null, questionnaire: null, unknown: 0, differ: 0 });
  // statushouder: register for 1 and 2; client 3 has neither (its register row was rejected)
  assert.deepEqual(sources.statushouder, { register: null, questionnaire: 0, unknown: null, differ: 0 });
});
