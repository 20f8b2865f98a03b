/**
 * The mirror's promise: nobody learns a count below the threshold, or anything about one
 * person. This suite tries to break that promise as an attacker would: with the ordinary demo
 * log-ins of a team leader (team Noord) and a policy officer, through the HTTP API only, on the
 * 6,000-client Demodam. Five families of attack:
 *
 *   1. periods a day apart (and months, quarters; API, story text, CSV, HTML, attention mirror,
 *      outcome mirror), including reading a named client's special-category profile;
 *   2. ratio and Katz interval against "everyone else" solved for the hidden comparison group;
 *   3. scopes subtracted (municipality minus teams, minus wijken; team minus its wijken);
 *   4. the adjusted comparison's row n next to the mirror's n (group × covariate unknown);
 *   5. the outcome mirror's cohort minus its published groups.
 *
 * Every derived value is checked against true counts the test computes itself from the database
 * rows (plain counting, never the mirror engine). A family fails when its derived values are
 * exactly right and between 1 and 9 more often than a blind guess of one constant would be
 * (see attacks.ts), or when named-client profiles are right more often than guessing allows.
 * A server that refuses such queries (any 4xx) passes: a refusal is an attempt without a value.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { GROUNDS } from '../../src/mirror/grounds.js';
import { CORE_STAGES } from '../../src/mirror/stages.js';
import { loadMirrorRows } from '../../src/store/mirror-source.js';
import { loadOutcomeRows } from '../../src/store/questionnaire.js';
import { OUTCOME_GROUNDS, outcomeGroups, type OutcomeSourceRow } from '../../src/mirror/outcomes.js';
import { CURRENT_QUESTIONNAIRE, WAVES, itemsOf, type Wave } from '../../src/questionnaire/definition.js';
import type { TestDb } from '../helpers/db.js';
import { demodamDb } from '../helpers/demo-db.js';
import {
  FAMILY_HEADER,
  count,
  daysBetween,
  familyLine,
  monthEnd,
  numberBefore,
  parseCsv,
  profileLine,
  scoreFamily,
  scoreProfiles,
  solveChains,
  solveComplement,
  subtract,
  type Attempt,
  type Equation,
  type ProfileAttempt,
} from './attacks.js';

const UNKNOWN = 'onbekend';
const DEMO_PASSWORD = 'demodam';
const YEAR = 2025;
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31`;
const STAGE_KEYS = CORE_STAGES.map((s) => s.key);
const SPECIAL = ['gezondheid', 'statushouder', 'migratieachtergrond', 'herkomst', 'migratie_enschede'];
/** Named-client attack in a wijk: at most this many clients per wijk (two requests each). */
const WIJK_CLIENTS = 8;
/** For a quick look while developing: walk only the first N days (default: the whole year). */
const WALK_DAYS = Number(process.env.KS_ATTACK_DAYS) || 365;

type Role = 'teamleider' | 'beleid';
const ROLES: Role[] = ['teamleider', 'beleid'];
const OWN_TEAM = 1; // team Noord, the demo team leader's team

let app: FastifyInstance;
let db: TestDb;
let secret: string;
const sessions = new Map<Role, { cookie: string }>();
const table: string[] = [];
const requests = { sent: 0, refused: 0 };

// ---------------------------------------------------------------------------------------------
// HTTP, as an outsider

interface Answer {
  status: number;
  body: unknown;
  text: string;
}

async function get(role: Role, url: string): Promise<Answer> {
  const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: sessions.get(role) });
  requests.sent++;
  if (res.statusCode >= 400) requests.refused++;
  let body: unknown = null;
  if (/json/.test(String(res.headers['content-type'])) && res.statusCode < 400) {
    try {
      body = res.json();
    } catch {
      body = null;
    }
  }
  return { status: res.statusCode, body, text: res.statusCode < 400 ? res.body : '' };
}

const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Published figures of one mirror answer, per "ground|group|pop" and "ground|group|stage" (single grounds only). */
interface Published {
  ok: boolean;
  values: Map<string, number | null>;
  /** Ratio and Katz upper bound per "ground|group|stage". */
  ratios: Map<string, { ratio: number | null; upper: number | null }>;
  story: number | null;
}

const NOTHING: Published = { ok: false, values: new Map(), ratios: new Map(), story: null };

function put(map: Map<string, number | null>, key: string, v: number | null) {
  if (!map.has(key) || (map.get(key) === null && v !== null)) map.set(key, v);
}

