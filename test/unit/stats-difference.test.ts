import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chiSquare2x2, expectedCounts, fisherExact2x2, testDifference } from '../../src/mirror/stats/index.js';
import { assertClose, assertCloseP, golden, isClose, isCloseRelative } from '../fixtures/stats/golden.js';

const cells = (x1: number, n1: number, x2: number, n2: number) => [x1, n1 - x1, x2, n2 - x2] as const;

test('chi-square for 5 of 10 versus 3 of 12, worked by hand', () => {
  // table [5 5; 3 9], N = 22, rows 10 and 12, columns 8 and 14
  // expected: 10·8/22 = 3.636364, 10·14/22 = 6.363636, 12·8/22 = 4.363636, 12·14/22 = 7.636364
  // X² = N(ad − bc)² / (r1·r2·c1·c2) = 22·(45 − 15)² / (10·12·8·14) = 19800 / 13440 = 1.4732143
  const r = chiSquare2x2(5, 5, 3, 9);
  assert.ok(Math.abs(r.statistic - 19800 / 13440) < 1e-12, `statistic ${r.statistic}`);
  assert.equal(r.df, 1);
  assert.deepEqual(
    r.expected.map((e) => Math.round(e * 1e6) / 1e6),
    [3.636364, 6.363636, 4.363636, 7.636364],
  );
});

test('Fisher exact test for 1 of 7 versus 6 of 9, worked by hand', () => {
  // table [1 6; 6 3]: margins 7, 9 and 7, 9. With k the top-left cell, the number
  // of tables is C(7,k)·C(9,7−k) out of C(16,7) = 11440:
  //   k:  0    1     2     3     4    5   6  7
  //      36  588  2646  4410  2940  756  63  1
  // observed k = 1 (588); as likely or less: k = 0, 1, 6, 7 → 36 + 588 + 63 + 1 = 688
  // p = 688 / 11440 = 0.0601399
  assert.ok(Math.abs(fisherExact2x2(1, 6, 6, 3).p - 688 / 11440) < 1e-12);
});

test('chi-square statistic, p-value and expected counts equal R chisq.test(correct = FALSE)', () => {
  for (const t of golden.tables) {
    const r = chiSquare2x2(...cells(t.x1, t.n1, t.x2, t.n2));
    assertClose(r.statistic, t.chiSquare.statistic, `${t.id} statistic`);
    assertCloseP(r.p, t.chiSquare.p, `${t.id} p`);
    r.expected.forEach((e, i) => assertClose(e, t.chiSquare.expected[i], `${t.id} expected[${i}]`));
    assert.deepEqual(expectedCounts(...cells(t.x1, t.n1, t.x2, t.n2)), r.expected);
  }
});

test('Fisher p-values equal R fisher.test, also for tens of thousands of people', () => {
  for (const t of golden.tables) {
    assertCloseP(fisherExact2x2(...cells(t.x1, t.n1, t.x2, t.n2)).p, t.fisherP, `${t.id} Fisher p`);
  }
});

test('Fisher p-value does not depend on which group or outcome comes first', () => {
  for (const t of golden.tables) {
    const [a, b, c, d] = cells(t.x1, t.n1, t.x2, t.n2);
    const p = fisherExact2x2(a, b, c, d).p;
    for (const swapped of [fisherExact2x2(c, d, a, b).p, fisherExact2x2(b, a, d, c).p, fisherExact2x2(a, c, b, d).p]) {
      assertCloseP(swapped, p, `${t.id} swapped`);
    }
  }
});

test('testDifference uses chi-square when every expected count is at least 5 (R counts), Fisher otherwise', () => {
  const methods = new Set<string>();
  for (const t of golden.tables) {
    const r = testDifference(t.x1, t.n1, t.x2, t.n2);
    const minExpected = Math.min(...t.chiSquare.expected);
    methods.add(r.method);
    if (minExpected >= 5) {
      assert.equal(r.method, 'chi-square', t.id);
      assert.ok(r.method === 'chi-square');
      assertClose(r.statistic, t.chiSquare.statistic, `${t.id} statistic`);
      assertCloseP(r.p, t.chiSquare.p, `${t.id} p`);
    } else {
      assert.equal(r.method, 'fisher', t.id);
      assertCloseP(r.p, t.fisherP, `${t.id} p`);
    }
  }
  assert.deepEqual([...methods].sort(), ['chi-square', 'fisher']);
  // The boundary: expected counts of exactly 5 still use chi-square, 4.38 does not.
  assert.equal(testDifference(2, 20, 8, 20).method, 'chi-square');
  assert.equal(testDifference(2, 19, 7, 20).method, 'fisher');
});

test('nobody reached it in either group: chi-square undefined (NaN, as R), Fisher p = 1', () => {
  const r = chiSquare2x2(0, 10, 0, 10);
  assert.ok(Number.isNaN(r.statistic) && Number.isNaN(r.p));
  assert.deepEqual(testDifference(0, 10, 0, 10), { method: 'fisher', p: 1 });
});

test('the comparison with R would catch one person more or less', () => {
  let checked = 0;
  for (const t of golden.tables) {
    for (const x1 of [t.x1 - 1, t.x1 + 1]) {
      if (x1 < 0 || x1 > t.n1) continue;
      const chi = chiSquare2x2(...cells(x1, t.n1, t.x2, t.n2));
      if (t.chiSquare.statistic !== null && !Number.isNaN(chi.statistic)) {
        assert.ok(!isClose(chi.statistic, t.chiSquare.statistic), `${t.id} chi-square with x1 = ${x1}`);
        checked++;
      }
      // Skipped where p cannot move: 0 (underflow, large) and 1 (1 of 10 versus 0 of 10 is still p = 1).
      if (t.fisherP > 0 && t.fisherP < 1) {
        assert.ok(
          !isCloseRelative(fisherExact2x2(...cells(x1, t.n1, t.x2, t.n2)).p, t.fisherP),
          `${t.id} Fisher with x1 = ${x1}`,
        );
        checked++;
      }
    }
  }
  assert.ok(checked > 2 * golden.tables.length);
});

test('programmer errors throw a RangeError', () => {
  assert.throws(() => chiSquare2x2(1, -1, 2, 3), new RangeError('b must be a non-negative integer, got -1'));
  assert.throws(() => fisherExact2x2(1, 2, 3.5, 4), new RangeError('c must be a non-negative integer, got 3.5'));
  assert.throws(() => testDifference(3, 2, 1, 5), new RangeError('x1 (3) must not be greater than n1 (2)'));
});
