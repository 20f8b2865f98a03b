import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wilsonInterval } from '../../src/mirror/stats/index.js';
import { assertClose, golden, isClose } from '../fixtures/stats/golden.js';

test('Wilson interval for 5 of 10, worked by hand', () => {
  // p̂ = 0.5, n = 10, z = 1.959964, z² = 3.841459
  // denominator = 1 + z²/n          = 1.3841459
  // centre      = p̂ + z²/(2n)       = 0.5 + 0.1920729 = 0.6920729
  // half        = z·√(p̂(1−p̂)/n + z²/(4n²)) = 1.959964·√(0.025 + 0.0096036)
  //             = 1.959964 · 0.1860206 = 0.3645936
  // lower = (0.6920729 − 0.3645936) / 1.3841459 = 0.2365931
  // upper = (0.6920729 + 0.3645936) / 1.3841459 = 0.7634069
  const w = wilsonInterval(5, 10);
  assert.equal(w.estimate, 0.5);
  assert.ok(Math.abs(w.lower - 0.2365931) < 1e-6, `lower ${w.lower}`);
  assert.ok(Math.abs(w.upper - 0.7634069) < 1e-6, `upper ${w.upper}`);
});

test('Wilson interval for 0 of n starts at exactly 0 and for n of n ends at exactly 1', () => {
  // 0 of 12: centre = half = z²/(2n), so lower = 0 and upper = (z²/n)/(1 + z²/n) = 3.841459/15.841459 = 0.2424940
  const none = wilsonInterval(0, 12);
  assert.equal(none.lower, 0);
  assert.ok(Math.abs(none.upper - 0.242494) < 1e-6);
  const all = wilsonInterval(12, 12);
  assert.equal(all.upper, 1);
  assert.ok(Math.abs(all.lower - (1 - 0.242494)) < 1e-6);
});

test('Wilson intervals equal R (explicit formula, qnorm) for every fixed table', () => {
  for (const t of golden.tables) {
    for (const [x, n, expected, label] of [
      [t.x1, t.n1, t.wilson1, 'group 1'],
      [t.x2, t.n2, t.wilson2, 'group 2'],
    ] as const) {
      const w = wilsonInterval(x, n, t.level);
      assertClose(w.estimate, expected.estimate, `${t.id} ${label} estimate`);
      assertClose(w.lower, expected.lower, `${t.id} ${label} lower`);
      assertClose(w.upper, expected.upper, `${t.id} ${label} upper`);
    }
  }
});

test('the comparison with R would catch one person more or less (also for 270,880 people)', () => {
  let checked = 0;
  for (const t of golden.tables) {
    for (const shifted of [t.x1 - 1, t.x1 + 1]) {
      if (shifted < 0 || shifted > t.n1) continue;
      const w = wilsonInterval(shifted, t.n1, t.level);
      assert.ok(
        !isClose(w.lower, t.wilson1.lower) || !isClose(w.upper, t.wilson1.upper),
        `${t.id}: x1 = ${shifted} passes`,
      );
      checked++;
    }
    // One person more in the total (n + 1) must be caught as well.
    const w = wilsonInterval(t.x1, t.n1 + 1, t.level);
    assert.ok(!isClose(w.lower, t.wilson1.lower) || !isClose(w.upper, t.wilson1.upper), `${t.id}: n1 + 1 passes`);
  }
  assert.ok(checked >= golden.tables.length);
});

test('a different confidence level gives a different interval (90% narrower, 99% wider)', () => {
  const w90 = wilsonInterval(30, 120, 0.9);
  const w95 = wilsonInterval(30, 120);
  const w99 = wilsonInterval(30, 120, 0.99);
  assert.ok(w90.upper - w90.lower < w95.upper - w95.lower);
  assert.ok(w99.upper - w99.lower > w95.upper - w95.lower);
});

test('programmer errors throw a RangeError with a clear message', () => {
  assert.throws(() => wilsonInterval(11, 10), new RangeError('x (11) must not be greater than n (10)'));
  assert.throws(() => wilsonInterval(-1, 10), new RangeError('x must be a non-negative integer, got -1'));
  assert.throws(() => wilsonInterval(2.5, 10), new RangeError('x must be a non-negative integer, got 2.5'));
  assert.throws(() => wilsonInterval(0, 0), new RangeError('n must be at least 1, got 0'));
  assert.throws(() => wilsonInterval(1, 10, 95), new RangeError('level must lie strictly between 0 and 1, got 95'));
  assert.throws(() => wilsonInterval(Number.NaN, 10), RangeError);
});
