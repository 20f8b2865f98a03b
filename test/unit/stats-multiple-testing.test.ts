import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benjaminiHochberg } from '../../src/mirror/stats/index.js';
import { assertCloseP, golden, isCloseRelative } from '../fixtures/stats/golden.js';

test('Benjamini–Hochberg for four p-values, worked by hand', () => {
  // sorted: 0.005 (i=1), 0.01 (i=2), 0.03 (i=3), 0.04 (i=4); m = 4
  // m/i · p:  0.02        0.02        0.04        0.04
  // running minimum from the largest down: 0.04, 0.04, 0.02, 0.02
  const result = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
  [0.02, 0.04, 0.04, 0.02].forEach((expected, i) =>
    assert.ok(Math.abs(result[i] - expected) < 1e-12, `${i}: ${result[i]}`),
  );
});

test('equals R p.adjust(method = "BH"), with ties and a missing value passed through', () => {
  const { p, adjusted } = golden.benjaminiHochberg;
  assert.ok(p.includes(null), 'the fixture has a missing value');
  assert.ok(new Set(p).size < p.length, 'the fixture has ties');
  const result = benjaminiHochberg(p);
  assert.equal(result.length, p.length);
  result.forEach((value, i) => assertCloseP(value, adjusted[i], `p[${i}] = ${p[i]}`));
});

test('the missing value is not counted: one p-value more or less would be caught', () => {
  const { p, adjusted } = golden.benjaminiHochberg;
  // Counting the missing value as a p-value (m one larger) changes every adjusted value below 1.
  const counted = benjaminiHochberg(p.map((value) => value ?? 1));
  assert.ok(
    counted.some(
      (value, i) => adjusted[i] !== null && adjusted[i] < 1 && !isCloseRelative(value as number, adjusted[i] as number),
    ),
  );
  // NaN is handled like null.
  assert.ok(Number.isNaN(benjaminiHochberg([0.01, Number.NaN, 0.02])[1]));
  assert.deepEqual(
    benjaminiHochberg([0.01, Number.NaN, 0.02]).filter((v) => !Number.isNaN(v)),
    [0.02, 0.02],
  );
});

test('results are capped at 1, keep the input order, and an empty list stays empty', () => {
  assert.deepEqual(benjaminiHochberg([0.9, 0.8, 0.95]), [0.95, 0.95, 0.95]);
  assert.deepEqual(benjaminiHochberg([0.6, 0.1]), [0.6, 0.2]);
  assert.deepEqual(benjaminiHochberg([]), []);
  assert.ok(benjaminiHochberg([1, 1, 0.99]).every((v) => v <= 1));
});

test('a p-value outside 0–1 is a programmer error', () => {
  assert.throws(
    () => benjaminiHochberg([0.2, 1.2]),
    new RangeError('p-values must lie between 0 and 1; pValues[1] is 1.2'),
  );
  assert.throws(() => benjaminiHochberg([-0.1]), RangeError);
});
