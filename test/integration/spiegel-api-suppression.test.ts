import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { GROUNDS } from '../../src/mirror/grounds.js';
import { pairsOf } from '../../src/mirror/funnel.js';
import type { TestDb } from '../helpers/db.js';
import { demodamDb } from '../helpers/demo-db.js';

// Every answer of every mirror route, on Demodam (6,000 clients), for many combinations of
// ground, intersection, scope and period: no count may lie between 1 and threshold − 1.
const THRESHOLD = 10;
const DEMO_PASSWORD = 'demodam';
/** Fields that hold a number of people (plus any field named n<Something>). */
const COUNT_FIELDS = new Set([
  'nPopulation',
  'nStage',
  'population',
  'reached',
  'n',
  'missingDiagnosis',
  'withoutConversation',
  'impossibleDates',
  'used',
  'leftOut',
  'total',
  'count',
]);
const isCountField = (key: string) => COUNT_FIELDS.has(key) || /^n[A-Z]/.test(key);

/** Every count field under `value` (recursively) that would give away a small number. */
function smallCounts(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => smallCounts(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'number' && isCountField(key) && v >= 1 && v < THRESHOLD) out.push(`${path}.${key} = ${v}`);
    else out.push(...smallCounts(v, `${path}.${key}`));
  }
  return out;
}

/** Numbers of people named in the plain-Dutch text ("12 mensen", "van de 40"). */
function smallCountsInText(value: unknown): string[] {
  const text = JSON.stringify(value);
  const found: string[] = [];
  for (const m of text.matchAll(/(\d[\d.]*) (?:mensen|van de|cellen)|van de (\d[\d.]*)/g)) {
    const n = Number((m[1] ?? m[2]).replace(/\./g, ''));
    if (n >= 1 && n < THRESHOLD && !/cellen/.test(m[0])) found.push(m[0]);
  }
  return found;
}

type Headers = { cookie: string };
let app: FastifyInstance;
let db: TestDb;
const sessions = new Map<string, Headers>();
let checkedAnswers = 0;
let refusedScopes = 0;

async function login(username: string): Promise<Headers> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { username, password: DEMO_PASSWORD },
  });
  assert.equal(res.statusCode, 201, res.body);
  const cookie = res.cookies.find((c) => c.name === 'ks_session')!;
  return { cookie: `ks_session=${cookie.value}` };
}

async function get(username: string, url: string): Promise<{ status: number; body: unknown; text: string }> {
  if (!sessions.has(username)) sessions.set(username, await login(username));
  const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: sessions.get(username) });
  const json = /json/.test(String(res.headers['content-type'])) ? (res.json() as unknown) : null;
  return { status: res.statusCode, body: json, text: res.body };
}

/** GET that must succeed, and whose answer must carry no small count. */
async function safe(username: string, url: string): Promise<Record<string, unknown>> {
  const res = await get(username, url);
  assert.equal(res.status, 200, `${username} ${url}: ${res.text.slice(0, 300)}`);
  assert.deepEqual(smallCounts(res.body), [], `${username} ${url}`);
  assert.deepEqual(smallCountsInText(res.body), [], `${username} ${url} (text)`);
  checkedAnswers++;
  return res.body as Record<string, unknown>;
}

const ALL = GROUNDS.map((g) => g.key);
const YEARS = ['2024', '2025', '2026'];

before(async () => {
  const config = { ...loadConfig({}), demo: false, suppressionThreshold: THRESHOLD };
  db = await demodamDb({ clients: 6000, pseudonymSecret: config.pseudonymSecret });
  app = await buildApp({ db, config });
});
after(async () => {
  console.log(
    `# ${checkedAnswers} mirror answers scanned for small counts; ${refusedScopes} scopes refused as too small`,
  );
  await app?.close();
  await db?.drop();
});

