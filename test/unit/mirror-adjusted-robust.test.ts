import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LARGEST_GROUP, adjustedComparison } from '../../src/mirror/adjusted.js';
import { explainAdjusted } from '../../src/mirror/adjusted-explain.js';
import { AGE_IN_YEARS, buildPersonTable, type MirrorPerson } from '../../src/mirror/person-table.js';
import type { GroundDef } from '../../src/mirror/grounds.js';
import { assertClose, assertCloseP } from '../fixtures/stats/golden.js';

// Expected values: R's glm and brglm2 on the same rows (scripts/r/verdieping-golden.R).
const dir = new URL('../fixtures/verdieping/', import.meta.url);
const golden = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));
const [header, ...lines] = readFileSync(new URL('ages.csv', dir), 'utf8').trim().split('\n');
const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [header.split(',')[i], v])));

const grounds: GroundDef[] = [
  { key: 'grond', label: 'Grond', groups: ['A', 'B', 'C'], reference: 'A', groupLabels: { B: 'Groep B' } },
  {
    key: 'opleiding',
    label: 'Opleidingsniveau',
    groups: ['midden', 'geen', 'hoog', 'laag'],
    reference: 'midden',
    groupLabels: { geen: 'Geen opleiding' },
  },
  { key: 'team', label: 'Team', groups: ['noord', 'zuid'], reference: 'noord', groupLabels: { zuid: 'Team Zuid' } },
  { key: 'leeg', label: 'Taalniveau', groups: ['ja', 'nee'] },
];
const person = (r: Record<string, string>): MirrorPerson => ({
  grounds: { grond: r.ground, opleiding: r.education, team: r.team, leeg: null },
  stages: { stap: r.y === '1' },
  numbers: { [AGE_IN_YEARS]: Number(r.age) },
});
const plainTable = buildPersonTable(rows.filter((r) => r.education !== 'geen').map(person), grounds, ['stap']);
const allTable = buildPersonTable(rows.map(person), grounds, ['stap']);

function assertGroup(
  result: ReturnType<typeof adjustedComparison>,
  expected: { coefficients: { name: string; estimate: number; p: number; lower: number; upper: number }[] },
) {
  for (const g of ['B', 'C']) {
    const row = result.rows.find((r) => r.group === g)!;
    const r = expected.coefficients.find((c) => c.name === `ground${g}`)!;
    assertClose(row.adjusted!.oddsRatio, Math.exp(r.estimate), `${g} odds ratio`);
    assertClose(row.adjusted!.lower, r.lower, `${g} lower`);
    assertClose(row.adjusted!.upper, r.upper, `${g} upper`);
    assertCloseP(row.adjusted!.p, r.p, `${g} p`);
  }
}

test('age in years as a covariate: the odds ratios of glm(y ~ ground + age + education)', () => {
  const result = adjustedComparison(plainTable, {
    stage: 'stap',
    ground: 'grond',
    covariates: [AGE_IN_YEARS, 'opleiding'],
  });
  assert.equal(result.problem, null);
  assert.equal(result.method, 'glm');
  assertGroup(result, golden.logistic.numeric);
});

test('a covariate that follows from the ground is left out (R: NA), named by its label, and the ground estimated', () => {
  const result = adjustedComparison(plainTable, { stage: 'stap', ground: 'grond', covariates: [AGE_IN_YEARS, 'team'] });
  assert.equal(result.problem, null);
  assert.deepEqual(result.aliased, ['Team: Team Zuid']);
  assertGroup(result, golden.logistic.aliased);
  assert.ok(result.explanation.some((e) => e.includes('Weggelaten uit de correctie') && e.includes('Team: Team Zuid')));
});

test('separation in a covariate level: Firth instead of a refusal, equal to brglm2', () => {
  const result = adjustedComparison(allTable, {
    stage: 'stap',
    ground: 'grond',
    covariates: [AGE_IN_YEARS, 'opleiding'],
  });
  assert.equal(result.problem, null);
  assert.equal(result.method, 'firth');
  assertGroup(result, golden.logistic.firthSeparated);
  assert.ok(result.explanation.some((e) => e.includes('Firth')));
});

test('a covariate unknown for everyone names that cause, not a small reference group', () => {
  const result = adjustedComparison(plainTable, { stage: 'stap', ground: 'grond', covariates: ['opleiding', 'leeg'] });
  assert.match(result.problem!, /Van niemand .* "Taalniveau" bekend/);
  assert.doesNotMatch(result.problem!, /te klein/);
  assert.deepEqual(result.rows, []);
});

test('reference: the largest group on request', () => {
  const counts = { A: 0, B: 0, C: 0 } as Record<string, number>;
  rows.filter((r) => r.education !== 'geen').forEach((r) => counts[r.ground]++);
  const largest = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  const result = adjustedComparison(plainTable, {
    stage: 'stap',
    ground: 'grond',
    covariates: [],
    reference: LARGEST_GROUP,
  });
  assert.equal(result.reference, largest);
});

test('"the gap disappears" only when the odds ratio also moved at least half-way to 1', () => {
  const row = (crude: number, adjusted: number, pAdjusted: number) => ({
    group: 'x',
    label: 'Groep X',
    n: 100,
    reached: 50,
    crude: { oddsRatio: crude, lower: crude * 0.8, upper: crude * 1.2, p: 0.001 },
    adjusted: { oddsRatio: adjusted, lower: adjusted * 0.6, upper: adjusted * 1.5, p: pAdjusted },
    suppressed: false,
  });
  const say = (crude: number, adjusted: number) =>
    explainAdjusted({
      rows: [row(crude, adjusted, 0.2)],
      referenceLabel: 'Groep Y',
      covariateLabels: ['Opleidingsniveau'],
      problem: null,
      aliased: [],
      method: 'glm',
    })[0];
  // 2.0 → 1.9: log 1.9 / log 2 = 0.93, only 7% moved: not explained
  assert.match(say(2, 1.9), /veranderde weinig/);
  assert.doesNotMatch(say(2, 1.9), /hangt dus vooral samen/);
  // 2.0 → 1.2: 74% of the way to 1
  assert.match(say(2, 1.2), /hangt dus vooral samen/);
  // 0.5 → 0.75: log 0.75 / log 0.5 = 0.415, 58% moved
  assert.match(say(0.5, 0.75), /hangt dus vooral samen/);
});