function readMirror(a: Answer, stages: readonly string[] = STAGE_KEYS): Published {
  if (a.status >= 400 || a.body === null) return NOTHING;
  const body = asObject(a.body);
  const result = asObject(body.result);
  const values = new Map<string, number | null>();
  const ratios = new Map<string, { ratio: number | null; upper: number | null }>();
  for (const raw of asArray(result.cells)) {
    const c = asObject(raw);
    const ground = String(c.ground ?? '');
    const group = String(c.group ?? '');
    const stage = String(c.stage ?? '');
    if (!ground || ground.includes('×')) continue;
    put(values, `${ground}|${group}|pop`, count(c.nPopulation));
    if (stages.includes(stage)) {
      put(values, `${ground}|${group}|${stage}`, count(c.nStage));
      ratios.set(`${ground}|${group}|${stage}`, { ratio: count(c.ratio), upper: count(c.ratioUpper) });
    }
  }
  // a scope too small to show says "population 0" without cells: that is no count
  if (asArray(result.cells).length > 0) values.set('*|*|pop', count(result.population));
  for (const raw of asArray(result.totals)) {
    const t = asObject(raw);
    if (stages.includes(String(t.stage))) values.set(`*|*|${String(t.stage)}`, count(t.reached));
  }
  const narrative = asObject(body.narrative);
  const story =
    typeof narrative.headline === 'string' ? numberBefore(narrative.headline, 'mensen in de bijstand') : null;
  return { ok: true, values, ratios, story };
}

const pub = (p: Published, key: string): number | null => p.values.get(key) ?? null;

// ---------------------------------------------------------------------------------------------
// True counts, computed here from the database rows

interface Person {
  clientId: number;
  teamId: number;
  wijk: number | null;
  consultantId: number | null;
  g: Record<string, string>;
  s: Record<string, boolean>;
}

const groupsOf = (ground: string): string[] => [...GROUNDS.find((g) => g.key === ground)!.groups, UNKNOWN];

async function truePeople(from: string, to: string): Promise<Person[]> {
  const rows = await loadMirrorRows(db, { municipalityId: 1, from, to }, secret);
  return rows.map((r) => {
    const g: Record<string, string> = {};
    for (const def of GROUNDS) {
      const v = r.person.grounds[def.key];
      g[def.key] = v !== null && v !== undefined && def.groups.includes(v) ? v : UNKNOWN;
    }
    const s: Record<string, boolean> = {};
    for (const k of STAGE_KEYS) s[k] = r.person.stages[k] === true;
    return { clientId: r.clientId, teamId: r.teamId, wijk: r.neighbourhoodId, consultantId: r.consultantId, g, s };
  });
}

const trueCount = (people: readonly Person[], ground: string, group: string, stage: string | null): number =>
  people.reduce((n, p) => n + (p.g[ground] === group && (stage === null || p.s[stage]) ? 1 : 0), 0);

/** A scope as the attacker asks for it, and which true people are in it. */
interface Scope {
  label: string;
  query: string;
  has: (p: Person) => boolean;
}

function scopesFor(role: Role): Scope[] {
  if (role === 'teamleider') {
    // The team leader's scope is always the own team; wijk narrows it down to team ∩ wijk.
    return [
      { label: 'team', query: '', has: (p) => p.teamId === OWN_TEAM },
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((w) => ({
        label: `team∩wijk ${w}`,
        query: `&wijk=${w}`,
        has: (p: Person) => p.teamId === OWN_TEAM && p.wijk === w,
      })),
    ];
  }
  return [
    { label: 'gemeente', query: '', has: () => true },
    ...[1, 2, 3, 4].map((t) => ({ label: `team ${t}`, query: `&team=${t}`, has: (p: Person) => p.teamId === t })),
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((w) => ({
      label: `wijk ${w}`,
      query: `&wijk=${w}`,
      has: (p: Person) => p.wijk === w,
    })),
  ];
}

function record(family: string, role: Role, attempts: readonly Attempt[]): boolean {
  const s = scoreFamily(attempts);
  const line = familyLine(family, role, s);
  table.push(line);
  console.log(line);
  return s.pass && s.attempts > 0;
}

function recordProfiles(family: string, role: Role, list: readonly ProfileAttempt[]): boolean {
  const s = scoreProfiles(list);
  const line = profileLine(family, role, s);
  table.push(line);
  console.log(line);
  return s.pass;
}

// ---------------------------------------------------------------------------------------------

before(async () => {
  const config = { ...loadConfig({}), demo: false };
  secret = config.pseudonymSecret;
  db = await demodamDb({ clients: 6000, pseudonymSecret: secret });
  // A PostgreSQL server's autovacuum analyses the freshly loaded tables; the embedded database
  // does not, and without statistics the scoped mirror queries take seconds each.
  await db.query('ANALYZE');
  app = await buildApp({ db, config });
  for (const role of ROLES) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { username: role, password: DEMO_PASSWORD },
    });
    assert.equal(res.statusCode, 201, `log-in ${role}: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'ks_session')!;
    sessions.set(role, { cookie: `ks_session=${cookie.value}` });
  }
});

after(async () => {
  console.log(
    `\n# Disclosure attacks on Demodam (6,000 clients): ${requests.sent} requests, ${requests.refused} refused`,
  );
  console.log(`# ${FAMILY_HEADER}`);
  for (const line of table) console.log(`# ${line}`);
  await app?.close();
  await db?.drop();
});

// ---------------------------------------------------------------------------------------------
// Family 1: periods a day apart

