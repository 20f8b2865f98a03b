import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../helpers/app.js';

interface Instrument {
  id: number;
  code: string;
  name: string;
  srgCode: number;
  targetGroup: string | null;
  openToAll: boolean;
  active: boolean;
}

const NEW_INSTRUMENTS = [
  {
    code: 'TAAL',
    name: 'Taalcursus Nederlands (NT2)',
    srgCode: 59,
    description: 'Nederlands als tweede taal in kleine groepen.',
    asks: 'Twee ochtenden per week aanwezig zijn en thuis oefenen.',
    yields: 'Een hoger taalniveau en een certificaat.',
  },
  {
    code: 'DUAAL',
    name: 'Duaal traject taal en werk',
    srgCode: 59,
    description: 'Taalles gecombineerd met meewerken bij een leerbedrijf.',
    asks: 'Vier dagen per week: twee dagen les, twee dagen werk.',
    yields: 'Werkervaring in Nederland.',
    targetGroup: 'statushouders',
  },
  {
    code: 'WEP',
    name: 'Werkervaringsplaats',
    srgCode: 29,
    description: 'Zonder loon meewerken bij een werkgever, met begeleiding.',
    asks: 'Minstens 16 uur per week meewerken.',
    yields: 'Recente werkervaring en een referentie.',
  },
];

async function withCatalogue(
  t: Parameters<typeof buildTestApp>[0],
): Promise<TestApp & { ids: Record<string, number> }> {
  const ta = await buildTestApp(t);
  const admin = await ta.loginAs('beheer');
  const ids: Record<string, number> = { JOBCOACH: 1 };
  for (const i of NEW_INSTRUMENTS) {
    const res = await ta.inject({ method: 'POST', url: '/api/v1/instruments', headers: admin, payload: i });
    assert.equal(res.statusCode, 201, res.body);
    ids[i.code] = res.json().id;
  }
  return { ...ta, ids };
}

const codes = (body: { items: Instrument[] }) => body.items.map((i) => i.code);

test('keuzehulp: search words, SRG code, target group and what an instrument asks; a reservation is visible', async (t) => {
  const { inject, loginAs } = await withCatalogue(t);
  const anna = await loginAs('anna');
  const get = async (query: string) => {
    const res = await inject({ method: 'GET', url: `/api/v1/instruments${query}`, headers: anna });
    assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
    return res.json() as { items: Instrument[]; total: number };
  };

  const all = await get('');
  assert.deepEqual(codes(all), ['DUAAL', 'JOBCOACH', 'TAAL', 'WEP'], 'by name');
  const duaal = all.items.find((i) => i.code === 'DUAAL')!;
  assert.deepEqual(
    { targetGroup: duaal.targetGroup, openToAll: duaal.openToAll },
    { targetGroup: 'statushouders', openToAll: false },
  );
  assert.ok(all.items.filter((i) => i.code !== 'DUAAL').every((i) => i.targetGroup === null && i.openToAll));

  assert.deepEqual(codes(await get('?q=taal')), ['DUAAL', 'TAAL'], 'in the name');
  assert.deepEqual(codes(await get('?q=TAALLES%20werkervaring')), ['DUAAL'], 'every word, any field, any case');
  assert.deepEqual(codes(await get('?q=ervaring')), ['DUAAL', 'WEP'], 'also inside words');
  assert.deepEqual(codes(await get('?q=referentie')), ['WEP'], 'in what it yields');
  assert.deepEqual(codes(await get('?q=100%25')), [], 'a % is a character, not a wildcard');
  assert.deepEqual(codes(await get('?srg=29')), ['WEP']);
  assert.deepEqual(codes(await get('?srg=59&q=taal')), ['DUAAL', 'TAAL']);
  assert.deepEqual(codes(await get('?asks=ochtenden')), ['TAAL']);
  assert.deepEqual(codes(await get('?asks=referentie')), [], 'asks searches what it asks only');
  assert.deepEqual(codes(await get('?openTo=iedereen')), ['JOBCOACH', 'TAAL', 'WEP'], 'open to everyone only');
  assert.deepEqual(
    codes(await get('?openTo=Statushouders')),
    ['DUAAL', 'JOBCOACH', 'TAAL', 'WEP'],
    'open to all plus reserved for this group',
  );
  assert.deepEqual(codes(await get('?openTo=jongeren')), ['JOBCOACH', 'TAAL', 'WEP']);

  const bad = await inject({ method: 'GET', url: '/api/v1/instruments?srg=jobcoach', headers: anna });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().invalidParams, [{ name: 'srg', reason: 'Verkeerd soort waarde (verwacht: integer).' }]);
  const nobody = await inject({ method: 'GET', url: '/api/v1/instruments' });
  assert.equal(nobody.statusCode, 401);

  const srg = await inject({ method: 'GET', url: '/api/v1/srg-types', headers: anna });
  assert.deepEqual(
    srg.json().items.map((s: { code: number }) => s.code),
    [23, 29, 30, 31, 59],
  );
});

