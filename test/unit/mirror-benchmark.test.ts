import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPersonTable, type MirrorPerson } from '../../src/mirror/person-table.js';
import { computeMirror } from '../../src/mirror/funnel.js';
import { compareResults, compareWithNational, readNationalFigures } from '../../src/mirror/benchmark.js';
import { GROUNDS } from '../../src/mirror/grounds.js';

const defs = GROUNDS.filter((g) => g.key === 'geslacht');
function mirror(women: [number, number], men: [number, number]) {
  const persons: MirrorPerson[] = [];
  for (let i = 0; i < women[1]; i++)
    persons.push({
      grounds: { geslacht: 'vrouw' },
      stages: { voorziening: i < women[0], werkzaam_6m: i < women[0] / 2 },
    });
  for (let i = 0; i < men[1]; i++)
    persons.push({ grounds: { geslacht: 'man' }, stages: { voorziening: i < men[0], werkzaam_6m: i < men[0] / 2 } });
  return computeMirror(buildPersonTable(persons, defs, ['voorziening', 'werkzaam_6m']), [['geslacht']]);
}

test('national figures: the composition difference for women as CBS prints it', () => {
  const national = readNationalFigures();
  assert.equal(national.length, 12);
  // Here: 40 of 100 women and 60 of 100 men got an instrument → women 50% of the population, 40% of the stage: −10 points.
  const rows = compareWithNational(mirror([40, 100], [60, 100]));
  const women = rows.find((r) => r.nationalGroup === 'vrouw' && r.stage === 'voorziening')!;
  assert.ok(Math.abs(women.localDifferencePp! - -10) < 1e-9);
  // Nationally: 123950/237580 − 270880/496770 = −2.356 points; rate 123950/270880 = 45.76%.
  assert.ok(Math.abs(women.nationalDifferencePp - ((100 * 123950) / 237580 - (100 * 270880) / 496770)) < 1e-9);
  assert.ok(Math.abs(women.nationalRate - 45.7583) < 1e-4);
  assert.equal(women.localRate, 40);
});

test('another period: change in rate per group with a test, by hand', () => {
  const now = mirror([40, 100], [60, 100]);
  const before = mirror([20, 100], [60, 100]);
  const rows = compareResults(now, before);
  const women = rows.find((r) => r.group === 'vrouw' && r.stage === 'voorziening')!;
  assert.equal(women.change, 20);
  // 2×2 table 40/60 vs 20/80: chi-square = 200·(40·80 − 60·20)² / (100·100·60·140) = 9.5238, p = 0.002028
  assert.equal(women.test, 'chi-square');
  assert.ok(Math.abs(women.p! - 0.0020282) < 1e-6, String(women.p));
  const men = rows.find((r) => r.group === 'man' && r.stage === 'voorziening')!;
  assert.equal(men.change, 0);
});
