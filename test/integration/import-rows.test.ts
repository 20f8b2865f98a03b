import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { bsns, CLIENT_HEADER, clientLine } from '../fixtures/import/generate.js';

async function post(
  t: TestApp,
  headers: Record<string, string>,
  body: string | Buffer,
  query: string,
  type = 'text/csv',
) {
  return t.inject({
    method: 'POST',
    url: `/api/v1/imports?${query}`,
    headers: { ...headers, 'content-type': type },
    payload: body,
  });
}

function parseCsv(text: string): { row: number; field: string; reason: string }[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);
  assert.equal(lines[0], 'regel;veld;reden');
  return lines.slice(1).map((l) => {
    const [row, field, ...rest] = l.split(';');
    return { row: Number(row), field, reason: rest.join(';').replace(/^"|"$/g, '') };
  });
}

/**
 * Ten kinds of bad row, each with the field it must be reported on and a word of the reason.
 * Row i of the bad ones gets kind i % 10.
 */
const BAD: { field: string; reason: RegExp; line: (bsn: string, i: number, earlierBsn: string) => string }[] = [
  { field: 'bsn', reason: /elfproef/, line: (b, i) => clientLine(`${b.slice(0, 8)}${(Number(b[8]) + 1) % 10}`, i) },
  { field: 'given_name', reason: /verplicht/, line: (b, i) => clientLine(b, i).replace(`Voornaam${i}`, '') },
  { field: 'birth_date', reason: /bestaat niet/, line: (b) => `${b};V;A;2001-02-30;man;Team A` },
  { field: 'birth_date', reason: /toekomst/, line: (b) => `${b};V;A;2999-01-01;man;Team A` },
  { field: 'gender', reason: /Onbekende waarde/, line: (b) => `${b};V;A;1990-01-01;X;Team A` },
  { field: 'team', reason: /Onbekende team/, line: (b) => `${b};V;A;1990-01-01;man;Team Zuid` },
  { field: 'birth_date', reason: /geen datum/, line: (b) => `${b};V;A;gisteren;man;Team A` },
  { field: 'family_name', reason: /ongeldige tekens/, line: (b) => `${b};V;A\u0000B;1990-01-01;man;Team A` },
  { field: '(regel)', reason: /kolommen/, line: (b) => `${b};V;A;1990-01-01;man;Team A;extra` },
  {
    field: 'bsn',
    reason: /Dubbel: regel \d+/,
    line: (_b, _i, earlier) => `${earlier};Ander;Mens;1990-01-01;man;Team A`,
  },
];

test('1,000 malformed rows among 1,500 valid ones: every valid row imported, every bad one reported with row, field and reason', async (t) => {
  const app = await buildTestApp(t);
  const beheer = await app.loginAs('beheer');
  const gen = bsns(30_000_000);
  const lines = [CLIENT_HEADER];
  const valid: string[] = [];
  const expected = new Map<number, (typeof BAD)[number]>();
  let bad = 0;
  for (let i = 0; lines.length <= 2500; i++) {
    const bsn = gen.next().value as string;
    if (i % 5 === 1 || i % 5 === 3) {
      // 2 in 5 rows are bad: 1,000 of 2,500
      const kind = BAD[bad % BAD.length];
      lines.push(kind.line(bsn, i, valid[valid.length - 1] ?? bsn));
      expected.set(lines.length, kind); // the line number in the file (header = 1)
      bad++;
    } else {
      lines.push(clientLine(bsn, i));
      valid.push(bsn);
    }
  }
  assert.equal(bad, 1000);
  const res = await post(app, beheer, `${lines.join('\n')}\n`, 'entity=clients&fileName=klanten.csv');
  assert.equal(res.statusCode, 201, res.body);
  const run = res.json();
  assert.equal(run.status, 'klaar');
  assert.equal(run.rowsTotal, 2500);
  assert.equal(run.rowsRejected, 1000);
  assert.equal(run.inserted, valid.length);

  const inDb = await app.db.query<{ bsn: string }>('SELECT bsn FROM client WHERE bsn = ANY($1::char(9)[])', [valid]);
  assert.equal(inDb.length, valid.length, 'every valid row is in the database');

  const csv = await app.inject({ method: 'GET', url: `/api/v1/imports/${run.id}/rejected.csv`, headers: beheer });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  const rejected = parseCsv(csv.body);
  const byRow = new Map<number, { field: string; reason: string }[]>();
  for (const r of rejected) byRow.set(r.row, [...(byRow.get(r.row) ?? []), r]);
  assert.deepEqual(
    [...byRow.keys()].sort((a, b) => a - b),
    [...expected.keys()].sort((a, b) => a - b),
    'exactly the bad rows are reported',
  );
  for (const [row, kind] of expected) {
    const found = byRow.get(row)!;
    assert.ok(
      found.some((f) => f.field === kind.field && kind.reason.test(f.reason)),
      `row ${row}: expected ${kind.field} ${kind.reason}, got ${JSON.stringify(found)}`,
    );
  }
  // The quality report counts them by kind.
  assert.equal(run.quality.impossibleDates.birth_date, 200);
  assert.equal(run.quality.unknownCodes.gender.count, 100);
  assert.equal(run.quality.unknownCodes.team.count, 100);
  assert.deepEqual(run.quality.unknownCodes.team.values, { 'Team Zuid': 100 });
  assert.equal(run.quality.missing.given_name, 100);
  assert.equal(run.quality.duplicates.sameKeyInFile, 100);
});

