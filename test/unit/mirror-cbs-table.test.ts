import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildPersonTable, type MirrorPerson } from '../../src/mirror/person-table.js';
import { computeMirror } from '../../src/mirror/funnel.js';
import type { GroundDef } from '../../src/mirror/grounds.js';

// CBS Table 2.1 (Gelijke Kansenspiegel): the published counts, and the percentages exactly as
// printed in the report (whole numbers). The engine gets person rows whose totals equal the
// table, one set of rows per ground, and must give back every printed percentage.
const csv = readFileSync(new URL('../../reference/cbs-kansenspiegel-2018.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1);
const rows = csv.map((line) => {
  const [ground, group, population, withProvision, employed1m, employed6m] = line.split(',');
  return {
    ground,
    group,
    population: +population,
    withProvision: +withProvision,
    employed1m: +employed1m,
    employed6m: +employed6m,
  };
});

// [population %, with provision %, employed ≥ 1 month %, employed ≥ 6 months %], as printed.
const PRINTED: Record<string, [number, number, number, number]> = {
  vrouw: [55, 52, 43, 44],
  man: [45, 48, 57, 56],
  '26 jaar of jonger': [10, 13, 22, 20],
  '27 tot 45 jaar': [36, 42, 51, 52],
  '45 tot AOW-leeftijd': [54, 45, 28, 29],
  'niet-westers': [50, 55, 55, 53],
  westers: [10, 9, 8, 8],
  nederlands: [41, 36, 37, 39],
  eenouderhuishouden: [21, 23, 24, 25],
  eenpersoonshuishouden: [41, 40, 39, 39],
  '(on)gehuwde paren': [33, 32, 31, 31],
  'overig/institutioneel/onbekend': [5, 5, 6, 5],
};

const STAGES = ['voorziening', 'werkzaam_1m', 'werkzaam_6m'];

function mirrorForGround(ground: string) {
  const groupRows = rows.filter((r) => r.ground === ground);
  const def: GroundDef = { key: ground, label: ground, groups: groupRows.map((r) => r.group) };
  const persons: MirrorPerson[] = [];
  for (const r of groupRows) {
    for (let i = 0; i < r.population; i++) {
      persons.push({
        grounds: { [ground]: r.group },
        stages: { voorziening: i < r.withProvision, werkzaam_1m: i < r.employed1m, werkzaam_6m: i < r.employed6m },
      });
    }
  }
  const table = buildPersonTable(persons, [def], STAGES);
  return { result: computeMirror(table, [[ground]]), groupRows };
}

for (const ground of ['gender', 'age', 'migration_background', 'household']) {
  test(`CBS Table 2.1 reproduced for ${ground}: every printed percentage`, () => {
    const { result, groupRows } = mirrorForGround(ground);
    assert.equal(
      result.population,
      groupRows.reduce((a, r) => a + r.population, 0),
    );
    for (const r of groupRows) {
      const cells = STAGES.map((stage) => result.cells.find((c) => c.group === r.group && c.stage === stage)!);
      assert.equal(cells[0].nPopulation, r.population);
      assert.deepEqual(
        cells.map((c) => c.nStage),
        [r.withProvision, r.employed1m, r.employed6m],
      );
      const got = [Math.round(cells[0].sharePopulation!), ...cells.map((c) => Math.round(c.shareStage!))];
      assert.deepEqual(got, PRINTED[r.group], `${r.group}`);
    }
  });
}

test("the report's stated differences (in points, from the rounded percentages as the report reads them)", () => {
  const stated: Record<string, [string, number[]]> = {
    gender: ['vrouw', [-3, -12, -11]],
    age: ['26 jaar of jonger', [3, 12, 10]],
    migration_background: ['niet-westers', [5, 5, 3]],
  };
  for (const [ground, [group, expected]] of Object.entries(stated)) {
    const { result } = mirrorForGround(ground);
    const cells = STAGES.map((stage) => result.cells.find((c) => c.group === group && c.stage === stage)!);
    const diffs = cells.map((c) => Math.round(c.shareStage!) - Math.round(c.sharePopulation!));
    assert.deepEqual(diffs, expected, `${group}`);
    // unrounded, the difference lies within one point of the stated one
    cells.forEach((c, k) =>
      assert.ok(Math.abs(c.differencePp! - expected[k]) < 1, `${group} ${c.stage} ${c.differencePp}`),
    );
  }
});

test('women: unrounded composition differences by hand', () => {
  // 123950/237580 − 270880/496770 = 52.1719% − 54.5282% = −2.3563 points
  const { result } = mirrorForGround('gender');
  const cell = result.cells.find((c) => c.group === 'vrouw' && c.stage === 'voorziening')!;
  assert.ok(Math.abs(cell.differencePp! - ((100 * 123950) / 237580 - (100 * 270880) / 496770)) < 1e-9);
  assert.ok(Math.abs(cell.differencePp! - -2.3563) < 1e-4);
  // the within-group rate 123950/270880 = 45.758%
  assert.ok(Math.abs(cell.rate! - 45.7583) < 1e-4);
});
