import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, testPasswordHash, type TestApp } from '../helpers/app.js';

const CASE = {
  title: 'Fatima wil eerst taalles',
  situation:
    'Een vrouw van 38 met twee kinderen op de basisschool wil eerst haar Nederlands verbeteren. Er is een vacature voor 20 uur in de zorg.',
  tags: ['taal', 'kinderopvang'],
  options: ['Eerst een taaltraject, daarna werk', 'Nu de vacature, met taal op de werkvloer'],
};

async function addConsultant(db: TestApp['db'], id: number, username: string, teamId: number) {
  const hash = await testPasswordHash();
  await db.query(
    `INSERT INTO app_user (id, municipality_id, team_id, username, display_name, password_hash, role)
     VALUES ($1, 1, $2, $3, $3, $4, 'consultant')`,
    [id, teamId, username, hash],
  );
}

test('dilemma cases: team leaders write them; choices of colleagues only after the own choice; one choice each', async (t) => {
  const { inject, loginAs } = await buildTestApp(t);
  const tl = await loginAs('tl-a');
  const anna = await loginAs('anna');

  const refused = await inject({ method: 'POST', url: '/api/v1/leren/casussen', headers: anna, payload: CASE });
  assert.equal(refused.statusCode, 403, 'a consultant does not write cases');
  const oneOption = await inject({
    method: 'POST',
    url: '/api/v1/leren/casussen',
    headers: tl,
    payload: { ...CASE, options: ['Alleen dit'] },
  });
  assert.equal(oneOption.statusCode, 400);

  const created = await inject({ method: 'POST', url: '/api/v1/leren/casussen', headers: tl, payload: CASE });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as number;

  const before = (await inject({ method: 'GET', url: `/api/v1/leren/casussen/${id}`, headers: anna })).json();
  assert.equal(before.votes, null, 'no colleagues’ choices before choosing');
  assert.equal(before.myVote, null);
  assert.equal(before.options.length, 2);

  const foreign = await inject({
    method: 'POST',
    url: `/api/v1/leren/casussen/${id}/keuze`,
    headers: anna,
    payload: { optionId: 999999, reason: '' },
  });
  assert.equal(foreign.statusCode, 400);

  const vote = await inject({
    method: 'POST',
    url: `/api/v1/leren/casussen/${id}/keuze`,
    headers: anna,
    payload: { optionId: before.options[1].id, reason: 'Werk is de beste taalles.' },
  });
  assert.equal(vote.statusCode, 201, vote.body);
  const again = await inject({
    method: 'POST',
    url: `/api/v1/leren/casussen/${id}/keuze`,
    headers: anna,
    payload: { optionId: before.options[0].id, reason: '' },
  });
  assert.equal(again.statusCode, 409, 'one choice per case');

  const afterVote = (await inject({ method: 'GET', url: `/api/v1/leren/casussen/${id}`, headers: anna })).json();
  assert.deepEqual(
    afterVote.votes.map((v: { votes: number }) => v.votes),
    [0, 1],
  );
  assert.equal(afterVote.myVote.reason, 'Werk is de beste taalles.');

  // the policy officer and the administrator have no part in the learning team
  for (const who of ['beleid', 'beheer']) {
    const h = await loginAs(who);
    assert.equal((await inject({ method: 'GET', url: '/api/v1/leren/casussen', headers: h })).statusCode, 403);
  }
});

