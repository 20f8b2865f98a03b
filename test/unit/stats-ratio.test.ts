import { test } from 'node:test';
import assert from 'node:assert/strict';
import { riskDifference, riskRatio } from '../../src/mirror/stats/index.js';
import { assertClose, golden, isClose } from '../fixtures/stats/golden.js';

test('risk ratio with Katz interval, worked by hand for 5 of 10 versus 3 of 12', () => {
  // RR = 0.5 / 0.25 = 2
  // SE(ln RR) = √(1/5 − 1/10 + 1/3 − 1/12) = √(0.35) = 0.5916080
  // bounds = exp(ln 2 ± 1.959964 · 0.5916080) = exp(0.6931472 ± 1.1595303)
  //        = exp(−0.4663831) = 0.6272669  and  exp(1.8526775) = 6.3768708
  const rr = riskRatio(5, 10, 3, 12);
  assert.equal(rr.ratio, 2);
  assert.ok(Math.abs((rr.lower as number) - 0.6272669) < 1e-6, `lower ${rr.lower}`);
  assert.ok(Math.abs((rr.upper as number) - 6.3768708) < 1e-6, `upper ${rr.upper}`);
});

test('risk ratios equal R (Katz formula) for every fixed table', () => {
  for (const t of golden.tables) {
    const rr = riskRatio(t.x1, t.n1, t.x2, t.n2, t.level);
    assertClose(rr.ratio, t.riskRatio.ratio, `${t.id} ratio`);
    assertClose(rr.lower, t.riskRatio.lower, `${t.id} lower`);
    assertClose(rr.upper, t.riskRatio.upper, `${t.id} upper`);
  }
});

test('zero counts: ratio 0 without bounds when x1 is 0; nothing when x2 is 0', () => {
  assert.deepEqual(riskRatio(0, 12, 5, 15), { ratio: 0, lower: null, upper: null });
  assert.deepEqual(riskRatio(3, 15, 0, 12), { ratio: null, lower: null, upper: null });
  assert.deepEqual(riskRatio(0, 10, 0, 10), { ratio: null, lower: null, upper: null });
  // n of n is no problem for Katz: SE = √(1/8 − 1/8 + 1/4 − 1/10)
  const all = riskRatio(8, 8, 4, 10);
  assert.equal(all.ratio, 2.5);
  assert.ok(all.lower !== null && all.upper !== null);
});

test('risk differences equal R (Newcombe method 10 from the Wilson bounds) for every fixed table', () => {
  for (const t of golden.tables) {
    const rd = riskDifference(t.x1, t.n1, t.x2, t.n2, t.level);
    assertClose(rd.difference, t.riskDifference.difference, `${t.id} difference`);
    assertClose(rd.lower, t.riskDifference.lower, `${t.id} lower`);
    assertClose(rd.upper, t.riskDifference.upper, `${t.id} upper`);
  }
});

test('risk difference matches the published values of Newcombe (1998), Table II, method 10', () => {
  // (a) 56/70 − 48/80: 0.0524 to 0.3339; (b) 9/10 − 3/10: 0.1705 to 0.8090.
  const a = riskDifference(56, 70, 48, 80);
  assert.ok(Math.abs(a.lower - 0.0524) < 5e-5 && Math.abs(a.upper - 0.3339) < 5e-5, JSON.stringify(a));
  const b = riskDifference(9, 10, 3, 10);
  assert.ok(Math.abs(b.lower - 0.1705) < 5e-5 && Math.abs(b.upper - 0.809) < 5e-5, JSON.stringify(b));
});

test('the comparison with R would catch one person more or less in either group', () => {
  for (const t of golden.tables) {
    if (t.riskRatio.lower === null || t.riskRatio.upper === null) continue;
    for (const [x1, x2] of [
      [t.x1 + 1, t.x2],
      [t.x1, t.x2 + 1],
    ]) {
      if (x1 > t.n1 || x2 > t.n2) continue;
      const rr = riskRatio(x1, t.n1, x2, t.n2, t.level);
      assert.ok(
        !isClose(rr.lower as number, t.riskRatio.lower) || !isClose(rr.upper as number, t.riskRatio.upper),
        `${t.id} RR ${x1}, ${x2}`,
      );
      const rd = riskDifference(x1, t.n1, x2, t.n2, t.level);
      assert.ok(
        !isClose(rd.lower, t.riskDifference.lower) || !isClose(rd.upper, t.riskDifference.upper),
        `${t.id} RD ${x1}, ${x2}`,
      );
    }
  }
});

test('programmer errors throw a RangeError naming the argument', () => {
  assert.throws(() => riskRatio(5, 10, 13, 12), new RangeError('x2 (13) must not be greater than n2 (12)'));
  assert.throws(() => riskDifference(-2, 10, 3, 12), new RangeError('x1 must be a non-negative integer, got -2'));
  assert.throws(() => riskRatio(1, 0, 3, 12), new RangeError('n1 must be at least 1, got 0'));
});
