import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestDb } from '../helpers/db.js';
import { demodamDb } from '../helpers/demo-db.js';
import { loadMirrorRows, CORE_STAGE_KEYS } from '../../src/store/mirror-source.js';
import { GROUNDS, type GroundDef } from '../../src/mirror/grounds.js';
import { buildPersonTable, type PersonTable } from '../../src/mirror/person-table.js';
import { computeMirror, type MirrorCell, type MirrorResult } from '../../src/mirror/funnel.js';
import { adjustedComparison } from '../../src/mirror/adjusted.js';
import { isClear } from '../../src/mirror/narrative.js';

// The truths built into Demodam (docs/demodam.md) must be found by the mirror on the database,
// and the ground built without any difference must show none.
const SECRET = 'test-secret';
let db: TestDb;
let table: PersonTable;
let result: MirrorResult;

before(async () => {
  db = await demodamDb({ clients: 6000, pseudonymSecret: SECRET });
  const rows = await loadMirrorRows(db, { municipalityId: 1, from: '2024-01-01', to: '2026-10-31' }, SECRET);
  const teams = await db.query<{ id: number; name: string }>('SELECT id, name FROM team ORDER BY id');
  const teamGround: GroundDef = { key: 'team', label: 'Team', groups: teams.map((t) => t.name) };
  const persons = rows.map((r) => ({
    stages: r.person.stages,
    grounds: { ...r.person.grounds, team: teams.find((t) => t.id === r.teamId)!.name },
  }));
  table = buildPersonTable(persons, [...GROUNDS, teamGround], CORE_STAGE_KEYS);
  result = computeMirror(table, [...GROUNDS.map((g) => [g.key]), ['team']]);
});
after(async () => db.drop());

const cell = (ground: string, group: string, stage: string): MirrorCell => {
  const c = result.cells.find((x) => x.ground === ground && x.group === group && x.stage === stage);
  assert.ok(c, `no cell ${ground}/${group}/${stage}`);
  return c;
};

test('the population is everyone on bijstand in the period', () => {
  assert.equal(result.population, 6000);
});

test('(a) clients aged 45+ rarely get an instrument — also after adjusting for education, work experience and health', () => {
  const c = cell('leeftijd', '45+', 'voorziening');
  assert.ok(isClear(c), JSON.stringify(c));
  assert.ok(c.ratio! < 0.6, `ratio ${c.ratio}`);
  const adj = adjustedComparison(table, {
    stage: 'voorziening',
    ground: 'leeftijd',
    covariates: ['opleiding', 'werkervaring', 'gezondheid'],
  });
  assert.equal(adj.problem, null);
  const older = adj.rows.find((r) => r.group === '45+')!;
  assert.ok(older.adjusted!.oddsRatio < 0.6 && older.adjusted!.p < 0.001, JSON.stringify(older));
});

test('(b) women less often reach six months of work, not less often one month', () => {
  const six = cell('geslacht', 'vrouw', 'werkzaam_6m');
  assert.ok(six.pAdjusted! < 0.05 && six.ratio! < 0.8, JSON.stringify(six));
  assert.ok(six.differencePp! < -5, `composition difference ${six.differencePp}`);
  const one = cell('geslacht', 'vrouw', 'werkzaam_1m');
  assert.ok(!isClear(one), JSON.stringify(one));
});

test('(c) "onder op de stapel" is concentrated in team Zuid', () => {
  const zuid = cell('team', 'Zuid', 'onder_op_de_stapel');
  assert.ok(isClear(zuid) && zuid.ratio! > 1.2, JSON.stringify(zuid));
  for (const other of ['Noord', 'Oost', 'West']) assert.ok(cell('team', other, 'onder_op_de_stapel').ratio! < 1);
});

test('(d) age drives the diagnosis', () => {
  const young = cell('leeftijd', 't/m 26', 'diagnose_kort');
  const old = cell('leeftijd', '45+', 'diagnose_kort');
  assert.ok(isClear(young) && young.ratio! > 1.3, JSON.stringify(young));
  assert.ok(isClear(old) && old.ratio! < 0.6, JSON.stringify(old));
});