test('catalogue management: administrator only, unknown SRG code 400, duplicate code 409, deactivated instruments leave the keuzehulp', async (t) => {
  const { inject, loginAs, db, ids } = await withCatalogue(t);
  const admin = await loginAs('beheer');
  const anna = await loginAs('anna');
  const before = await db.query('SELECT count(*) AS n FROM instrument');

  const byConsultant = await inject({
    method: 'POST',
    url: '/api/v1/instruments',
    headers: anna,
    payload: { code: 'X', name: 'X', srgCode: 59 },
  });
  assert.equal(byConsultant.statusCode, 403);
  assert.equal(byConsultant.json().code, 'FORBIDDEN_ROLE');
  const unknownSrg = await inject({
    method: 'POST',
    url: '/api/v1/instruments',
    headers: admin,
    payload: { code: 'X', name: 'X', srgCode: 99 },
  });
  assert.equal(unknownSrg.statusCode, 400);
  assert.deepEqual(unknownSrg.json().invalidParams, [{ name: 'srgCode', reason: 'Onbekende SRG-code 99.' }]);
  const duplicate = await inject({
    method: 'POST',
    url: '/api/v1/instruments',
    headers: admin,
    payload: { code: 'jobcoach', name: 'Nog een jobcoach', srgCode: 30 },
  });
  assert.equal(duplicate.statusCode, 409);
  assert.equal(duplicate.json().code, 'CONFLICT_DUPLICATE');
  assert.deepEqual(await db.query('SELECT count(*) AS n FROM instrument'), before);
  assert.deepEqual(
    await db.query(`SELECT user_id, client_id, action FROM audit_log WHERE resource = 'instrument' ORDER BY id`),
    NEW_INSTRUMENTS.map(() => ({ user_id: 5, client_id: null, action: 'create' })),
  );

  const opened = await inject({
    method: 'PATCH',
    url: `/api/v1/instruments/${ids.DUAAL}`,
    headers: admin,
    payload: { targetGroup: null },
  });
  assert.equal(opened.statusCode, 200, opened.body);
  assert.deepEqual(
    { targetGroup: opened.json().targetGroup, openToAll: opened.json().openToAll },
    { targetGroup: null, openToAll: true },
  );
  const patchByConsultant = await inject({
    method: 'PATCH',
    url: `/api/v1/instruments/${ids.WEP}`,
    headers: anna,
    payload: { active: false },
  });
  assert.equal(patchByConsultant.statusCode, 403);
  const off = await inject({
    method: 'PATCH',
    url: `/api/v1/instruments/${ids.WEP}`,
    headers: admin,
    payload: { active: false },
  });
  assert.equal(off.statusCode, 200);
  const visible = await inject({ method: 'GET', url: '/api/v1/instruments', headers: anna });
  assert.deepEqual(codes(visible.json()), ['DUAAL', 'JOBCOACH', 'TAAL']);
  const withInactive = await inject({ method: 'GET', url: '/api/v1/instruments?includeInactive=true', headers: admin });
  assert.deepEqual(codes(withInactive.json()), ['DUAAL', 'JOBCOACH', 'TAAL', 'WEP']);
  const allocate = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/instrument-allocations',
    headers: anna,
    payload: { instrumentCode: 'WEP', requestedOn: '2026-01-05', reason: 'Recente werkervaring opdoen' },
  });
  assert.equal(allocate.statusCode, 400);
  assert.equal(allocate.json().invalidParams[0].name, 'instrumentCode');
  const missing = await inject({
    method: 'PATCH',
    url: '/api/v1/instruments/999',
    headers: admin,
    payload: { name: 'Niets' },
  });
  assert.equal(missing.statusCode, 404);
  assert.deepEqual(await db.query('SELECT srg_code, active FROM instrument WHERE id = $1', [ids.WEP]), [
    { srg_code: 29, active: false },
  ]);
});