test('family 1: periods one day apart (API, months, story, exports, attention and outcome mirror, named clients)', async () => {
  const days = daysBetween(FROM, TO);
  const people = await truePeople(FROM, TO);
  // The first day each person is in the population of [FROM, D]: the start of the earliest
  // benefit period that overlaps the year, or FROM. And the first day they count for "voorziening".
  const entries = await db.query<{ id: number; entry: string }>(
    `SELECT c.id, GREATEST($1::date, min(b.start_date))::text AS entry
       FROM client c JOIN benefit_period b ON b.client_id = c.id
      WHERE c.municipality_id = 1 AND b.start_date <= $2::date AND (b.end_date IS NULL OR b.end_date >= $1::date)
      GROUP BY c.id`,
    [FROM, TO],
  );
  const allocations = await db.query<{ id: number; d: string }>(
    `SELECT a.client_id AS id, min(a.started_on)::text AS d FROM instrument_allocation a JOIN client c ON c.id = a.client_id
      WHERE c.municipality_id = 1 AND a.started_on BETWEEN $1::date AND $2::date GROUP BY a.client_id`,
    [FROM, TO],
  );
  const entryOf = new Map(entries.map((e) => [e.id, e.entry]));
  const allocOf = new Map(allocations.map((a) => [a.id, a.d]));
  assert.equal(entries.length, people.length, 'every person of the year has an entry day');
  const voorzieningOf = (p: Person): string | null => {
    const a = allocOf.get(p.clientId);
    const e = entryOf.get(p.clientId)!;
    return a === undefined ? null : a > e ? a : e;
  };
  const mismatches = people.filter((p) => (voorzieningOf(p) !== null) !== p.s.voorziening).length;
  assert.equal(mismatches, 0, 'voorziening from allocations agrees with the full-year rows');

  /** True published-style counts at the end of the window [FROM, D], per key, for the people of a scope. */
  function cumulative(inScope: readonly Person[]): (d: string) => Map<string, number> {
    const perDay = new Map<string, Map<string, number>>();
    const add = (d: string, key: string) => {
      const m = perDay.get(d) ?? new Map<string, number>();
      m.set(key, (m.get(key) ?? 0) + 1);
      perDay.set(d, m);
    };
    for (const p of inScope) {
      const e = entryOf.get(p.clientId)!;
      add(e, '*');
      for (const def of GROUNDS) add(e, `${def.key}|${p.g[def.key]}|pop`);
      const v = voorzieningOf(p);
      if (v !== null) for (const def of GROUNDS) add(v, `${def.key}|${p.g[def.key]}|voorziening`);
    }
    const byDay = new Map<string, Map<string, number>>();
    let running = new Map<string, number>();
    for (const d of days) {
      running = new Map(running);
      for (const [k, n] of perDay.get(d) ?? []) running.set(k, (running.get(k) ?? 0) + n);
      byDay.set(d, running);
    }
    return (d: string) => byDay.get(d)!;
  }

  const KEYS = GROUNDS.flatMap((def) =>
    groupsOf(def.key).flatMap((grp) => [`${def.key}|${grp}|pop`, `${def.key}|${grp}|voorziening`]),
  );
  const diffAttempts = (
    truthA: Map<string, number>,
    truthB: Map<string, number>,
    a: Published,
    b: Published,
    keys = KEYS,
  ): Attempt[] =>
    keys.map((k) => ({
      truth: (truthB.get(k) ?? 0) - (truthA.get(k) ?? 0),
      derived: a.ok && b.ok ? subtract(pub(b, k), [pub(a, k)]) : null,
    }));

  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };

  for (const role of ROLES) {
    const scope = scopesFor(role)[0]; // own team, or the whole municipality
    const inScope = people.filter(scope.has);
    const truthAt = cumulative(inScope);

    // --- the same through the other channels, on a handful of days
    // (asked during the walk, right after the day and the day before, so that the server answers
    // them from the population it has just loaded)
    const sampleAt = new Set([20, 75, 130, 185, 240, 295, 340].filter((i) => i < WALK_DAYS));
    const sample = [...sampleAt].map((i) => [days[i - 1], days[i]] as const);
    const channel = new Map<string, { csv: Published; html: number | null; attention: Published }>();
    const csvAttempts: Attempt[] = [];
    const htmlAttempts: Attempt[] = [];
    const attentionAttempts: Attempt[] = [];
    const readCsv = (a: Answer): Published => {
      if (a.status >= 400) return NOTHING;
      const [header, ...rows] = parseCsv(a.text);
      const col = (name: string) => header?.indexOf(name) ?? -1;
      const [ci, gi, si, np, ns] = ['kenmerk', 'groep', 'fase', 'n_populatie', 'n_fase'].map(col);
      if ([ci, gi, si, np, ns].some((i) => i < 0)) return NOTHING;
      const values = new Map<string, number | null>();
      const num = (v: string | undefined) =>
        v === undefined || v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v);
      for (const r of rows) {
        if (r.length <= Math.max(ci, gi, si, np, ns) || r[ci].includes('×')) continue;
        put(values, `${r[ci]}|${r[gi]}|pop`, num(r[np]));
        if (r[si] === 'voorziening') put(values, `${r[ci]}|${r[gi]}|voorziening`, num(r[ns]));
      }
      return { ok: true, values, ratios: new Map(), story: null };
    };
    // who is who in the attention mirror: consultants (team leader) or teams (policy officer)
    const names = await db.query<{ id: number; name: string; kind: string }>(
      `SELECT id, display_name AS name, 'consultant' AS kind FROM app_user WHERE role = 'consultant'
        UNION ALL SELECT id, name, 'team' FROM team`,
    );
    const orgGround = role === 'teamleider' ? 'klantmanager' : 'team';
    const orgName = (p: Person): string => {
      const id = role === 'teamleider' ? p.consultantId : p.teamId;
      return (
        names.find((n) => n.kind === (role === 'teamleider' ? 'consultant' : 'team') && n.id === id)?.name ?? UNKNOWN
      );
    };
    const orgGroups = [...new Set(inScope.map(orgName))];
    const attentionTruth = (d: string): Map<string, number> => {
      const m = new Map<string, number>();
      for (const p of inScope) {
        if (entryOf.get(p.clientId)! > d) continue;
        for (const key of [`gezondheid|${p.g.gezondheid}|pop`, `${orgGround}|${orgName(p)}|pop`])
          m.set(key, (m.get(key) ?? 0) + 1);
      }
      return m;
    };
    const attentionKeys = [
      ...groupsOf('gezondheid').map((g) => `gezondheid|${g}|pop`),
      ...orgGroups.map((g) => `${orgGround}|${g}|pop`),
    ];

    // --- every day of the year: [FROM, D] and [FROM, D − 1]
    const walk = new Map<string, Published>();
    for (let i = 0; i < Math.min(days.length, WALK_DAYS); i++) {
      const d = days[i];
      walk.set(d, readMirror(await get(role, `/spiegel?period=${FROM}..${d}${scope.query}`), ['voorziening']));
      if (!sampleAt.has(i)) continue;
      for (const x of [days[i - 1], d]) {
        const period = `period=${FROM}..${x}${scope.query}`;
        channel.set(x, {
          csv: readCsv(await get(role, `/spiegel/export.csv?${period}&formaat=csv-data`)),
          html: numberBefore((await get(role, `/spiegel/export.html?${period}`)).text, 'mensen met bijstand'),
          attention: readMirror(await get(role, `/spiegel/aandacht?${period}&ground=gezondheid`), []),
        });
      }
    }
    const dayAttempts: Attempt[] = [];
    const storyAttempts: Attempt[] = [];
    for (let i = 1; i < Math.min(days.length, WALK_DAYS); i++) {
      const [a, b] = [walk.get(days[i - 1])!, walk.get(days[i])!];
      dayAttempts.push(...diffAttempts(truthAt(days[i - 1]), truthAt(days[i]), a, b));
      storyAttempts.push({
        truth: (truthAt(days[i]).get('*') ?? 0) - (truthAt(days[i - 1]).get('*') ?? 0),
        derived: a.story !== null && b.story !== null ? b.story - a.story : null,
      });
    }
    check(record('1 days apart: API', role, dayAttempts), `${role} days`);
    check(record('1 days apart: story text', role, storyAttempts), `${role} story`);

    // --- whole months and quarters, cumulative: as days (from the walk) and in a month form
    const periodAttempts: Attempt[] = [];
    const monthEnds = Array.from({ length: 12 }, (_, m) => monthEnd(YEAR, m + 1));
    for (const ends of [monthEnds, [3, 6, 9, 12].map((m) => monthEnd(YEAR, m))]) {
      for (let i = 1; i < ends.length; i++)
        periodAttempts.push(
          ...diffAttempts(
            truthAt(ends[i - 1]),
            truthAt(ends[i]),
            walk.get(ends[i - 1]) ?? NOTHING,
            walk.get(ends[i]) ?? NOTHING,
          ),
        );
    }
    const monthForm: Published[] = [];
    for (let m = 1; m <= 12; m++)
      monthForm.push(
        readMirror(await get(role, `/spiegel?period=${YEAR}-01..${YEAR}-${String(m).padStart(2, '0')}${scope.query}`), [
          'voorziening',
        ]),
      );
    for (let i = 1; i < 12; i++)
      periodAttempts.push(
        ...diffAttempts(truthAt(monthEnds[i - 1]), truthAt(monthEnds[i]), monthForm[i - 1], monthForm[i]),
      );
    check(record('1 months and quarters', role, periodAttempts), `${role} months`);

    for (const [prev, d] of sample) {
      const [ca, cb] = [channel.get(prev)!, channel.get(d)!];
      csvAttempts.push(...diffAttempts(truthAt(prev), truthAt(d), ca.csv, cb.csv));
      htmlAttempts.push({
        truth: (truthAt(d).get('*') ?? 0) - (truthAt(prev).get('*') ?? 0),
        derived: ca.html !== null && cb.html !== null ? cb.html - ca.html : null,
      });
      attentionAttempts.push(
        ...diffAttempts(attentionTruth(prev), attentionTruth(d), ca.attention, cb.attention, attentionKeys),
      );
    }
    check(record('1 days apart: CSV export', role, csvAttempts), `${role} csv`);
    check(record('1 days apart: HTML export', role, htmlAttempts), `${role} html`);
    check(record('1 days apart: attention mirror', role, attentionAttempts), `${role} attention`);

    // --- the outcome mirror: the cohort whose guidance started in [FROM, D]
    const outcomeRows = await loadOutcomeRows(
      db,
      { municipalityId: 1, teamId: role === 'teamleider' ? OWN_TEAM : null, from: FROM, to: TO },
      secret,
    );
    const outcomeTruth = (d: string): Map<string, number> => {
      const m = new Map<string, number>();
      for (const r of outcomeRows) {
        if (r.start > d) continue;
        const g = outcomeGroups(r);
        m.set('*', (m.get('*') ?? 0) + 1);
        for (const og of OUTCOME_GROUNDS) {
          const k = `${og.key}|${g[og.key] ?? UNKNOWN}`;
          m.set(k, (m.get(k) ?? 0) + 1);
        }
      }
      return m;
    };
    const readOutcome = (a: Answer): Published => {
      if (a.status >= 400 || a.body === null) return NOTHING;
      const report = asObject(asObject(a.body).report);
      const values = new Map<string, number | null>([['*', count(report.cohort)]]);
      for (const gr of asArray(report.grounds).map(asObject)) {
        values.set(`${gr.key}|${UNKNOWN}`, count(gr.unknown));
        for (const grp of asArray(gr.groups).map(asObject)) values.set(`${gr.key}|${grp.group}`, count(grp.size));
      }
      return { ok: true, values, ratios: new Map(), story: null };
    };
    const outcomeKeys = ['*', ...OUTCOME_GROUNDS.flatMap((og) => [...og.groups, UNKNOWN].map((g) => `${og.key}|${g}`))];
    const outcomeAttempts: Attempt[] = [];
    for (const [prev, d] of sample) {
      const [oa, ob] = [
        readOutcome(await get(role, `/meetmomenten/uitkomsten?period=${FROM}..${prev}`)),
        readOutcome(await get(role, `/meetmomenten/uitkomsten?period=${FROM}..${d}`)),
      ];
      outcomeAttempts.push(...diffAttempts(outcomeTruth(prev), outcomeTruth(d), oa, ob, outcomeKeys));
    }
    check(record('1 days apart: outcome mirror', role, outcomeAttempts), `${role} outcome`);

    // --- named clients: a start date seen in the case file, two requests, a special-category profile
    const predict = (a: Published, b: Published): string | null => {
      if (!a.ok || !b.ok) return null;
      const values = SPECIAL.map((ground) => {
        const rose = groupsOf(ground).filter(
          (g) => subtract(pub(b, `${ground}|${g}|pop`), [pub(a, `${ground}|${g}|pop`)]) === 1,
        );
        return rose.length === 1 ? rose[0] : null;
      });
      return values.some((v) => v === null) ? null : values.join('/');
    };
    const profileOf = (p: Person) => SPECIAL.map((g) => p.g[g]).join('/');
    /** People whose entry day (after FROM) is theirs alone within the given people. */
    const alone = (list: readonly Person[]) => {
      const perDay = new Map<string, Person[]>();
      for (const p of list) {
        const e = entryOf.get(p.clientId)!;
        if (e > FROM) perDay.set(e, [...(perDay.get(e) ?? []), p]);
      }
      return [...perDay.values()]
        .filter((l) => l.length === 1)
        .map((l) => l[0])
        .sort((x, y) => entryOf.get(x.clientId)!.localeCompare(entryOf.get(y.clientId)!));
    };
    const prevDay = (d: string) => days[days.indexOf(d) - 1];
    const named: ProfileAttempt[] = [];
    let seenInFile = 0;
    for (const p of alone(inScope)) {
      const d = entryOf.get(p.clientId)!;
      if (!walk.has(d)) continue;
      if (role === 'teamleider') {
        // the team leader reads the client's benefit start in the case file
        const file = asObject((await get(role, `/clients/${p.clientId}/file`)).body);
        if (asArray(file.benefitPeriods).some((b) => asObject(b).startDate === d)) seenInFile++;
      }
      named.push({ truth: profileOf(p), predicted: predict(walk.get(prevDay(d)) ?? NOTHING, walk.get(d)!) });
    }
    if (role === 'teamleider')
      console.log(
        `# team leader: benefit start of ${seenInFile} of ${named.length} attacked clients read in the case file`,
      );
    // (municipality-wide, no day of the year has exactly one new person: then there is nothing to print)
    if (role === 'teamleider' || named.length > 0)
      check(recordProfiles(`1 named clients (${scope.label})`, role, named) && named.length > 0, `${role} named`);

    if (role === 'beleid') {
      // per wijk: the attacker knows a neighbour's start date
      const wijkNamed: ProfileAttempt[] = [];
      for (let w = 1; w <= 8; w++) {
        for (const p of alone(people.filter((x) => x.wijk === w)).slice(0, WIJK_CLIENTS)) {
          const d = entryOf.get(p.clientId)!;
          const q = (x: string) => `/spiegel?period=${FROM}..${x}&wijk=${w}&ground=${SPECIAL.join(',')}`;
          wijkNamed.push({
            truth: profileOf(p),
            predicted: predict(readMirror(await get(role, q(prevDay(d))), []), readMirror(await get(role, q(d)), [])),
          });
        }
      }
      check(recordProfiles('1 named clients (wijk)', role, wijkNamed), `${role} named wijk`);
    }
  }
  assert.deepEqual(failures, [], 'family 1: the attacks learn more than a guess');
});