describe('suppression: no answer of the mirror API carries a count from 1 to threshold − 1', () => {
  test('every ground alone and all 2-way intersections, municipality-wide, each year (policy officer)', async () => {
    for (const year of YEARS) {
      for (const g of ALL) await safe('beleid', `/spiegel?period=${year}&ground=${g}`);
      for (const [a, b] of pairsOf(ALL)) await safe('beleid', `/spiegel?period=${year}&ground=${a}*${b}`);
    }
    const all = await safe('beleid', '/spiegel?period=2025&intersections=true');
    assert.equal((all.result as { groupings: string[] }).groupings.length, ALL.length + pairsOf(ALL).length);
  });

  test('3-way intersections, with small cells that must be hidden', async () => {
    const triples = [
      'geslacht*leeftijd*migratieachtergrond',
      'huishouden*geslacht*leeftijd',
      'opleiding*taalniveau*werkervaring',
      'statushouder*gezondheid*leeftijd_fijn',
      'herkomst*huishouden*doelgroepregister',
      'migratie_enschede*opleiding*geslacht',
    ];
    let hidden = 0;
    for (const year of ['2025', '2026']) {
      for (const t of triples) {
        const body = await safe('beleid', `/spiegel?period=${year}&ground=${t}`);
        hidden += (body.result as { cells: { suppressed: string | null }[] }).cells.filter(
          (c) => c.suppressed !== null,
        ).length;
      }
    }
    assert.ok(hidden > 100, `the 3-way intersections hide cells (${hidden})`);
  });

  test('team and wijk scopes, for the policy officer and the team leader', async () => {
    const options = await safe('beleid', '/spiegel/options');
    const teams = options.teams as { id: number }[];
    const wijken = options.wijken as { id: number }[];
    assert.equal(teams.length, 4);
    assert.ok(wijken.length >= 8);
    for (const team of teams) {
      for (const g of [
        'geslacht',
        'leeftijd',
        'migratieachtergrond',
        'huishouden*leeftijd',
        'geslacht*leeftijd*migratieachtergrond',
      ]) {
        await safe('beleid', `/spiegel?period=2025&team=${team.id}&ground=${g}`);
      }
      await safe('beleid', `/spiegel/aandacht?period=2025&team=${team.id}&ground=leeftijd,huishouden*geslacht`);
    }
    for (const wijk of wijken) {
      await safe('beleid', `/spiegel?period=2025&wijk=${wijk.id}&ground=geslacht,leeftijd,opleiding*taalniveau`);
      // team Noord within one wijk: shown when large enough, otherwise refused naming the wijk
      const res = await get('teamleider', `/spiegel?period=2025&wijk=${wijk.id}&ground=geslacht*leeftijd`);
      if (res.status === 200) await safe('teamleider', `/spiegel?period=2025&wijk=${wijk.id}&ground=geslacht*leeftijd`);
      else {
        assert.equal(res.status, 400, res.text);
        assert.match(res.text, /"name":"wijk".*minder dan 100 mensen/);
        refusedScopes++;
      }
    }
    for (const g of ALL) await safe('teamleider', `/spiegel?period=2025&ground=${g}`);
    for (const [a, b] of pairsOf(['geslacht', 'leeftijd', 'huishouden', 'migratieachtergrond', 'opleiding'])) {
      await safe('teamleider', `/spiegel?period=2024&ground=${a}*${b}`);
    }
  });

  test('the attention mirror, per group and (team leader) per consultant', async () => {
    for (const year of YEARS) {
      for (const g of ALL) await safe('beleid', `/spiegel/aandacht?period=${year}&ground=${g}`);
      for (const g of ALL) await safe('teamleider', `/spiegel/aandacht?period=${year}&ground=${g}`);
    }
  });

  test('the adjusted comparison, for every stage and ground with the labour-market covariates', async () => {
    const options = await safe('beleid', '/spiegel/options');
    const stages = (options.stages as { key: string }[]).map((s) => s.key);
    const covariates = ['leeftijd', 'opleiding', 'taalniveau', 'werkervaring', 'gezondheid'];
    for (const stage of stages) {
      for (const g of ALL) {
        const cov = covariates.filter((c) => c !== g).join(',');
        await safe('beleid', `/spiegel/aangepast?period=2025&stage=${stage}&ground=${g}&covariates=${cov}`);
      }
      await safe(
        'teamleider',
        `/spiegel/aangepast?period=2025&stage=${stage}&ground=leeftijd_fijn&covariates=opleiding,taalniveau`,
      );
      await safe('beleid', `/spiegel/aangepast?period=2026&stage=${stage}&ground=huishouden&covariates=leeftijd`);
    }
  });

  test('the CSV export has no small numbers in n_populatie and n_fase', async () => {
    for (const url of [
      '/spiegel/export.csv?period=2025&intersections=true&formaat=csv-data',
      '/spiegel/export.csv?period=2025&ground=geslacht*leeftijd*migratieachtergrond&formaat=csv-data',
    ]) {
      const res = await get('beleid', url);
      assert.equal(res.status, 200);
      const [header, ...rows] = res.text.trim().split('\n');
      const cols = header.split(',');
      const idx = ['n_populatie', 'n_fase'].map((c) => cols.indexOf(c));
      assert.ok(
        idx.every((i) => i >= 0),
        header,
      );
      for (const row of rows) {
        // group labels hold no commas in Demodam; the counts are plain integers
        const fields = row.split(',');
        for (const i of idx) {
          const n = fields[i] === '' ? 0 : Number(fields[i]);
          assert.ok(!(n >= 1 && n < THRESHOLD), `${url}: ${row}`);
        }
      }
    }
  });
});

