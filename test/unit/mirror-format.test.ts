import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nl, pctNl } from '../../src/mirror/format.js';

test('Dutch numbers: groups of three joined by a dot, a decimal comma, a leading minus', () => {
  const cases: [number, number, string][] = [
    [0, 0, '0'],
    [7, 0, '7'],
    [999, 0, '999'],
    [1000, 0, '1.000'],
    [500000, 0, '500.000'],
    [-1234567, 0, '-1.234.567'],
    [9007199254740991, 0, '9.007.199.254.740.991'],
    [-0, 0, '-0'],
    [2.5, 0, '3'],
    [1234.5, 1, '1.234,5'],
    [-0.25, 2, '-0,25'],
  ];
  for (const [value, decimals, text] of cases) assert.equal(nl(value, decimals), text, `nl(${value}, ${decimals})`);
  assert.equal(pctNl(12.345, 1), '12,3%');
});

test('whole numbers come out exactly as the number formatter writes them', () => {
  const formatter = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
  let x = 1;
  for (let i = 0; i < 20000; i++) {
    x = (x * 48271) % 2147483647;
    const value = (x % 2 ? -1 : 1) * Math.floor(x / 10 ** (x % 10));
    assert.equal(nl(value), formatter.format(value));
  }
});
