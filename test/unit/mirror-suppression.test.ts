import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLines, decideSuppression } from '../../src/mirror/suppression.js';
import { buildPersonTable, countGroups, type MirrorPerson } from '../../src/mirror/person-table.js';
import type { GroundDef } from '../../src/mirror/grounds.js';

const count = (groups: string[], population: number, reached: number[]) => ({ groups, population, reached });

test('lines of a 3 × 2 grid: three columns of two and two rows of three', () => {
  // cells row-major: (a0,b0)=0 (a0,b1)=1 (a1,b0)=2 (a1,b1)=3 (a2,b0)=4 (a2,b1)=5
  assert.deepEqual(buildLines([3, 2]), [
    [0, 2, 4],
    [1, 3, 5],
    [0, 1],
    [2, 3],
    [4, 5],
  ]);
});

test('a small group is hidden, and so is the next-smallest so the total cannot give it away', () => {
  // unknown 4 people (primary), vrouw 300, man 120: hiding only "unknown" would let
  // total − vrouw − man reveal it, so "man" (the smallest other) is hidden too.
  const res = decideSuppression(
    [count(['onbekend'], 4, [1]), count(['vrouw'], 300, [100]), count(['man'], 120, [50])],
    [3],
    1,
    10,
  );
  assert.deepEqual(res.population, ['klein-aantal', null, 'secundair']);
  assert.deepEqual(
    res.stage.map((s) => s[0]),
    ['klein-aantal', null, 'secundair'],
  );
});

test('a stage count under the threshold, or too few who did not reach it, is hidden with a partner', () => {
  // group A: 50 people, 8 reached (primary); B: 60 people, 55 reached → 5 did not (primary);
  // C: 200 people, 90 reached; unknown empty (0 people, shown, needs no protection)
  const res = decideSuppression(
    [count(['onbekend'], 0, [0]), count(['A'], 50, [8]), count(['B'], 60, [55]), count(['C'], 200, [90])],
    [4],
    1,
    10,
  );
  assert.deepEqual(res.population, [null, null, null, null]);
  assert.deepEqual(
    res.stage.map((s) => s[0]),
    [null, 'klein-aantal', 'klein-aantal', null],
  );
});

test('one hidden stage cell among three gets the smallest other as partner', () => {
  const res = decideSuppression(
    [count(['onbekend'], 0, [0]), count(['A'], 50, [5]), count(['B'], 60, [20]), count(['C'], 200, [90])],
    [4],
    1,
    10,
  );
  assert.deepEqual(
    res.stage.map((s) => s[0]),
    [null, 'klein-aantal', 'secundair', null],
  );
});

test('an empty group is shown as 0 and is not protected', () => {
  const res = decideSuppression(
    [count(['onbekend'], 0, [0]), count(['vrouw'], 300, [100]), count(['man'], 120, [50])],
    [3],
    1,
    10,
  );
  assert.deepEqual(res.population, [null, null, null]);
  assert.deepEqual(
    res.stage.map((s) => s[0]),
    [null, null, null],
  );
});

test('in an intersection, every line (margin) keeps zero or at least two hidden cells', () => {
  const defs: GroundDef[] = [
    { key: 'g', label: 'g', groups: ['v', 'm'] },
    { key: 'a', label: 'a', groups: ['jong', 'oud'] },
  ];
  const persons: MirrorPerson[] = [];
  const add = (g: string, a: string, n: number, reached: number) => {
    for (let i = 0; i < n; i++) persons.push({ grounds: { g, a }, stages: { s: i < reached } });
  };
  add('v', 'jong', 5, 2); // small
  add('v', 'oud', 100, 40);
  add('m', 'jong', 80, 30);
  add('m', 'oud', 90, 45);
  const table = buildPersonTable(persons, defs, ['s']);
  const counts = countGroups(table, ['g', 'a']);
  const res = decideSuppression(counts, [3, 3], 1, 10);
  const hidden = (i: number) => res.population[i] !== null;
  for (const line of buildLines([3, 3])) {
    const live = line.filter((i) => counts[i].population > 0);
    const k = live.filter(hidden).length;
    assert.ok(k === 0 || k >= 2, `line ${line} has exactly one hidden cell`);
  }
  const vJong = counts.findIndex((c) => c.groups[0] === 'v' && c.groups[1] === 'jong');
  assert.equal(res.population[vJong], 'klein-aantal');
});
