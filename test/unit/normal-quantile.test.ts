import { test } from 'node:test';
import assert from 'node:assert/strict';
import jStat from 'jstat';
import { criticalValue, normalQuantile } from '../../src/mirror/stats/normal-distribution.js';

// The mirror's intervals were computed with jStat.normal.inv; the own implementation must give the
// very same doubles, or published figures would change in their last digits.
test('the normal quantile equals jStat 1.9.6 bit for bit, so no published figure changes', () => {
  const ps = [0.975, 0.995, 0.95, 0.9, 0.5, 0.025, 0.005, 1e-10, 1 - 1e-12];
  for (let i = 1; i < 5000; i++) ps.push(i / 5000);
  for (const p of ps) assert.ok(Object.is(normalQuantile(p), jStat.normal.inv(p, 0, 1)), `p = ${p}`);
  // R: qnorm(0.975) = 1.959963984540054
  assert.ok(Math.abs(criticalValue(0.95) - 1.959963984540054) < 1e-9);
});