// ---------------------------------------------------------------------------------------------
// Families 2 and 3 share the answers: every scope, every ground, 2024–2026.

const PERIODS = ['2024', '2025', '2026'];
const answers = new Map<string, Published>(); // `${role}|${period}|${scope.label}`
const peopleOf = new Map<string, Person[]>();

async function mirrorAnswers(role: Role): Promise<void> {
  for (const period of PERIODS) {
    if (!peopleOf.has(period)) peopleOf.set(period, await truePeople(`${period}-01-01`, `${period}-12-31`));
    for (const scope of scopesFor(role)) {
      const key = `${role}|${period}|${scope.label}`;
      if (!answers.has(key)) answers.set(key, readMirror(await get(role, `/spiegel?period=${period}${scope.query}`)));
    }
  }
}

test('family 2: ratio and Katz interval against everyone else give the hidden comparison group', async () => {
  const failures: string[] = [];
  for (const role of ROLES) {
    await mirrorAnswers(role);
    const attempts: Attempt[] = [];
    for (const period of PERIODS) {
      for (const scope of scopesFor(role)) {
        const inScope = peopleOf.get(period)!.filter(scope.has);
        const a = answers.get(`${role}|${period}|${scope.label}`)!;
        for (const def of GROUNDS) {
          const known = def.groups;
          const truePop = new Map(known.map((g) => [g, trueCount(inScope, def.key, g, null)]));
          for (const stage of STAGE_KEYS) {
            const trueStage = new Map(known.map((g) => [g, trueCount(inScope, def.key, g, stage)]));
            // hidden: what the answer leaves out; a refused answer hides (at least) the small cells
            const small = (n: number) => n >= 1 && n <= 9;
            const hiddenPop = known.filter((g) =>
              a.ok ? pub(a, `${def.key}|${g}|pop`) === null && truePop.get(g)! > 0 : small(truePop.get(g)!),
            );
            const hiddenStage = known.filter((g) =>
              a.ok ? pub(a, `${def.key}|${g}|${stage}`) === null && truePop.get(g)! > 0 : small(trueStage.get(g)!),
            );
            let solved: { n2: number; x2: number; n: number; x: number; group: string } | null = null;
            for (const g of known) {
              const n = pub(a, `${def.key}|${g}|pop`);
              const x = pub(a, `${def.key}|${g}|${stage}`);
              const r = a.ratios.get(`${def.key}|${g}|${stage}`);
              if (n === null || x === null || !r || r.ratio === null || r.upper === null) continue;
              const s = solveComplement(x, n, r.ratio, r.upper);
              if (s) {
                solved = { ...s, n, x, group: g };
                break;
              }
            }
            const shown = (what: 'pop' | string) =>
              known
                .filter((g) => g !== solved?.group)
                .map((g) => pub(a, `${def.key}|${g}|${what}`))
                .filter((v): v is number => v !== null);
            if (hiddenPop.length > 0) {
              attempts.push({
                truth: hiddenPop.reduce((s, g) => s + truePop.get(g)!, 0),
                derived: solved
                  ? Math.round(solved.n + solved.n2) - solved.n - shown('pop').reduce((s, v) => s + v, 0)
                  : null,
              });
            }
            if (hiddenStage.length > 0) {
              attempts.push({
                truth: hiddenStage.reduce((s, g) => s + trueStage.get(g)!, 0),
                derived: solved
                  ? Math.round(solved.x + solved.x2) - solved.x - shown(stage).reduce((s, v) => s + v, 0)
                  : null,
              });
            }
          }
        }
      }
    }
    if (!record('2 ratio and Katz interval', role, attempts)) failures.push(role);
  }
  assert.deepEqual(failures, [], 'family 2: the attack learns more than a guess');
});

