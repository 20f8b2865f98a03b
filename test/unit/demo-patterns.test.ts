/**
 * The built-in truths of Demodam (docs/demodam.md), checked with plain counts on the generated
 * rows of the default run (seed 'demodam', 6,000 clients, reference date 2026-10-31).
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidBsn } from '../../src/domain/bsn.js';
import { generateDemodam } from '../../src/demo/generate.js';
import { clientFacts, share, STAGES, type ClientFact } from '../../src/demo/measure.js';
import type { DemodamData } from '../../src/demo/rows.js';

const REF = '2026-10-31';
let data: DemodamData;
let facts: ClientFact[];
let diagnosed: ClientFact[];

before(() => {
  data = generateDemodam();
  facts = clientFacts(data, REF);
  diagnosed = facts.filter((f) => f.diagnosed);
});

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

describe('Demodam as a whole', () => {
  test('has the organisation and the clients asked for', () => {
    assert.equal(data.municipality[0].code, 'GM9999');
    assert.equal(data.client.length, 6000);
    assert.equal(data.team.length, 4);
    assert.equal(data.neighbourhood.length, 8);
    assert.equal(data.life_domain.length, 8);
    assert.equal(data.app_user.filter((u) => u.role === 'consultant').length, 30);
    assert.equal(data.app_user.filter((u) => u.role === 'teamleider').length, 4);
    for (const name of ['klantmanager', 'teamleider', 'beleid', 'onderzoek', 'beheer', 'km01', 'km29', 'tl-oost']) {
      assert.ok(
        data.app_user.some((u) => u.username === name),
        name,
      );
    }
    const noord = data.team.find((t) => t.name === 'Noord')?.id;
    assert.equal(data.app_user.find((u) => u.username === 'klantmanager')?.team_id, noord);
    assert.equal(data.app_user.find((u) => u.username === 'teamleider')?.team_id, noord);
    assert.equal(data.instrument.filter((i) => i.target_group !== null).length, 1);
    assert.deepEqual([...new Set(data.instrument.map((i) => i.srg_code))].sort(), [23, 29, 30, 31, 59]);
  });

  test('every BSN passes the 11-proef and is unique', () => {
    for (const c of data.client) assert.ok(isValidBsn(c.bsn), c.bsn);
    assert.equal(new Set(data.client.map((c) => c.bsn)).size, data.client.length);
  });

  test('benefits start between 2024-01-01 and the reference date; ages 18-66', () => {
    for (const b of data.benefit_period) assert.ok(b.start_date >= '2024-01-01' && b.start_date <= REF);
    for (const f of facts) assert.ok(f.ageAtStart >= 18 && f.ageAtStart <= 66, String(f.ageAtStart));
  });

  test('nothing happens after the reference date (apart from planned appointments and due dates)', () => {
    const dated: [string, readonly object[], readonly string[]][] = [
      ['benefit_period', data.benefit_period, ['start_date', 'end_date']],
      ['intake', data.intake, ['held_on']],
      ['diagnosis', data.diagnosis, ['given_on']],
      ['conversation', data.conversation, ['held_on']],
      ['work_period', data.work_period, ['start_date', 'end_date']],
      ['instrument_allocation', data.instrument_allocation, ['requested_on', 'started_on', 'ended_on']],
      ['ladder_step', data.ladder_step, ['recorded_on']],
      ['client_feedback', data.client_feedback, ['given_on']],
      ['plan_step', data.plan_step, ['done_on']],
      ['on_hold_period', data.on_hold_period, ['start_date', 'end_date']],
    ];
    for (const [table, rows, columns] of dated) {
      for (const row of rows)
        for (const c of columns) {
          const v = (row as Record<string, unknown>)[c];
          assert.ok(v === null || (typeof v === 'string' && v <= REF), `${table}.${c} = ${String(v)}`);
        }
    }
  });

  test('caseloads of active clients lie between 100 and 200 per consultant', () => {
    const load = new Map<number, number>();
    for (const f of facts) if (f.active) load.set(f.consultantId, (load.get(f.consultantId) ?? 0) + 1);
    for (const u of data.app_user.filter((x) => x.role === 'consultant')) {
      const n = load.get(u.id) ?? 0;
      assert.ok(n >= 100 && n <= 200, `${u.username}: ${n}`);
    }
  });

  test('about 15% reach paid work within a year of starting', () => {
    const yearAgo = facts.filter((f) => f.startDay + 365 <= Date.parse(`${REF}T00:00:00Z`) / 86_400_000);
    const rate = share(yearAgo, (f) => f.workWithinYear);
    assert.ok(rate >= 0.12 && rate <= 0.18, pct(rate));
  });

  test('a large majority is diagnosed as long distance (Wijkbestand)', () => {
    const lang = share(diagnosed, (f) => f.latestDistance === 'lang');
    assert.ok(lang >= 0.6 && lang <= 0.8, pct(lang));
  });

  test('about 30% was born in a non-western country; 35-38% with parents; more with self-reported background', () => {
    const own = share(
      data.monitoring_person,
      (m) => m.birth_country !== null && m.birth_country !== 'NL' && facts[m.client_id - 1].cbsOld === 'niet-westers',
    );
    const withParents = share(facts, (f) => f.cbsOld === 'niet-westers');
    const extended = share(facts, (f) => f.extended === 'niet-westers');
    assert.ok(own >= 0.27 && own <= 0.33, pct(own));
    assert.ok(withParents >= 0.33 && withParents <= 0.39, pct(withParents));
    assert.ok(extended > withParents && extended <= 0.41, pct(extended));
  });

  test('the monitoring rows hold ISO country codes and several backgrounds for some', () => {
    for (const m of data.monitoring_person) {
      for (const c of [m.birth_country, m.mother_birth_country, m.father_birth_country, m.nationality])
        assert.ok(c === null || /^[A-Z]{2}$/.test(c));
    }
    const perClient = new Map<number, number>();
    for (const b of data.monitoring_cultural_background)
      perClient.set(b.client_id, (perClient.get(b.client_id) ?? 0) + 1);
    assert.ok([...perClient.values()].some((n) => n >= 2));
    const keys = data.monitoring_cultural_background.map((b) => `${b.client_id}|${b.background}`);
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe('built-in truths', () => {
  test('(a) clients aged 45+ rarely get an instrument, also when diagnosed kort', () => {
    const young = share(
      diagnosed.filter((f) => f.ageAtStart < 45),
      (f) => f.instrument,
    );
    const old = share(
      diagnosed.filter((f) => f.ageAtStart >= 45),
      (f) => f.instrument,
    );
    const youngKort = share(
      diagnosed.filter((f) => f.ageAtStart < 45 && f.firstDistance === 'kort'),
      (f) => f.instrument,
    );
    const oldKort = share(
      diagnosed.filter((f) => f.ageAtStart >= 45 && f.firstDistance === 'kort'),
      (f) => f.instrument,
    );
    assert.ok(old < 0.5 * young, `${pct(old)} vs ${pct(young)}`);
    assert.ok(oldKort < 0.5 * youngKort, `kort: ${pct(oldKort)} vs ${pct(youngKort)}`);
  });

  test('(b) women less often work six months or more with the same employer', () => {
    const women = facts.filter((f) => f.gender === 'vrouw'),
      men = facts.filter((f) => f.gender === 'man');
    const w6 = share(women, (f) => f.werkzaam6m),
      m6 = share(men, (f) => f.werkzaam6m);
    assert.ok(w6 < 0.8 * m6, `${pct(w6)} vs ${pct(m6)}`);
    const w = share(
        women.filter((f) => f.werkzaam1m),
        (f) => f.werkzaam6m,
      ),
      m = share(
        men.filter((f) => f.werkzaam1m),
        (f) => f.werkzaam6m,
      );
    assert.ok(w < m - 0.15, `among werkzaam: ${pct(w)} vs ${pct(m)}`);
    // reaching a month of work hardly differs
    assert.ok(Math.abs(share(women, (f) => f.werkzaam1m) - share(men, (f) => f.werkzaam1m)) < 0.03);
  });

  test('(c) "onder op de stapel" is concentrated in the Wijkbestand and in team Zuid', () => {
    const stapel = (f: ClientFact): boolean => STAGES.onder_op_de_stapel!(f);
    const wijk = share(
      diagnosed.filter((f) => f.mainBestand === 'wijk'),
      stapel,
    );
    const werkplein = share(
      diagnosed.filter((f) => f.mainBestand === 'werkplein'),
      stapel,
    );
    assert.ok(wijk > 2.5 * werkplein, `${pct(wijk)} vs ${pct(werkplein)}`);
    const zuid = data.team.find((t) => t.name === 'Zuid')?.id;
    const inZuid = share(
      diagnosed.filter((f) => f.teamId === zuid),
      stapel,
    );
    const elsewhere = share(
      diagnosed.filter((f) => f.teamId !== zuid),
      stapel,
    );
    assert.ok(inZuid > 1.3 * elsewhere, `Zuid ${pct(inZuid)} vs ${pct(elsewhere)}`);
  });

  test('(d) the chance of a kort diagnosis falls with age', () => {
    const bands: [number, number][] = [
      [18, 26],
      [27, 34],
      [35, 44],
      [45, 54],
      [55, 66],
    ];
    const rates = bands.map(([lo, hi]) =>
      share(
        diagnosed.filter((f) => f.ageAtStart >= lo && f.ageAtStart <= hi),
        (f) => f.firstDistance === 'kort',
      ),
    );
    for (let i = 1; i < rates.length; i++) assert.ok(rates[i] < rates[i - 1], rates.map(pct).join(' > '));
    assert.ok(rates[0] > 3 * rates[4], rates.map(pct).join(' > '));
  });

  test('(e) migration background makes no difference at any stage, by any definition', () => {
    // Each group against everyone else: sampling noise only (|z| < 3.5 over ~130 comparisons),
    // and within a few points; for big groups (≥ 1,500 clients) within 3 points.
    for (const key of ['cbsOld', 'herkomst', 'extended'] as const) {
      const groupOf = (f: ClientFact): string => f[key];
      for (const group of new Set(facts.map(groupOf))) {
        if (group === 'onbekend') continue;
        const inGroup = facts.filter((f) => groupOf(f) === group),
          rest = facts.filter((f) => groupOf(f) !== group);
        for (const [stage, reached] of Object.entries(STAGES)) {
          const p1 = share(inGroup, reached),
            p2 = share(rest, reached),
            p = share(facts, reached);
          const z = (p1 - p2) / Math.sqrt(p * (1 - p) * (1 / inGroup.length + 1 / rest.length) || 1);
          const what: string = `${key}=${group} ${stage}: ${pct(p1)} vs ${pct(p2)} (n=${inGroup.length}, z=${z.toFixed(2)})`;
          assert.ok(Math.abs(z) < 3.5, what);
          assert.ok(Math.abs(p1 - p2) < (inGroup.length >= 1500 ? 0.03 : 0.06), what);
        }
      }
    }
  });

  test('(e) migration background is independent of age, gender, household, education and team', () => {
    const groups = ['nederlands', 'westers', 'niet-westers'] as const;
    const checks: [string, (f: ClientFact) => boolean][] = [
      ['45+', (f) => f.ageAtStart >= 45],
      ['vrouw', (f) => f.gender === 'vrouw'],
      ['team 1', (f) => f.teamId === 1],
      ['team 3', (f) => f.teamId === 3],
      ['alleenstaand', (f) => data.client[f.id - 1].household === 'alleenstaand'],
      ['startkwalificatie+', (f) => ['startkwalificatie', 'hbo_wo'].includes(data.client[f.id - 1].education_level)],
      ['geen werkervaring', (f) => data.client[f.id - 1].work_experience === 'geen'],
    ];
    for (const [label, test] of checks) {
      const rates = groups.map((g) =>
        share(
          facts.filter((f) => f.cbsOld === g),
          test,
        ),
      );
      assert.ok(Math.max(...rates) - Math.min(...rates) < 0.06, `${label}: ${rates.map(pct).join(' / ')}`);
    }
  });

  test('discrimination experiences (not a stage) are reported far more often with a non-western background', () => {
    const experienced = new Map<number, boolean>();
    for (const d of data.discrimination_discussion)
      experienced.set(d.client_id, (experienced.get(d.client_id) ?? false) || d.experienced);
    const rate = (g: string): number =>
      share(
        facts.filter((f) => f.cbsOld === g && experienced.has(f.id)),
        (f) => experienced.get(f.id) === true,
      );
    assert.ok(
      rate('niet-westers') > 2.5 * rate('nederlands'),
      `${pct(rate('niet-westers'))} vs ${pct(rate('nederlands'))}`,
    );
  });
});
