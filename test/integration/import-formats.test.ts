import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const post = (t: TestApp, headers: Record<string, string>, body: string | Buffer, query: string, type = 'text/csv') =>
  t.inject({
    method: 'POST',
    url: `/api/v1/imports?${query}`,
    headers: { ...headers, 'content-type': type },
    payload: body,
  });

test('Windows-1252 with ; and a mapping file (own column names, recoded values, a default team)', async (t) => {
  const app = await buildTestApp(t);
  const beheer = await app.loginAs('beheer');
  const mapping = await readFile('test/fixtures/import/mapping-gemeente.json', 'utf8');
  const text =
    'Burgerservicenummer;Voornaam;Achternaam;Geboortedatum;Geslacht;Woonplaats;Onbekend\r\n' +
    '999999990;Zoë;Müller-Çelik;17-05-1983;V;Enschedé;x\r\n';
  const latin1 = Buffer.from([...text].map((ch) => ch.charCodeAt(0))); // every character here is in Windows-1252 at its Latin-1 code
  const res = await post(app, beheer, latin1, `entity=clients&mapping=${encodeURIComponent(mapping)}`);
  assert.equal(res.statusCode, 201, res.body);
  const run = res.json();
  assert.equal(run.inserted, 1, JSON.stringify(run));
  assert.equal(run.quality.encoding, 'windows-1252');
  assert.equal(run.quality.delimiter, ';');
  assert.deepEqual(run.quality.ignoredColumns, ['Onbekend']);
  const [c] = await app.db.query(
    'SELECT given_name, family_name, birth_date, gender, city, team_id FROM client WHERE bsn = $1',
    ['999999990'],
  );
  assert.deepEqual(c, {
    given_name: 'Zoë',
    family_name: 'Müller-Çelik',
    birth_date: '1983-05-17',
    gender: 'vrouw',
    city: 'Enschedé',
    team_id: 2,
  });
});

test('a mapping naming a column that is not there fails the whole file with a clear message', async (t) => {
  const app = await buildTestApp(t);
  const beheer = await app.loginAs('beheer');
  const mapping = JSON.stringify({ clients: { columns: { BSN: 'bsn' } } });
  const res = (await post(app, beheer, 'x;y\n1;2\n', `entity=clients&mapping=${encodeURIComponent(mapping)}`)).json();
  assert.equal(res.status, 'mislukt');
  assert.match(res.error, /Kolom "BSN" uit de koppeling staat niet in de kopregel/);
  const bad = await post(
    app,
    beheer,
    'x\n',
    `entity=clients&mapping=${encodeURIComponent('{"clients":{"columns":{"a":"nope"}}}')}`,
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().invalidParams[0].reason, /onbekend veld "nope"/);
});

