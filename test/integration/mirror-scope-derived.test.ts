import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../helpers/db.js';
import type { Db, Queryable } from '../../src/store/db.js';
import { writeDemodam } from '../../src/demo/write.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/organisation.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { clearMirrorCaches } from '../../src/server/mirror-service.js';
import {
  loadMirrorBase,
  loadPopulationDirect,
  populationOf,
  type MirrorScopeKey,
} from '../../src/server/mirror-scope.js';

// A team or wijk of the mirror is derived in memory from the municipality-wide period. It must
// answer exactly what loading that team or wijk straight from the database (its own SQL filter)
// answers: the same table, the same quality counts and keys, the same register-or-questionnaire
// split, and so the same API answers after disclosure control.
const config = { ...loadConfig({}), demo: false };
const YEAR = '2025';
const PERIOD = { municipalityId: 1, from: '2025-01-01', to: '2025-12-31' };

let db: Db & { drop(): Promise<void> };
/**
 * Period start ($2) and team ($4) of every load of the mirror's facts through the derived app's
 * database. A period is read in pieces of clients (by id); a load is counted at its first piece,
 * and any piece filtered by team or wijk counts as a load of its own.
 */
const factLoads: { from: string; teamId: number | null; neighbourhoodId: number | null }[] = [];
let firstClientId: number;
let derived: FastifyInstance;
let direct: FastifyInstance;
let teams: { id: number; name: string }[];
let wijken: { id: number; name: string }[];
let years: string[];

/** Notes every load of the mirror's facts, then runs the query. */
function noting(q: Queryable): Queryable {
  return {
    query: (sql: string, params?: readonly unknown[]) => {
      if (sql.includes('WITH pop AS') && params) {
        const load = {
          from: params[1] as string,
          teamId: params[3] as number | null,
          neighbourhoodId: params[4] as number | null,
        };
        if (params[6] === firstClientId || load.teamId !== null || load.neighbourhoodId !== null) factLoads.push(load);
      }
      return q.query(sql, params as never);
    },
  } as Queryable;
}

/** The database as the derived app sees it, noting every load of the mirror's facts (also as background reads). */
function counting(target: Db): Db {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === 'query') return noting(t).query;
      if (prop === 'background') return noting(t.background ?? t);
      const v: unknown = Reflect.get(t, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

async function login(app: FastifyInstance, username: string): Promise<Record<string, string>> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { username, password: DEMO_PASSWORD },
  });
  assert.equal(res.statusCode, 201, res.body);
  return { cookie: `ks_session=${res.cookies.find((c) => c.name === 'ks_session')!.value}` };
}