test('(e) migration background, in all three definitions, shows no significant difference at any stage', () => {
  for (const ground of ['migratieachtergrond', 'herkomst', 'migratie_enschede']) {
    const cells = result.cells.filter((c) => c.ground === ground && !c.unknown);
    assert.ok(cells.length >= 3 * CORE_STAGE_KEYS.length, `${ground}: ${cells.length} cells`);
    const tested = cells.filter((c) => c.pAdjusted !== null);
    assert.ok(tested.length > 0);
    const significant = tested.filter((c) => c.pAdjusted! < 0.05);
    assert.deepEqual(
      significant.map((c) => `${c.group}/${c.stage} p_bh=${c.pAdjusted}`),
      [],
      ground,
    );
  }
});

test('no count under the threshold leaves the engine', () => {
  for (const c of result.cells) {
    for (const n of [c.nPopulation, c.nStage])
      assert.ok(n === null || n === 0 || n >= 10, `${c.ground}/${c.group}/${c.stage}: ${n}`);
    if (c.nStage !== null && c.nPopulation !== null && c.nPopulation > 0)
      assert.ok(c.nPopulation - c.nStage >= 10 || c.nStage === 0);
  }
});

test('(werkgevers) the mirror finds, under disclosure protection, that one employer hires invited people of non-European origin less often', async () => {
  const { loadProposalFacts } = await import('../../src/store/employers/mirror-source.js');
  const { computeEmployerChain, mergeByPerson } = await import('../../src/mirror/employer-stages.js');
  const { protectionRules } = await import('../../src/mirror/disclosure.js');
  const { recordKeyFor } = await import('../../src/domain/pseudonym.js');
  const { BIASED_EMPLOYER } = await import('../../src/demo/employers.js');
  const facts = await loadProposalFacts(db, 1, '2024-11-01', '2026-10-31');
  const rows = await loadMirrorRows(db, { municipalityId: 1, from: '2024-11-01', to: '2026-10-31' }, SECRET);
  const grounds = new Map(rows.map((r) => [r.clientId, r.person.grounds]));
  const rules = protectionRules(10);
  const chainOf = (employer: string | null) =>
    computeEmployerChain(
      mergeByPerson(
        facts
          .filter((f) => employer === null || f.employerName === employer)
          .map((f) => ({ ...f, key: recordKeyFor(f.clientId, SECRET), grounds: grounds.get(f.clientId) ?? {} })),
      ),
      GROUNDS.filter((g) => g.key === 'herkomst' || g.key === 'geslacht'),
      rules,
    );
  const biased = chainOf(BIASED_EMPLOYER);
  assert.ok(biased.published);
  const hire = biased.steps.find((s) => s.step.to === 'aangenomen')!.result!;
  const behind = hire.cells.find((c) => c.ground === 'herkomst' && c.group === 'buiten-europa')!;
  assert.ok(behind.clear && behind.ratio! < 0.6, JSON.stringify(behind));
  assert.equal(behind.nPopulation! % 5, 0, 'published counts are rounded to multiples of 5');
  assert.ok(biased.dropOuts.some((d) => d.group === 'buiten-europa' && d.step.startsWith('Uitgenodigd')));
  // The other step of this employer, and the same step at the other large employers, show no clear difference.
  const invite = biased.steps.find((s) => s.step.to === 'uitgenodigd')!.result!;
  assert.ok(!invite.cells.some((c) => c.ground === 'herkomst' && c.clear));
  for (const other of ['Zorggroep De Linde', 'Distributiecentrum Oost']) {
    const chain = chainOf(other);
    assert.ok(chain.published, other);
    assert.ok(!chain.dropOuts.some((d) => d.ground === 'herkomst'), `${other}: ${JSON.stringify(chain.dropOuts)}`);
  }
  // An employer with fewer than 100 people proposed is not published on its own.
  assert.equal(chainOf('Kantoor Westerkwartier').published, false);
});