test('XLSX: the first sheet, dates as Excel dates, with , CSV and UTF-8 for the linked entities', async (t) => {
  const app = await buildTestApp(t);
  const beheer = await app.loginAs('beheer');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('klanten');
  ws.addRow(['bsn', 'given_name', 'family_name', 'birth_date', 'team', 'doelgroepregister']);
  ws.addRow(['999999990', 'Ayşe', 'Yılmaz', new Date(Date.UTC(1990, 0, 31)), 'Team A', 'ja']);
  ws.addRow([123456782, 'Kees', 'Smit', new Date(Date.UTC(1965, 6, 12)), 'Team B', 'nee']); // exists: updated? same values → unchanged except flag
  ws.addRow(['111111111', 'Fout', 'Bsn', new Date(Date.UTC(1990, 0, 1)), 'Team A', 'nee']);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const res = await post(
    app,
    beheer,
    xlsx,
    'entity=clients',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const run = res.json();
  assert.equal(run.quality.format, 'xlsx');
  assert.deepEqual([run.inserted, run.updated, run.rowsRejected], [1, 0, 1], JSON.stringify(run));
  const [c] = await app.db.query(
    'SELECT given_name, family_name, birth_date, doelgroepregister FROM client WHERE bsn = $1',
    ['999999990'],
  );
  assert.deepEqual(c, { given_name: 'Ayşe', family_name: 'Yılmaz', birth_date: '1990-01-31', doelgroepregister: true });

  // Linked entities by BSN, comma-separated UTF-8.
  const files: [string, string, number][] = [
    [
      'benefit_periods',
      'bsn,start_date,end_date,end_reason\n999999990,2020-01-01,,\n999999990,2015-01-01,2016-01-01,werk\n100000000,2020-01-01,,\n',
      2,
    ],
    ['diagnoses', 'bsn,given_on,distance,reasons\n999999990,2020-02-01,kort,Recente werkervaring\n', 1],
    ['conversations', 'bsn,held_on,kind,summary\n999999990,2020-03-01,telefoon,"Eerste gesprek, telefonisch"\n', 1],
    [
      'work_periods',
      'bsn,employer,start_date,hours_per_week\n999999990,Bakkerij De Korenschoof,2021-01-01,"24,5"\n',
      1,
    ],
    ['instruments', 'code,name,srg_code\nTAAL,Taalcursus,59\nFOUT,Onbekend,77\n', 1],
    [
      'allocations',
      'bsn,instrument_code,requested_on,reason\n999999990,TAAL,2020-04-01,Taalniveau A2\n999999990,ONBEKEND,2020-04-01,x\n',
      1,
    ],
  ];
  for (const [entity, text, inserted] of files) {
    const r = (await post(app, beheer, text, `entity=${entity}`)).json();
    assert.equal(r.inserted, inserted, `${entity}: ${JSON.stringify(r)}`);
  }
  const [{ hours }] = await app.db.query<{ hours: number }>('SELECT hours_per_week AS hours FROM work_period');
  assert.equal(hours, 24.5);
  const runs = (await app.inject({ method: 'GET', url: '/api/v1/imports', headers: beheer })).json().items as {
    id: number;
    entity: string;
  }[];
  const alloc = (
    await app.inject({
      method: 'GET',
      url: `/api/v1/imports/${runs.find((r) => r.entity === 'allocations')!.id}`,
      headers: beheer,
    })
  ).json();
  assert.deepEqual(
    alloc.quality.unknownCodes.instrument_code,
    { count: 1, values: { ONBEKEND: 1 } },
    'codes not in the catalogue are reported',
  );
  const instr = (
    await app.inject({
      method: 'GET',
      url: `/api/v1/imports/${runs.find((r) => r.entity === 'instruments')!.id}`,
      headers: beheer,
    })
  ).json();
  assert.deepEqual(instr.quality.unknownCodes.srg_code, { count: 1, values: { 77: 1 } });
});

test('data quality of the whole database: missing values, impossible dates, duplicate persons (figures only)', async (t) => {
  const app = await buildTestApp(t);
  await app.db.query(`INSERT INTO client (municipality_id, bsn, given_name, family_name, birth_date, team_id) VALUES
    (1, '999999990', 'Fatima', 'El Amrani', '1980-03-01', 1), (1, '999999991', 'Oud', 'Mens', '1890-01-01', 1)`);
  await app.db.query(`INSERT INTO conversation (client_id, held_on, kind) VALUES (1, '2999-01-01', 'gesprek')`);
  for (const [user, status] of [
    ['beleid', 200],
    ['beheer', 200],
    ['anna', 403],
  ] as const) {
    const res = await app.inject({ method: 'GET', url: '/api/v1/data-quality', headers: await app.loginAs(user) });
    assert.equal(res.statusCode, status);
    if (status !== 200) continue;
    const q = res.json();
    assert.equal(q.clients, 5);
    assert.equal(q.missing.household, 5);
    assert.equal(q.impossibleDates.birth_date, 1);
    assert.equal(q.impossibleDates.conversation, 1);
    assert.deepEqual(q.duplicatePersons.sameNameAndBirthDate, { groups: 1, clients: 2 });
    assert.ok(!JSON.stringify(q).includes('Fatima'), 'no names in the report');
  }
});