test('family 3: scopes subtracted (municipality minus teams or wijken; team minus its wijken)', async () => {
  const failures: string[] = [];
  const quantities = ['pop', ...STAGE_KEYS];
  for (const role of ROLES) {
    await mirrorAnswers(role);
    const attempts: Attempt[] = [];
    const scopes = scopesFor(role);
    const whole = scopes[0];
    for (const period of PERIODS) {
      const people = peopleOf.get(period)!;
      // the team leader knows in which wijken the team's clients live (their addresses)
      const used = role === 'teamleider' ? [whole, ...scopes.slice(1).filter((s) => people.some(s.has))] : scopes;
      const partSets =
        role === 'teamleider'
          ? [used.slice(1)]
          : [scopes.filter((s) => s.label.startsWith('team')), scopes.filter((s) => s.label.startsWith('wijk'))];
      // every published value of every scope, and the equations that tie them together:
      // a scope's total is the sum of its groups (per ground); the whole is the sum of its parts
      const published = new Map<string, number | null>();
      for (const scope of used) {
        for (const [k, v] of answers.get(`${role}|${period}|${scope.label}`)!.values)
          published.set(`${scope.label}|${k}`, v);
      }
      const equations: Equation[] = [];
      for (const scope of used) {
        for (const def of GROUNDS) {
          for (const q of quantities) {
            equations.push({
              total: `${scope.label}|*|*|${q}`,
              parts: groupsOf(def.key).map((g) => `${scope.label}|${def.key}|${g}|${q}`),
            });
          }
        }
      }
      for (const parts of partSets) {
        // only where the parts cover the whole (no client outside every part)
        if (people.filter(whole.has).some((p) => !parts.some((s) => s.has(p)))) continue;
        for (const def of GROUNDS) {
          for (const g of groupsOf(def.key)) {
            for (const q of quantities)
              equations.push({
                total: `${whole.label}|${def.key}|${g}|${q}`,
                parts: parts.map((s) => `${s.label}|${def.key}|${g}|${q}`),
              });
          }
        }
        for (const q of quantities)
          equations.push({ total: `${whole.label}|*|*|${q}`, parts: parts.map((s) => `${s.label}|*|*|${q}`) });
      }
      const found = solveChains(published, equations);
      for (const scope of used) {
        const inScope = people.filter(scope.has);
        for (const def of GROUNDS) {
          for (const g of groupsOf(def.key)) {
            for (const q of quantities) {
              const key = `${scope.label}|${def.key}|${g}|${q}`;
              const truth = trueCount(inScope, def.key, g, q === 'pop' ? null : q);
              if ((published.get(key) ?? null) !== null || truth < 1) continue;
              attempts.push({ truth, derived: found.get(key) ?? null });
            }
          }
        }
      }
    }
    if (!record('3 scopes subtracted', role, attempts)) failures.push(role);
  }
  assert.deepEqual(failures, [], 'family 3: the attack learns more than a guess');
});