test('re-importing the same file gives the same state; a changed row is updated once', async (t) => {
  const app = await buildTestApp(t);
  const beheer = await app.loginAs('beheer');
  const gen = bsns(40_000_000);
  const rows = Array.from({ length: 50 }, (_, i) => clientLine(gen.next().value as string, i));
  const file = `${CLIENT_HEADER}\n${rows.join('\n')}\n`;
  const snapshot = () => app.db.query('SELECT * FROM client ORDER BY id');

  const first = (await post(app, beheer, file, 'entity=clients')).json();
  assert.equal(first.inserted, 50);
  const state1 = await snapshot();
  const second = (await post(app, beheer, file, 'entity=clients')).json();
  assert.deepEqual([second.inserted, second.updated, second.unchanged], [0, 0, 50]);
  assert.deepEqual(await snapshot(), state1, 'nothing changed, not even version or updated_at');

  const changed = file.replace('Voornaam7;', 'Anders7;');
  const third = (await post(app, beheer, changed, 'entity=clients')).json();
  assert.deepEqual([third.inserted, third.updated, third.unchanged], [0, 1, 49]);
  const [c] = await app.db.query<{ given_name: string; version: number }>(
    `SELECT given_name, version FROM client WHERE family_name = 'Achternaam7'`,
  );
  assert.deepEqual(c, { given_name: 'Anders7', version: 2 });
});

test('a dry run checks and counts but stores nothing; the rejected rows are still downloadable', async (t) => {
  const app = await buildTestApp(t);
  const beheer = await app.loginAs('beheer');
  const gen = bsns(50_000_000);
  const file = `${CLIENT_HEADER}\n${clientLine(gen.next().value as string, 1)}\n${clientLine('123456789', 2)}\n`;
  const before = await app.db.query('SELECT count(*) AS n FROM client');
  const res = (await post(app, beheer, file, 'entity=clients&dryRun=true')).json();
  assert.equal(res.status, 'proef');
  assert.deepEqual([res.inserted, res.rowsRejected], [1, 1]);
  assert.deepEqual(await app.db.query('SELECT count(*) AS n FROM client'), before);
  const csv = await app.inject({ method: 'GET', url: `/api/v1/imports/${res.id}/rejected.csv`, headers: beheer });
  assert.equal(parseCsv(csv.body)[0].field, 'bsn');
});

test('all or nothing: a database error half-way through a file leaves none of its rows', async (t) => {
  const app = await buildTestApp(t);
  const beheer = await app.loginAs('beheer');
  // A trigger that fails on one name, as a stand-in for any error while writing.
  await app.db.query(`CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.given_name = 'BOOM' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`);
  await app.db.query('CREATE TRIGGER boom BEFORE INSERT ON client FOR EACH ROW EXECUTE FUNCTION boom()');
  const gen = bsns(60_000_000);
  const rows = Array.from({ length: 2500 }, (_, i) => clientLine(gen.next().value as string, i));
  rows[2200] = rows[2200].replace('Voornaam2200', 'BOOM'); // in the third batch of 1,000
  const res = (await post(app, beheer, `${CLIENT_HEADER}\n${rows.join('\n')}\n`, 'entity=clients')).json();
  assert.equal(res.status, 'mislukt');
  assert.match(res.error, /niets van dit bestand opgeslagen/);
  const [{ n }] = await app.db.query<{ n: number }>('SELECT count(*) AS n FROM client');
  assert.equal(n, 3, 'only the three clients of the test municipality');
  const [{ r }] = await app.db.query<{ r: number }>('SELECT count(*) AS r FROM import_rejection');
  assert.equal(r, 0);
});

test('only the functioneel beheerder imports', async (t) => {
  const app = await buildTestApp(t);
  for (const user of ['anna', 'tl-a', 'beleid']) {
    const res = await post(app, await app.loginAs(user), `${CLIENT_HEADER}\n`, 'entity=clients');
    assert.equal(res.statusCode, 403);
  }
});