test('variants: each consultant sees one version; the meeting sees reasons without names; the comparison only above the threshold', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  await addConsultant(db, 20, 'carla', 1);
  const tl = await loginAs('tl-a');
  const id = (await inject({ method: 'POST', url: '/api/v1/leren/casussen', headers: tl, payload: CASE })).json()
    .id as number;
  const variant = await inject({
    method: 'POST',
    url: `/api/v1/leren/casussen/${id}/varianten`,
    headers: tl,
    payload: { feature: 'naam', situation: CASE.situation.replace('Een vrouw', 'Een vrouw (Sanne)') },
  });
  assert.equal(variant.statusCode, 201, variant.body);
  const same = await inject({
    method: 'POST',
    url: `/api/v1/leren/casussen/${id}/varianten`,
    headers: tl,
    payload: { feature: 'leeftijd', situation: CASE.situation },
  });
  assert.equal(same.statusCode, 400, 'a variant must differ');

  const seen: number[] = [];
  for (const who of ['anna', 'anton', 'carla']) {
    const h = await loginAs(who);
    const list = (await inject({ method: 'GET', url: '/api/v1/leren/casussen', headers: h })).json();
    assert.equal(list.items.length, 1, `${who} sees one version of the set`);
    assert.equal(list.items[0].versions, 1, 'a consultant is not told there are variants');
    const shown = list.items[0].id as number;
    seen.push(shown);
    const detail = (await inject({ method: 'GET', url: `/api/v1/leren/casussen/${shown}`, headers: h })).json();
    const vote = await inject({
      method: 'POST',
      url: `/api/v1/leren/casussen/${shown}/keuze`,
      headers: h,
      payload: { optionId: detail.options[0].id, reason: `Reden van ${who}` },
    });
    assert.equal(vote.statusCode, 201, vote.body);
  }
  // bram (team B) votes too: the meeting of team A does not see it
  const bram = await loginAs('bram');
  const bramCase = (await inject({ method: 'GET', url: '/api/v1/leren/casussen', headers: bram })).json().items[0].id;
  const bramDetail = (await inject({ method: 'GET', url: `/api/v1/leren/casussen/${bramCase}`, headers: bram })).json();
  await inject({
    method: 'POST',
    url: `/api/v1/leren/casussen/${bramCase}/keuze`,
    headers: bram,
    payload: { optionId: bramDetail.options[1].id, reason: 'Reden van bram' },
  });

  const meeting = await inject({ method: 'GET', url: `/api/v1/leren/casussen/${id}/bespreking`, headers: tl });
  assert.equal(meeting.statusCode, 200, meeting.body);
  const m = meeting.json();
  assert.equal(m.versions.length, 2);
  const total = m.versions
    .flatMap((v: { votes: { votes: number }[] }) => v.votes)
    .reduce((a: number, b: { votes: number }) => a + b.votes, 0);
  assert.equal(total, 3, 'the three votes of team A, not bram’s');
  // per version nothing below the threshold: the votes are pooled on the original
  assert.deepEqual(
    m.versions
      .slice(1)
      .map((v: { votes: { votes: number }[]; reasons: unknown[] }) => [
        v.votes.reduce((a, b) => a + b.votes, 0),
        v.reasons.length,
      ]),
    [[0, 0]],
  );
  const reasons = m.versions.flatMap((v: { reasons: { reason: string }[] }) => v.reasons.map((r) => r.reason)).sort();
  assert.deepEqual(reasons, ['Reden van anna', 'Reden van anton', 'Reden van carla']);
  assert.doesNotMatch(meeting.body, /"userId"|Anna de Vries|Anton Jansen/, 'no names or ids in the meeting view');
  for (const c of m.comparison) {
    assert.ok(c.votes === null || c.votes === 0, 'under the threshold of 10 no comparison is published');
    assert.ok(c.shares.every((s: { share: number | null }) => s.share === null));
  }
  const anna = await loginAs('anna');
  assert.equal(
    (await inject({ method: 'GET', url: `/api/v1/leren/casussen/${id}/bespreking`, headers: anna })).statusCode,
    403,
    'the meeting view is the team leader’s',
  );
  // a consultant who asks for the other version gets the own one, and cannot vote on the other
  const other = seen[0] === id ? variant.json().id : id;
  const otherVote = await inject({
    method: 'POST',
    url: `/api/v1/leren/casussen/${other}/keuze`,
    headers: anna,
    payload: { optionId: 1, reason: '' },
  });
  assert.equal(otherVote.statusCode, 404);
});

