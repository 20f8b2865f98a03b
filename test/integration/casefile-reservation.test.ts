import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../helpers/app.js';
import { openPglite } from '../../src/store/db.js';
import { loadMigrations, migrate, splitStatements } from '../../src/store/migrate.js';

const RESERVED = {
  code: 'DUAAL',
  name: 'Duaal traject taal en werk',
  srgCode: 59,
  description: 'Taalles en meewerken bij een leerbedrijf.',
  targetGroup: 'statushouders',
};

test('a reservation is a choice from the fixed list; "overig" needs a description; free text is refused', async (t) => {
  const { inject, loginAs } = await buildTestApp(t);
  const admin = await loginAs('beheer');
  const free = await inject({
    method: 'POST',
    url: '/api/v1/instruments',
    headers: admin,
    payload: { ...RESERVED, targetGroup: 'jongeren tot 27 jaar' },
  });
  assert.equal(free.statusCode, 400, free.body);
  assert.deepEqual(
    free.json().invalidParams.map((p: { name: string }) => p.name),
    ['targetGroup'],
  );

  const other = await inject({
    method: 'POST',
    url: '/api/v1/instruments',
    headers: admin,
    payload: { ...RESERVED, code: 'MOEDERS', targetGroup: 'overig' },
  });
  assert.equal(other.statusCode, 400, other.body);
  assert.deepEqual(
    other.json().invalidParams.map((p: { name: string }) => p.name),
    ['targetGroupNote'],
  );

  const described = await inject({
    method: 'POST',
    url: '/api/v1/instruments',
    headers: admin,
    payload: { ...RESERVED, code: 'MOEDERS', targetGroup: 'overig', targetGroupNote: 'alleenstaande moeders' },
  });
  assert.equal(described.statusCode, 201, described.body);
  const created = await inject({ method: 'POST', url: '/api/v1/instruments', headers: admin, payload: RESERVED });
  assert.equal(created.statusCode, 201, created.body);
  const read = await inject({ method: 'GET', url: `/api/v1/instruments/${created.json().id}`, headers: admin });
  assert.deepEqual(
    {
      targetGroup: read.json().targetGroup,
      targetGroupNote: read.json().targetGroupNote,
      openToAll: read.json().openToAll,
    },
    { targetGroup: 'statushouders', targetGroupNote: null, openToAll: false },
  );
});

test("allocating a reserved instrument needs the consultant's confirmation (400 naming the field); open ones do not", async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const admin = await loginAs('beheer');
  assert.equal(
    (await inject({ method: 'POST', url: '/api/v1/instruments', headers: admin, payload: RESERVED })).statusCode,
    201,
  );
  const anna = await loginAs('anna');
  const body = {
    instrumentCode: 'DUAAL',
    requestedOn: '2025-03-01',
    reason: 'Taal en werkervaring tegelijk.',
    clientWish: 'Graag.',
  };

  const refused = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/instrument-allocations',
    headers: anna,
    payload: body,
  });
  assert.equal(refused.statusCode, 400, refused.body);
  const params = refused.json().invalidParams as { name: string; reason: string }[];
  assert.deepEqual(
    params.map((p) => p.name),
    ['targetGroupConfirmed'],
  );
  assert.match(params[0]!.reason, /alleen voor statushouders/);
  assert.equal((await db.query('SELECT 1 FROM instrument_allocation')).length, 0, 'nothing written');

  const unconfirmed = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/instrument-allocations',
    headers: anna,
    payload: { ...body, targetGroupConfirmed: false },
  });
  assert.equal(unconfirmed.statusCode, 400);

  const confirmed = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/instrument-allocations',
    headers: anna,
    payload: { ...body, targetGroupConfirmed: true },
  });
  assert.equal(confirmed.statusCode, 201, confirmed.body);
  const file = (await inject({ method: 'GET', url: '/api/v1/clients/1/file', headers: anna })).json();
  assert.deepEqual(
    file.instrumentAllocations.map((a: { targetGroup: string; targetGroupConfirmed: boolean }) => [
      a.targetGroup,
      a.targetGroupConfirmed,
    ]),
    [['statushouders', true]],
  );

  // An instrument open to everyone needs no confirmation.
  const open = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/instrument-allocations',
    headers: anna,
    payload: { ...body, instrumentCode: 'JOBCOACH' },
  });
  assert.equal(open.statusCode, 201, open.body);
});

test('the allocation check reads nothing of the special categories (no monitoring schema in the route or its queries)', async () => {
  const { readFileSync } = await import('node:fs');
  for (const file of [
    'src/server/routes/clients.ts',
    'src/store/clients.ts',
    'src/store/casefile/catalogue.ts',
    'src/domain/codes.ts',
  ]) {
    assert.doesNotMatch(readFileSync(file, 'utf8'), /monitoring\./, file);
  }
});

test('migration 020 reads older free text as a code where it clearly names a group, else "overig" with the text', async () => {
  const db = await openPglite();
  try {
    const all = await loadMigrations();
    await db.query(
      'CREATE TABLE schema_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    for (const m of all.filter((x) => x.version < 20)) {
      for (const statement of splitStatements(m.sql)) await db.query(statement);
      await db.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await db.query(`INSERT INTO municipality (id, code, name) VALUES (1, 'GM0001', 'Testdam')`);
    const texts = [
      'Statushouders',
      'jongeren tot 27 jaar',
      '55+',
      'doelgroepregister',
      'Mensen met een medische urenbeperking',
      'alleenstaande moeders',
      null,
    ];
    for (const [i, text] of texts.entries()) {
      await db.query(
        `INSERT INTO instrument (municipality_id, code, name, srg_code, target_group) VALUES (1, $1, $1, 59, $2)`,
        [`I${i}`, text],
      );
    }
    assert.deepEqual((await migrate(db)).filter((v) => v >= 20).slice(0, 1), [20]);
    const rows = await db.query<{ code: string; target_group: string | null; target_group_note: string | null }>(
      'SELECT code, target_group, target_group_note FROM instrument ORDER BY code',
    );
    assert.deepEqual(
      rows.map((r) => [r.target_group, r.target_group_note]),
      [
        ['statushouders', null],
        ['jongeren_tot_27', null],
        ['55_plus', null],
        ['doelgroepregister', null],
        ['medische_urenbeperking', null],
        ['overig', 'alleenstaande moeders'],
        [null, null],
      ],
    );
    await assert.rejects(
      db.query(`UPDATE instrument SET target_group = 'iedereen boven 30' WHERE code = 'I0'`),
      /check/i,
    );
  } finally {
    await db.close();
  }
});