test('life domains: everyone reads the active ones, the administrator adds, renames and deactivates them', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const admin = await loginAs('beheer');
  const anna = await loginAs('anna');
  const refused = await inject({
    method: 'POST',
    url: '/api/v1/life-domains',
    headers: anna,
    payload: { code: 'taal', name: 'Taal' },
  });
  assert.equal(refused.statusCode, 403);
  const taal = await inject({
    method: 'POST',
    url: '/api/v1/life-domains',
    headers: admin,
    payload: { code: 'taal', name: 'Taal' },
  });
  const geld = await inject({
    method: 'POST',
    url: '/api/v1/life-domains',
    headers: admin,
    payload: { code: 'financien', name: 'Geld' },
  });
  assert.equal(taal.statusCode, 201);
  assert.equal(geld.statusCode, 201);
  const dup = await inject({
    method: 'POST',
    url: '/api/v1/life-domains',
    headers: admin,
    payload: { code: 'taal', name: 'Nog eens taal' },
  });
  assert.equal(dup.statusCode, 409);
  const badCode = await inject({
    method: 'POST',
    url: '/api/v1/life-domains',
    headers: admin,
    payload: { code: 'Taal!', name: 'Taal' },
  });
  assert.equal(badCode.statusCode, 400);
  assert.equal(badCode.json().invalidParams[0].name, 'code');
  const rename = await inject({
    method: 'PATCH',
    url: `/api/v1/life-domains/${geld.json().id}`,
    headers: admin,
    payload: { name: 'Financiën', sortOrder: 0 },
  });
  assert.equal(rename.statusCode, 204);
  const list = await inject({ method: 'GET', url: '/api/v1/life-domains', headers: anna });
  assert.deepEqual(
    list.json().items.map((d: { code: string; name: string; sortOrder: number }) => [d.code, d.name, d.sortOrder]),
    [
      ['financien', 'Financiën', 0],
      ['taal', 'Taal', 1],
    ],
  );
  await inject({
    method: 'PATCH',
    url: `/api/v1/life-domains/${taal.json().id}`,
    headers: admin,
    payload: { active: false },
  });
  const active = await inject({ method: 'GET', url: '/api/v1/life-domains', headers: anna });
  assert.deepEqual(
    active.json().items.map((d: { code: string }) => d.code),
    ['financien'],
  );
  const everything = await inject({ method: 'GET', url: '/api/v1/life-domains?includeInactive=true', headers: admin });
  assert.deepEqual(
    everything.json().items.map((d: { code: string; active: boolean }) => [d.code, d.active]),
    [
      ['financien', true],
      ['taal', false],
    ],
  );
  assert.deepEqual(
    (await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE resource = 'life_domain' ORDER BY id`)).map(
      (r) => r.action,
    ),
    ['create', 'create', 'update', 'update'],
  );
});

test('teams: the administrator lists them with counts and adds one; names are unique; others get 403', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const admin = await loginAs('beheer');
  const list = await inject({ method: 'GET', url: '/api/v1/teams', headers: admin });
  assert.equal(list.statusCode, 200);
  assert.deepEqual(list.json().items, [
    { id: 1, name: 'Team A', users: 3, clients: 2 },
    { id: 2, name: 'Team B', users: 1, clients: 1 },
  ]);
  const dup = await inject({ method: 'POST', url: '/api/v1/teams', headers: admin, payload: { name: 'team a' } });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().code, 'CONFLICT_DUPLICATE');
  const added = await inject({
    method: 'POST',
    url: '/api/v1/teams',
    headers: admin,
    payload: { name: 'Team Wijk Oost' },
  });
  assert.equal(added.statusCode, 201);
  assert.deepEqual(await db.query('SELECT name FROM team WHERE id = $1', [added.json().id]), [
    { name: 'Team Wijk Oost' },
  ]);
  for (const who of ['anna', 'tl-a', 'beleid']) {
    const res = await inject({ method: 'GET', url: '/api/v1/teams', headers: await loginAs(who) });
    assert.equal(res.statusCode, 403, who);
  }
});