describe('who sees what', () => {
  test('klantmanager: no mirror at all (the app offers none; 403 on every mirror route)', async () => {
    for (const url of [
      '/spiegel/options',
      '/spiegel?period=2025',
      '/spiegel/aandacht?ground=leeftijd',
      '/spiegel/aangepast?stage=plan&ground=leeftijd',
      '/spiegel/export.csv',
      '/spiegel/export.html',
      '/spiegel/export.pdf',
      '/meetmomenten/uitkomsten?period=2025',
    ]) {
      const res = await get('klantmanager', url);
      assert.equal(res.status, 403, url);
      assert.equal((res.body as { code: string }).code, 'FORBIDDEN_ROLE');
    }
  });

  test('teamleider: own team only, every ground, and the attention mirror per consultant', async () => {
    const options = await safe('teamleider', '/spiegel/options');
    assert.deepEqual(
      (options.grounds as { key: string }[]).map((g) => g.key),
      ALL,
    );
    assert.deepEqual(options.teams, []);
    assert.equal(options.perConsultant, true);
    const body = await safe('teamleider', '/spiegel?period=2025&ground=geslacht');
    assert.equal((body.scope as { teamId: number }).teamId, 1);
    assert.equal((await get('teamleider', '/spiegel?team=3')).status, 403);
    assert.equal((await get('teamleider', '/spiegel/aangepast?stage=plan&ground=leeftijd&team=3')).status, 403);
    assert.equal(((await safe('teamleider', '/spiegel?team=1&ground=leeftijd')).scope as { teamId: number }).teamId, 1);

    const attention = await safe('teamleider', '/spiegel/aandacht?period=2025&ground=leeftijd');
    const result = attention.result as {
      groupings: string[];
      cells: { ground: string; stage: string; nPopulation: number | null }[];
    };
    assert.deepEqual(result.groupings, ['leeftijd', 'klantmanager']);
    const perConsultant = result.cells.filter((c) => c.ground === 'klantmanager');
    assert.ok(
      perConsultant.some((c) => c.nPopulation !== null && c.nPopulation >= THRESHOLD),
      'consultants of team Noord are shown',
    );
    assert.deepEqual([...new Set(result.cells.map((c) => c.stage))].sort(), ['contact_4', 'onder_op_de_stapel']);
  });

  test('beleidsmedewerker and onderzoeker: the whole municipality, any team, attention per team but never per consultant', async () => {
    for (const user of ['beleid', 'onderzoek']) {
      const options = await safe(user, '/spiegel/options');
      assert.equal((options.teams as unknown[]).length, 4);
      assert.equal(options.perConsultant, false);
      const body = await safe(user, '/spiegel?period=2025&ground=migratieachtergrond');
      assert.equal((body.scope as { teamId: number | null }).teamId, null);
      assert.equal((body.result as { population: number }).population > 1000, true);
      const team = await safe(user, '/spiegel?period=2025&ground=geslacht&team=3');
      assert.equal((team.scope as { teamId: number }).teamId, 3);
      const attention = await safe(user, '/spiegel/aandacht?period=2025&ground=leeftijd');
      assert.deepEqual((attention.result as { groupings: string[] }).groupings, ['leeftijd', 'team']);
      const inTeam = await safe(user, '/spiegel/aandacht?period=2025&ground=leeftijd&team=2');
      assert.deepEqual((inTeam.result as { groupings: string[] }).groupings, ['leeftijd']);
    }
  });

  test('beheerder: 403 on every mirror route', async () => {
    for (const url of [
      '/spiegel/options',
      '/spiegel',
      '/spiegel/aandacht',
      '/spiegel/aangepast?stage=plan&ground=leeftijd',
      '/spiegel/export.csv',
      '/spiegel/export.html',
      '/spiegel/export.pdf',
    ]) {
      const res = await get('beheer', url);
      assert.equal(res.status, 403, url);
      assert.equal((res.body as { code: string }).code, 'FORBIDDEN_ROLE');
    }
  });

  test('PDF export without Chromium: 503 problem+json with a Dutch title', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const res = await get('beleid', '/spiegel/export.pdf?period=2025&ground=geslacht');
      assert.equal(res.status, 503);
      assert.match(String(res.text), /PDF_UNAVAILABLE/);
      const body = res.body as { code: string; title: string; status: number };
      assert.equal(body.code, 'PDF_UNAVAILABLE');
      assert.equal(body.title, 'Een PDF maken kan nu niet: het afdrukprogramma (Chromium) ontbreekt op de server.');
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });

  test('not logged in: 401', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/spiegel' });
    assert.equal(res.statusCode, 401);
  });
});