/** Waits (a few seconds at most) until `done` holds: the warm-up runs in the background. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(done(), `not reached: ${what}`);
}

before(async () => {
  db = await freshDb();
  await writeDemodam(db, { clients: 1500, pseudonymSecret: config.pseudonymSecret });
  firstClientId = (await db.query<{ id: number }>('SELECT min(id)::int AS id FROM client WHERE municipality_id = 1'))[0]
    .id;
  teams = await db.query('SELECT id, name FROM team WHERE municipality_id = 1 ORDER BY id');
  wijken = await db.query('SELECT id, name FROM neighbourhood WHERE municipality_id = 1 ORDER BY id');
  derived = await buildApp({ db: counting(db), config, warmMirror: true });
  direct = await buildApp({ db, config, mirrorLoad: 'direct' });
  await derived.ready();
  const headers = await login(derived, DEMO_ACCOUNTS.beleidsmedewerker);
  const options = await derived.inject({ method: 'GET', url: '/api/v1/spiegel/options', headers });
  years = (options.json() as { periods: string[] }).periods;
});
after(async () => {
  await derived?.close();
  await direct?.close();
  await db?.drop();
});

test('the warm-up reads every year of the options municipality-wide, newest first, and nothing else', async () => {
  assert.ok(years.includes(YEAR) && years.length >= 2, years.join());
  await until(() => factLoads.length === years.length, `${years.length} years warmed`);
  assert.deepEqual(
    factLoads.map((l) => l.from.slice(0, 4)),
    [...years].reverse(),
  );
  assert.ok(factLoads.every((l) => l.teamId === null && l.neighbourhoodId === null));
});

test('every team and every wijk answers as its own load from the database, with no read of its own', async () => {
  await until(() => factLoads.length === years.length, 'warm-up done');
  const loadsBefore = factLoads.length;
  const asDerived = await login(derived, DEMO_ACCOUNTS.beleidsmedewerker);
  const asDirect = await login(direct, DEMO_ACCOUNTS.beleidsmedewerker);
  const scopes = [
    ...teams.map((t) => `team=${t.id}`),
    ...wijken.map((w) => `wijk=${w.id}`),
    `team=${teams[0].id}&wijk=${wijken[0].id}`,
  ];
  let shown = 0;
  for (const scope of scopes) {
    for (const path of [
      `/spiegel?ground=geslacht,migratieachtergrond,opleiding,leeftijd*huishouden`,
      `/spiegel/aandacht?ground=geslacht,taalniveau`,
    ]) {
      const url = `/api/v1${path}&period=${YEAR}&${scope}`;
      const a = await derived.inject({ method: 'GET', url, headers: asDerived });
      const b = await direct.inject({ method: 'GET', url, headers: asDirect });
      assert.equal(a.statusCode, b.statusCode, `${url}: ${a.body.slice(0, 200)}`);
      assert.deepEqual(a.json(), b.json(), url);
      if (a.statusCode === 200) shown++;
    }
  }
  // every team and wijk of Demodam is large enough to show (only the team-and-wijk one may be refused)
  assert.ok(shown >= 2 * (teams.length + wijken.length), `${shown} answers shown`);
  assert.equal(factLoads.length, loadsBefore, 'no team or wijk read from the database');
});

test('a team leader sees the same mirror of the own team, also for a wijk within it', async () => {
  const asDerived = await login(derived, DEMO_ACCOUNTS.teamleider);
  const asDirect = await login(direct, DEMO_ACCOUNTS.teamleider);
  for (const url of [
    `/api/v1/spiegel/aandacht?period=${YEAR}&ground=geslacht`,
    `/api/v1/spiegel?period=${YEAR}&ground=leeftijd,gezondheid&wijk=${wijken[1].id}`,
  ]) {
    const a = await derived.inject({ method: 'GET', url, headers: asDerived });
    const b = await direct.inject({ method: 'GET', url, headers: asDirect });
    assert.equal(a.statusCode, b.statusCode, url);
    assert.deepEqual(a.json(), b.json(), url);
  }
});

test('the derived population is the loaded one: table, quality counts and keys, register or questionnaire', async () => {
  const base = await loadMirrorBase(db, config, { ...PERIOD, teamId: null, neighbourhoodId: null });
  // a team within a wijk: both filters at once (the API test above covers each alone)
  const scope: MirrorScopeKey = { ...PERIOD, teamId: teams[1].id, neighbourhoodId: wijken[2].id };
  const { loadedAt: _a, ...fromBase } = populationOf(base, scope);
  const { loadedAt: _b, ...loaded } = await loadPopulationDirect(db, config, scope);
  assert.ok(loaded.table.size > 10 && loaded.table.size < base.rows.length / 4, `size ${loaded.table.size}`);
  assert.deepEqual(fromBase, loaded);
  // a team's consultants only: the ground "klantmanager" of another team's scope differs
  const names = (teamId: number) =>
    populationOf(base, { ...PERIOD, teamId, neighbourhoodId: null }).organisationGrounds[1].groups;
  assert.equal(names(teams[0].id).filter((n) => names(teams[1].id).includes(n)).length, 0);
});

test('refresh of a team reads the whole period again; an import forgets it and warms the newest years', async () => {
  const headers = await login(derived, DEMO_ACCOUNTS.beleidsmedewerker);
  const n = factLoads.length;
  const url = `/api/v1/spiegel?period=${YEAR}&ground=geslacht&team=${teams[2].id}`;
  const refreshed = await derived.inject({ method: 'GET', url: `${url}&refresh=true`, headers });
  assert.equal(refreshed.statusCode, 200);
  assert.deepEqual(factLoads.slice(n), [{ from: PERIOD.from, teamId: null, neighbourhoodId: null }]);
  // another team of the refreshed period: from memory
  const other = await derived.inject({
    method: 'GET',
    url: url.replace(`team=${teams[2].id}`, `team=${teams[3].id}`),
    headers,
  });
  assert.equal(other.statusCode, 200);
  assert.equal(factLoads.length, n + 1);

  clearMirrorCaches();
  const newest = [...years].reverse().slice(0, 2);
  await until(() => factLoads.length === n + 3, 'the two newest years warmed again');
  assert.deepEqual(
    factLoads.slice(n + 1).map((l) => [l.from.slice(0, 4), l.teamId]),
    newest.map((y) => [y, null]),
  );
});

test('the adjusted comparison takes age in years as a covariate, for the municipality and for a team', async () => {
  const headers = await login(derived, DEMO_ACCOUNTS.beleidsmedewerker);
  for (const scope of ['', `&team=${teams[0].id}`]) {
    const url = `/api/v1/spiegel/aangepast?period=${YEAR}&stage=voorziening&ground=geslacht&covariates=leeftijd_jaren${scope}`;
    const res = await derived.inject({ method: 'GET', url, headers });
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
    const body = res.json() as { covariates: string[]; used: number; rows: { adjusted: unknown }[] };
    assert.deepEqual(body.covariates, ['leeftijd_jaren']);
    assert.ok(body.used > 0 && body.rows.length > 0, url);
  }
});
