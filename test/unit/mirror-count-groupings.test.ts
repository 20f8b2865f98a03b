import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPersonTable, countGroups, fromColumns, type MirrorPerson } from '../../src/mirror/person-table.js';
import { countGroupings } from '../../src/mirror/count-groupings.js';
import { pairsOf } from '../../src/mirror/funnel.js';
import { readMirrorExtract } from '../../src/import/mirror-extract.js';
import { readFileSync } from 'node:fs';
import type { GroundDef } from '../../src/mirror/grounds.js';

const def = (key: string, groups: string[]): GroundDef => ({ key, label: key, groups });

test('pairs and singles counted together from one joint table: the counts of a small table, by hand', () => {
  // Six people; a: x/y, b: p/q, c: u/v; stage s1 reached by 1, 2 and 6, s2 by 2 and 3.
  const grounds = [def('a', ['x', 'y']), def('b', ['p', 'q']), def('c', ['u', 'v'])];
  const rows: [string | null, string, string, boolean, boolean][] = [
    ['x', 'p', 'u', true, false],
    ['x', 'p', 'v', true, true],
    ['x', 'q', 'u', false, true],
    ['y', 'q', 'u', false, false],
    ['y', 'q', 'v', false, false],
    [null, 'p', 'v', true, false],
  ];
  const persons: MirrorPerson[] = rows.map(([a, b, c, s1, s2]) => ({ grounds: { a, b, c }, stages: { s1, s2 } }));
  const table = buildPersonTable(persons, grounds, ['s1', 's2']);
  const groupings = [['a'], ['a', 'b'], ['b', 'c'], ['c', 'a'], ['b']];
  const counts = countGroupings(table, groupings);
  const shown = (i: number) =>
    Object.fromEntries(
      counts[i].filter((c) => c.population > 0).map((c) => [c.groups.join('/'), [c.population, ...c.reached]]),
    );
  assert.deepEqual(shown(0), { onbekend: [1, 1, 0], x: [3, 2, 2], y: [2, 0, 0] });
  assert.deepEqual(shown(1), { 'onbekend/p': [1, 1, 0], 'x/p': [2, 2, 1], 'x/q': [1, 0, 1], 'y/q': [2, 0, 0] });
  assert.deepEqual(shown(2), { 'p/u': [1, 1, 0], 'p/v': [2, 2, 1], 'q/u': [2, 0, 1], 'q/v': [1, 0, 0] });
  assert.deepEqual(shown(3), {
    'u/x': [2, 1, 1],
    'u/y': [1, 0, 0],
    'v/onbekend': [1, 1, 0],
    'v/x': [1, 1, 1],
    'v/y': [1, 0, 0],
  });
  assert.deepEqual(shown(4), { p: [3, 3, 1], q: [3, 0, 1] });
  // every cell of the grid, empty ones included, in the order countGroups gives them
  assert.deepEqual(
    counts[3].map((c) => c.groups),
    countGroups(table, ['c', 'a']).map((c) => c.groups),
  );
});

/** A seeded table of `n` people over the given grounds (radices 3–7, ~5% unknown) and 5 stages. */
function randomTable(n: number, keys: string[], seed: number) {
  let a = seed;
  const rand = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  const columns = new Map(
    keys.map((k, g) => {
      const d = def(
        k,
        Array.from({ length: 2 + ((g * 3) % 6) }, (_, i) => `${k}${i}`),
      );
      const codes = Uint8Array.from({ length: n }, () =>
        rand() < 0.05 ? 0 : 1 + Math.floor(rand() * d.groups.length),
      );
      return [k, { def: d, codes }] as const;
    }),
  );
  const masks = Uint32Array.from({ length: n }, () => Math.floor(rand() * 32));
  return fromColumns(n, ['s1', 's2', 's3', 's4', 's5'], columns, masks);
}

test('13 grounds (the projective plane), 6 grounds (greedy cover) and odd groupings: equal to countGroups one by one', () => {
  for (const count of [13, 6]) {
    const keys = Array.from({ length: count }, (_, i) => `g${i}`);
    const table = randomTable(3000, keys, count);
    const groupings = [
      ...keys.map((k) => [k]),
      ...pairsOf(keys),
      // a reversed pair, a repeated pair, a triple and a ground with itself
      [keys[2], keys[0]],
      [keys[0], keys[1]],
      [keys[0], keys[1], keys[2]],
      [keys[3], keys[3]],
    ];
    const together = countGroupings(table, groupings);
    groupings.forEach((g, i) => assert.deepEqual(together[i], countGroups(table, g), `grouping ${g.join('×')}`));
  }
});

test('an unknown ground is the same error as before', () => {
  const table = randomTable(100, ['g0', 'g1'], 1);
  assert.throws(() => countGroupings(table, [['g0', 'g1'], ['g0'], ['g0', 'nope']]), {
    message: 'unknown ground "nope"',
  });
});

test('a table read into a cube (an extract): every grouping summed out of the cube equals countGroups one by one', () => {
  const bytes = readFileSync('test/fixtures/extract/gemeente-extract-groot.csv');
  const { table } = readMirrorExtract(bytes, { countsOnly: true });
  assert.ok(table.cube, 'the counts-only reading keeps a cube');
  const keys = [...table.grounds.keys()];
  const groupings = [...keys.map((k) => [k]), ...pairsOf(keys), [keys[1], keys[0]], keys.slice(0, 3)];
  const together = countGroupings(table, groupings);
  groupings.forEach((g, i) => assert.deepEqual(together[i], countGroups(table, g), `grouping ${g.join('×')}`));
  assert.equal(
    together[0].reduce((n, c) => n + c.population, 0),
    table.size,
  );
});
