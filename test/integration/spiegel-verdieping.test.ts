import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { demodamDb } from '../helpers/demo-db.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import type {
  ComparisonAnswerT,
  AttributionAnswerT,
  ScanAnswerT,
  TimeToStepAnswerT,
  TrendAnswerT,
} from '../../src/server/schemas/verdieping.js';

// The deeper analyses on Demodam through the protected API: the intersectional truth (g) at the
// top of the scan and the built-in equality (migration background) not flagged; the 45+ delay
// in instruments in the time to a step; roles, bad input and the response schemas.
let app: FastifyInstance;
let db: TestDb;
const cookies = new Map<string, string>();

async function get<T>(user: string, url: string, status = 200): Promise<T> {
  if (!cookies.has(user)) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { username: user, password: 'demodam' },
    });
    assert.equal(res.statusCode, 201, res.body);
    cookies.set(user, `ks_session=${res.cookies.find((c) => c.name === 'ks_session')!.value}`);
  }
  const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies.get(user)! } });
  assert.equal(res.statusCode, status, `${url}: ${res.body}`);
  return res.json() as T;
}

before(async () => {
  const config = { ...loadConfig({}), demo: false };
  db = await demodamDb({ clients: 6000, pseudonymSecret: config.pseudonymSecret });
  app = await buildApp({ db, config });
});
after(async () => {
  await app?.close();
  await db?.drop();
});

test('the scan finds the Havenkwartier × gender truth at the top and flags no migration-background subgroup', async () => {
  const scan = await get<ScanAnswerT>('beleid', '/spiegel/verdieping/scan?period=2025&stage=voorziening');
  assert.ok(scan.tested > 200, `tested ${scan.tested}`);
  const signals = scan.rows.filter((r) => r.signal);
  assert.ok(signals.length >= 1);
  const top = signals[0];
  assert.deepEqual(top.grounds, ['geslacht', 'wijk'], top.label);
  assert.ok(top.groups.includes('Havenkwartier'), top.label);
  for (const r of signals) {
    assert.ok(!r.grounds.includes('migratieachtergrond'), `flagged ${r.label}`);
    assert.ok(r.pAdjusted < 0.05 && (r.ratio < 0.8 || r.ratio > 1.25));
    // published counts only: multiples of 5, never under the threshold
    assert.equal(r.n % 5, 0);
    assert.equal(r.reached % 5, 0);
    assert.ok(r.n >= 10 && r.reached >= 10);
  }
  // no single ground shows it: gender and wijk alone stay inside the band
  for (const g of ['geslacht', 'wijk']) {
    const t = await get<ComparisonAnswerT>(
      'beleid',
      `/spiegel/verdieping/vergelijking?period=2025&stage=voorziening&ground=${g}`,
    );
    for (const r of t.rows) if (r.ratio !== null) assert.ok(!r.signal, `${g} ${r.label} ${r.ratio}`);
  }
});

test('the gap of women in the Havenkwartier is attributed to that wijk (Shapley parts add up to the gap)', async () => {
  const a = await get<AttributionAnswerT>(
    'beleid',
    '/spiegel/verdieping/aandeel?period=2025&stage=voorziening&ground=wijk&group=Havenkwartier&by=geslacht',
  );
  const sum = a.parts.reduce((s, p) => s + p.rate + p.composition, 0) + a.hidden;
  assert.ok(Math.abs(sum - a.gap) < 1e-9);
  const women = a.parts.find((p) => p.group === 'vrouw')!;
  const men = a.parts.find((p) => p.group === 'man')!;
  assert.ok(women.rate < -5 && men.rate > 5, JSON.stringify(a.parts));
});

test('comparison table: evidence size, reference choice, and "te weinig gegevens" for a small group', async () => {
  const t = await get<ComparisonAnswerT>(
    'beleid',
    '/spiegel/verdieping/vergelijking?period=2025&stage=voorziening&ground=leeftijd&reference=grootste',
  );
  assert.notEqual(t.reference, 'iedereen');
  const old = t.rows.find((r) => r.group === '45+')!;
  if (t.reference !== '45+') assert.ok(old.signal && old.ratio! < 0.8);
  for (const r of t.rows) if (r.evidence) assert.ok(r.evidence.ratioAbove === null || r.evidence.ratioAbove > 1);
  const g = await get<ComparisonAnswerT>(
    'beleid',
    '/spiegel/verdieping/vergelijking?period=2025&stage=voorziening&ground=geslacht',
  );
  const other = g.rows.find((r) => r.group === 'anders');
  if (other && !other.suppressed) assert.equal(other.evidenceNote, 'Te weinig gegevens om iets te zeggen');
  await get(
    'beleid',
    '/spiegel/verdieping/vergelijking?period=2025&stage=voorziening&ground=leeftijd&reference=zestig',
    400,
  );
});

test('time to a first instrument: 45+ clearly slower (the demo delay), log-rank significant', async () => {
  const t = await get<TimeToStepAnswerT>(
    'beleid',
    '/spiegel/verdieping/tijd?period=2024&step=voorziening&ground=leeftijd',
  );
  const old = t.groups.find((g) => g.group === '45+')!;
  const mid = t.groups.find((g) => g.group === '27-44')!;
  assert.ok(!old.suppressed && !mid.suppressed);
  const at12 = (g: typeof old) => g.curve.find((c) => c.month === 12)!.reached!;
  assert.ok(at12(old) < 0.5 * at12(mid), `${at12(old)} vs ${at12(mid)}`);
  assert.ok(t.logRank!.p < 0.001);
  assert.equal(old.n! % 5, 0);
});

test('trend over years: a change with its interval per group, and the SRG note across 2023', async () => {
  const t = await get<TrendAnswerT>(
    'beleid',
    '/spiegel/verdieping/trend?from=2024&to=2026&stage=voorziening&ground=geslacht',
  );
  assert.deepEqual(t.periods, ['2024', '2025', '2026']);
  const women = t.groups.find((g) => g.group === 'vrouw')!;
  const c = women.cells[1].change!;
  assert.ok(c.lower <= c.difference && c.difference <= c.upper);
  const q = await get<TrendAnswerT>(
    'beleid',
    '/spiegel/verdieping/trend?from=2022&to=2023&stage=voorziening&ground=geslacht',
  );
  assert.ok(q.notes.some((n) => n.includes('trendbreuk')));
});

test('roles and bad input: no consultant, a team leader only their own team, wrong ground refused', async () => {
  await get('klantmanager', '/spiegel/verdieping/scan?period=2025&stage=plan', 403);
  // team Noord is team 1 in Demodam; another team is refused
  await get('teamleider', '/spiegel/verdieping/vergelijking?period=2025&stage=plan&ground=geslacht&team=2', 403);
  await get('beleid', '/spiegel/verdieping/scan?period=2025&stage=plan&grounds=geslacht,bestaatniet', 400);
  await get('beleid', '/spiegel/verdieping/scan?period=2025&stage=bestaatniet', 400);
  await get('beleid', '/spiegel/verdieping/trend?from=2026&to=2024&stage=plan&ground=geslacht', 400);
});