describe('the built-in truths of Demodam are still found through the protected API', () => {
  type Cell = {
    ground: string;
    group: string;
    stage: string;
    ratio: number | null;
    pAdjusted: number | null;
    suppressed: string | null;
    nPopulation: number | null;
  };
  const clear = (c: Cell) =>
    c.pAdjusted !== null && c.pAdjusted < 0.05 && c.ratio !== null && (c.ratio >= 1.1 || c.ratio <= 1 / 1.1);
  const cellOf = (body: Record<string, unknown>, ground: string, group: string, stage: string): Cell => {
    const c = (body.result as { cells: Cell[] }).cells.find(
      (x) => x.ground === ground && x.group === group && x.stage === stage,
    );
    assert.ok(c, `${ground}/${group}/${stage}`);
    return c;
  };

  test('45+ rarely get an instrument, also after adjustment; women less often reach lasting work', async () => {
    const body = await safe('beleid', '/spiegel?period=2025&ground=leeftijd,geslacht');
    const older = cellOf(body, 'leeftijd', '45+', 'voorziening');
    assert.ok(clear(older) && older.ratio! < 0.6, JSON.stringify(older));
    const women = cellOf(body, 'geslacht', 'vrouw', 'werkzaam_6m');
    assert.ok(women.pAdjusted! < 0.05 && women.ratio! < 0.8, JSON.stringify(women));
    const adjusted = await safe(
      'beleid',
      '/spiegel/aangepast?period=2025&stage=voorziening&ground=leeftijd&covariates=opleiding,werkervaring,gezondheid',
    );
    const row = (adjusted.rows as { group: string; adjusted: { oddsRatio: number; p: number } | null }[]).find(
      (r) => r.group === '45+',
    )!;
    assert.ok(row.adjusted!.oddsRatio < 0.6 && row.adjusted!.p < 0.001, JSON.stringify(row));
  });

  test('team Zuid is at the bottom of the pile', async () => {
    const body = await safe('beleid', '/spiegel/aandacht?period=2025&ground=leeftijd');
    const zuid = cellOf(body, 'team', 'Zuid', 'onder_op_de_stapel');
    assert.ok(clear(zuid) && zuid.ratio! > 1.2, JSON.stringify(zuid));
  });

  test('the equality built in for migration background is still not flagged', async () => {
    for (const year of ['2024', '2025']) {
      const body = await safe(
        'beleid',
        `/spiegel?period=${year}&ground=migratieachtergrond,herkomst,migratie_enschede`,
      );
      const flagged = (body.result as { cells: Cell[] }).cells.filter(
        (c) => c.pAdjusted !== null && c.pAdjusted < 0.05,
      );
      assert.deepEqual(
        flagged.map((c) => `${c.ground}/${c.group}/${c.stage}`),
        [],
        year,
      );
    }
  });

  test('team Noord by gender: men and women are both shown', async () => {
    const body = await safe('teamleider', '/spiegel?period=2025&ground=geslacht');
    for (const g of ['man', 'vrouw']) {
      const c = cellOf(body, 'geslacht', g, 'plan');
      assert.equal(c.suppressed, null, `${g}: ${JSON.stringify(c)}`);
      assert.ok(c.nPopulation! > 100 && c.nPopulation! % 5 === 0, JSON.stringify(c));
    }
  });
});