// ---------------------------------------------------------------------------------------------
// Family 4: the adjusted comparison

test("family 4: the adjusted comparison's n next to the mirror's n gives group × covariate unknown", async () => {
  const failures: string[] = [];
  for (const role of ROLES) {
    await mirrorAnswers(role);
    const people = peopleOf.get('2025')!;
    const scopes = role === 'teamleider' ? scopesFor(role).slice(0, 3) : scopesFor(role);
    const stages = role === 'teamleider' ? ['voorziening', 'plan'] : ['voorziening'];
    const attempts: Attempt[] = [];
    for (const scope of scopes) {
      const inScope = people.filter(scope.has);
      const mirror = answers.get(`${role}|2025|${scope.label}`)!;
      for (const def of GROUNDS) {
        for (const cov of GROUNDS.filter((c) => c.key !== def.key)) {
          for (const stage of stages) {
            const a = await get(
              role,
              `/spiegel/aangepast?period=2025&stage=${stage}&ground=${def.key}&covariates=${cov.key}${scope.query}`,
            );
            const body = a.status < 400 ? asObject(a.body) : {};
            const rows = new Map(
              asArray(body.rows)
                .map(asObject)
                .map((r) => [String(r.group), count(r.n)]),
            );
            const hiddenRows: string[] = [];
            for (const g of def.groups) {
              const both = inScope.filter((p) => p.g[def.key] === g && p.g[cov.key] !== UNKNOWN);
              if (both.length > 0 && (rows.get(g) ?? null) === null) hiddenRows.push(g);
              const truth = inScope.filter((p) => p.g[def.key] === g && p.g[cov.key] === UNKNOWN).length;
              if (truth < 1) continue;
              attempts.push({ truth, derived: subtract(pub(mirror, `${def.key}|${g}|pop`), [rows.get(g) ?? null]) });
            }
            // `used` minus the rows shown gives the hidden rows' total
            if (hiddenRows.length > 0) {
              const truth = inScope.filter((p) => hiddenRows.includes(p.g[def.key]) && p.g[cov.key] !== UNKNOWN).length;
              const shown = def.groups.filter((g) => !hiddenRows.includes(g)).map((g) => rows.get(g) ?? 0);
              attempts.push({ truth, derived: subtract(count(body.used), shown) });
            }
          }
        }
      }
    }
    if (!record('4 adjusted comparison', role, attempts)) failures.push(role);
  }
  assert.deepEqual(failures, [], 'family 4: the attack learns more than a guess');
});

