import assert from 'node:assert/strict';
import { test } from 'node:test';
import { riskRatio } from '../../src/mirror/stats/ratio.js';
import {
  daysBetween,
  guessShare,
  limitFor,
  monthEnd,
  numberBefore,
  parseCsv,
  scoreFamily,
  scoreProfiles,
  solveChains,
  solveComplement,
  subtract,
} from '../attack/attacks.js';

// The pure pieces of the disclosure-attack suite (test/attack/): derivations and scoring.

test('the Katz upper bound and the ratio give the comparison group back exactly', () => {
  for (const [x, n, x2, n2] of [
    [12, 40, 300, 2000],
    [25, 61, 7, 19],
    [100, 1500, 450, 3100],
    [10, 20, 1, 9],
  ]) {
    const rr = riskRatio(x, n, x2, n2);
    const s = solveComplement(x, n, rr.ratio!, rr.upper!);
    assert.ok(s, `${x}/${n} vs ${x2}/${n2}`);
    assert.equal(Math.round(s.n2), n2);
    assert.equal(Math.round(s.x2), x2);
  }
  assert.equal(solveComplement(10, 20, 1, 1), null, 'no interval, no answer');
  assert.equal(solveComplement(10, 20, Number.NaN, 2), null);
});

test('guess baseline, limit and family score', () => {
  assert.equal(guessShare([1, 1, 2, 0, 0, 15, 1, 3]), 3 / 8);
  assert.equal(guessShare([0, 0, 12]), 0);
  assert.equal(limitFor(0.5), 0.52);
  assert.equal(limitFor(0.01), 0.03);
  assert.equal(limitFor(0.04), 0.05);
  const leaky = scoreFamily([
    { truth: 1, derived: 1 },
    { truth: 2, derived: 2 },
    { truth: 0, derived: 0 },
    { truth: 12, derived: 12 },
  ]);
  assert.deepEqual([leaky.attempts, leaky.derived, leaky.exact, leaky.pass], [4, 4, 2, false]);
  const refused = scoreFamily([
    { truth: 1, derived: null },
    { truth: 2, derived: null },
  ]);
  assert.deepEqual([refused.exact, refused.pass], [0, true]);
  // over the attempts with a value: 30 of 30 right where a guess of 1 gets 10, among many refusals
  const partial = scoreFamily([
    ...Array.from({ length: 30 }, (_, i) => ({ truth: 1 + (i % 3), derived: 1 + (i % 3) })),
    ...Array.from({ length: 2000 }, () => ({ truth: 1, derived: null })),
  ]);
  assert.ok(partial.exactShare < partial.guessShare, 'over all attempts it looks like a guess');
  assert.equal(partial.pass, false, 'over the attempts with a value it is not');
  // noise that leaves the attacker no better than a guess passes
  const rounded = scoreFamily(
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 5].map((t) => ({ truth: t, derived: Math.round(t / 5) * 5 })),
  );
  assert.equal(rounded.exact, 2);
  assert.equal(rounded.pass, true);
});

test('named-client profiles: right against guessing the most common profile (plus one)', () => {
  const s = scoreProfiles([
    { truth: 'a', predicted: 'a' },
    { truth: 'a', predicted: null },
    { truth: 'b', predicted: 'b' },
    { truth: 'c', predicted: 'c' },
  ]);
  assert.deepEqual([s.attacked, s.right, s.guessRight, s.pass], [4, 3, 2, true]);
  const t = scoreProfiles([
    { truth: 'a', predicted: 'a' },
    { truth: 'b', predicted: 'b' },
    { truth: 'c', predicted: 'c' },
  ]);
  assert.equal(t.pass, false);
});

test('subtraction is chained until nothing changes', () => {
  // whole = a + b; a = a1 + a2 (a1 hidden); b hidden: b from the whole, nothing for a1 until a is known
  const published = new Map<string, number | null>([
    ['whole', 30],
    ['a', null],
    ['b', 12],
    ['a1', null],
    ['a2', 7],
  ]);
  const found = solveChains(published, [
    { total: 'a', parts: ['a1', 'a2'] },
    { total: 'whole', parts: ['a', 'b'] },
  ]);
  assert.deepEqual([...found].sort(), [
    ['a', 18],
    ['a1', 11],
  ]);
  assert.equal(
    solveChains(
      new Map([
        ['t', 5],
        ['x', null],
        ['y', null],
      ]),
      [{ total: 't', parts: ['x', 'y'] }],
    ).size,
    0,
  );
});

test('small helpers', () => {
  assert.equal(subtract(10, [3, 4]), 3);
  assert.equal(subtract(10, [3, null]), null);
  assert.equal(subtract(null, []), null);
  assert.deepEqual(parseCsv('a,b\n"x, y","say ""hi"""\n1,\n'), [
    ['a', 'b'],
    ['x, y', 'say "hi"'],
    ['1', ''],
  ]);
  assert.equal(numberBefore('In 2025: 1.234 mensen in de bijstand', 'mensen in de bijstand'), 1234);
  assert.equal(numberBefore('niets', 'mensen'), null);
  assert.deepEqual(daysBetween('2024-02-28', '2024-03-01'), ['2024-02-28', '2024-02-29', '2024-03-01']);
  assert.equal(monthEnd(2025, 2), '2025-02-28');
  assert.equal(monthEnd(2025, 12), '2025-12-31');
});