test('reflection: the consultant’s own; no other person ever sees it per person', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const today = new Date().toISOString().slice(0, 10);
  const [conv] = await db.query<{ id: number }>(
    `INSERT INTO conversation (client_id, held_on, kind, summary, consultant_id) VALUES (1, $1, 'gesprek', 'Intake', 1) RETURNING id`,
    [today],
  );
  const anna = await loginAs('anna');
  const open = (await inject({ method: 'GET', url: '/api/v1/leren/reflecties/open', headers: anna })).json();
  assert.deepEqual(
    open.items.map((i: { conversationId: number }) => i.conversationId),
    [conv.id],
  );
  const MARK = 'Wil graag in de kinderopvang werken-XYZZY';
  const bram = await loginAs('bram');
  const notHis = await inject({
    method: 'POST',
    url: '/api/v1/leren/reflecties',
    headers: bram,
    payload: { conversationId: conv.id, logic: 'zorgend', discriminationDiscussed: false, clientWish: 'x' },
  });
  assert.equal(notHis.statusCode, 404, 'only on one’s own conversations');
  const r = await inject({
    method: 'POST',
    url: '/api/v1/leren/reflecties',
    headers: anna,
    payload: { conversationId: conv.id, logic: 'versterkend', discriminationDiscussed: true, clientWish: MARK },
  });
  assert.equal(r.statusCode, 201, r.body);
  const [audit] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE resource = 'reflection' AND action = 'create' AND client_id = 1`,
  );
  assert.equal(audit.n, 1);

  const mine = (await inject({ method: 'GET', url: '/api/v1/leren/reflecties/mijn', headers: anna })).json();
  assert.equal(mine.months.length, 1);
  assert.equal(mine.months[0].logics.versterkend, 1);
  assert.equal(mine.months[0].discrimination, 1);

  // every other view a team leader, a colleague or a policy officer can open about this client,
  // this consultant or this team: none holds the reflection
  const tl = await loginAs('tl-a');
  const beleid = await loginAs('beleid');
  const views: [Record<string, string>, string][] = [
    [tl, '/api/v1/leren/reflecties/mijn'],
    [tl, '/api/v1/clients/1'],
    [tl, '/api/v1/caseload'],
    [tl, '/api/v1/team/overview'],
    [tl, '/api/v1/leren/teamspiegel'],
    [bram, '/api/v1/leren/reflecties/mijn'],
    [beleid, '/api/v1/leren/reflecties/mijn'],
    [beleid, '/api/v1/leren/teamspiegel?team=1'],
    [anna, '/api/v1/clients/1'],
  ];
  for (const [headers, url] of views) {
    const res = await inject({ method: 'GET', url, headers });
    assert.doesNotMatch(res.body, /XYZZY|versterkend"\s*:\s*1/, `${url} must not show the reflection`);
    if (url.endsWith('/mijn') && headers !== anna) {
      const res2 = (await inject({ method: 'GET', url, headers })).json();
      assert.ok(res.statusCode === 403 || res2.months.length === 0, `${url}: nobody else's pattern`);
    }
  }
});

test('the team’s mirror of its habits: protected counts per group, small groups hidden', async (t) => {
  const { inject, loginAs, db } = await buildTestApp(t);
  const today = new Date().toISOString().slice(0, 10);
  // 60 women, of whom 30 had discrimination discussed; 60 men, of whom 7 (hidden: under 10)
  await db.query(
    `INSERT INTO client (id, municipality_id, bsn, given_name, family_name, birth_date, gender, household, team_id, consultant_id)
     SELECT 100 + g, 1, lpad((300000000 + g)::text, 9, '0'), 'K', 'L' || g, '1980-01-01', CASE WHEN g <= 60 THEN 'vrouw' ELSE 'man' END, 'alleenstaand', 1, 1
       FROM generate_series(1, 120) g`,
  );
  await db.query(
    `INSERT INTO conversation (client_id, held_on, kind, consultant_id) SELECT 100 + g, $1, 'gesprek', 1 FROM generate_series(1, 120) g`,
    [today],
  );
  await db.query(
    `INSERT INTO discrimination_discussion (client_id, discussed_on, experienced, consultant_id)
     SELECT 100 + g, $1, false, 1 FROM generate_series(1, 120) g WHERE g <= 30 OR g BETWEEN 61 AND 67`,
    [today],
  );
  const tl = await loginAs('tl-a');
  const res = await inject({ method: 'GET', url: '/api/v1/leren/teamspiegel', headers: tl });
  assert.equal(res.statusCode, 200, res.body);
  const gender = res.json().tables.find((x: { ground: string }) => x.ground === 'geslacht');
  const women = gender.groups.find((g: { group: string }) => g.group === 'vrouw').discrimination;
  const men = gender.groups.find((g: { group: string }) => g.group === 'man').discrimination;
  // 60 and 30 are multiples of 5: the rounding leaves them as they are
  assert.deepEqual([women.base, women.count, women.value], [60, 30, 0.5]);
  assert.equal(men.count, null);
  assert.equal(men.hidden, 'klein-aantal');
  const total = gender.total.discrimination;
  assert.equal(total.base, 120);
  assert.ok(total.count === 35 || total.count === 40, `37 rounds to 35 or 40, got ${total.count}`);

  assert.equal(
    (await inject({ method: 'GET', url: '/api/v1/leren/teamspiegel?team=2', headers: tl })).statusCode,
    403,
    'a team leader sees only the own team',
  );
  const anna = await loginAs('anna');
  assert.equal((await inject({ method: 'GET', url: '/api/v1/leren/teamspiegel', headers: anna })).statusCode, 403);
  const beleid = await loginAs('beleid');
  const small = await inject({ method: 'GET', url: '/api/v1/leren/teamspiegel?team=2', headers: beleid });
  assert.equal(small.statusCode, 400, 'a team with too few clients is not published');
});