// ---------------------------------------------------------------------------------------------
// Family 5: the outcome mirror

test("family 5: the outcome mirror's cohort minus its published groups", async () => {
  const measures = itemsOf(CURRENT_QUESTIONNAIRE).filter((i) => i.measure !== undefined);
  const hasValue = (item: (typeof measures)[number], r: OutcomeSourceRow, w: Wave): boolean => {
    const v = r.responses[w]?.answers[item.id];
    return item.type === 'yesno' ? typeof v === 'boolean' : typeof v === 'number';
  };
  const rowsByTeam = new Map<number | null, OutcomeSourceRow[]>();
  for (const team of [null, 1, 2, 3, 4])
    rowsByTeam.set(team, await loadOutcomeRows(db, { municipalityId: 1, teamId: team, from: FROM, to: TO }, secret));
  const months = Array.from(
    { length: 12 },
    (_, m) => [`${YEAR}-${String(m + 1).padStart(2, '0')}-01`, monthEnd(YEAR, m + 1)] as const,
  );
  const quarters = [1, 4, 7, 10].map(
    (m) => [`${YEAR}-${String(m).padStart(2, '0')}-01`, monthEnd(YEAR, m + 2)] as const,
  );
  const halves = [
    [FROM, `${YEAR}-06-30`],
    [`${YEAR}-07-01`, TO],
  ] as const;
  const failures: string[] = [];
  for (const role of ROLES) {
    // every month, quarter and half year of the own team; the municipality per month and quarter,
    // every team per quarter and half year
    const queries: { team: number | null; from: string; to: string }[] =
      role === 'teamleider'
        ? [...months, ...quarters, ...halves].map(([from, to]) => ({ team: OWN_TEAM, from, to }))
        : [
            ...[...months, ...quarters].map(([from, to]) => ({ team: null, from, to })),
            ...[1, 2, 3, 4].flatMap((team) => [...quarters, ...halves].map(([from, to]) => ({ team, from, to }))),
          ];
    const sizes: Attempt[] = [];
    const answered: Attempt[] = [];
    for (const q of queries) {
      const a = await get(
        role,
        `/meetmomenten/uitkomsten?period=${q.from}..${q.to}${role === 'beleid' && q.team !== null ? `&team=${q.team}` : ''}`,
      );
      const report = a.status < 400 ? asObject(asObject(a.body).report) : null;
      const cohort = report ? count(report.cohort) : null;
      const rows = rowsByTeam.get(q.team)!.filter((r) => r.start >= q.from && r.start <= q.to);
      const withGroups = rows.map((r) => ({ r, g: outcomeGroups(r) }));
      const overall = new Map(
        asArray(report?.overall)
          .map(asObject)
          .map((m) => [String(m.measure), asArray(m.waves).map(asObject)]),
      );
      for (const og of OUTCOME_GROUNDS) {
        const gr = asArray(report?.grounds)
          .map(asObject)
          .find((x) => x.key === og.key);
        const groupsShown = new Map(
          asArray(gr?.groups)
            .map(asObject)
            .map((x) => [String(x.group), x]),
        );
        const members = (g: string) => withGroups.filter((x) => (x.g[og.key] ?? UNKNOWN) === g).map((x) => x.r);
        const parts = [...og.groups, UNKNOWN];
        const shownSize = (g: string) =>
          g === UNKNOWN ? (gr ? count(gr.unknown) : null) : count(groupsShown.get(g)?.size);
        const hidden = parts.filter((g) =>
          report ? shownSize(g) === null && members(g).length > 0 : members(g).length >= 1 && members(g).length <= 9,
        );
        if (hidden.length > 0) {
          sizes.push({
            truth: hidden.reduce((s, g) => s + members(g).length, 0),
            derived: subtract(cohort, parts.filter((g) => !hidden.includes(g)).map(shownSize)),
          });
        }
        // answers per measure and wave: everyone's n minus the groups shown
        for (const m of measures) {
          WAVES.forEach((w, wi) => {
            const groupN = (g: string): number | null => {
              if (g === UNKNOWN) return null; // never published per group
              const ms = asArray(groupsShown.get(g)?.measures)
                .map(asObject)
                .find((x) => x.measure === m.id);
              return count(asObject(asArray(ms?.waves)[wi]).n);
            };
            const hiddenParts = parts.filter((g) => groupN(g) === null);
            const truth = hiddenParts.reduce((s, g) => s + members(g).filter((r) => hasValue(m, r, w)).length, 0);
            if (truth < 1) return;
            const total = count(asObject(overall.get(m.id)?.[wi]).n);
            answered.push({
              truth,
              derived: subtract(total, parts.filter((g) => !hiddenParts.includes(g)).map(groupN)),
            });
          });
        }
      }
    }
    console.log(`# ${role}: ${queries.length} outcome queries`);
    if (!record('5 outcome mirror: group sizes', role, sizes)) failures.push(`${role} sizes`);
    if (!record('5 outcome mirror: answers (measure)', role, answered)) failures.push(`${role} answers`);
  }
  assert.deepEqual(failures, [], 'family 5: the attack learns more than a guess');
});
