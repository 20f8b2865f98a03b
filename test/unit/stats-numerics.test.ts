import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chiSquare1UpperTail,
  logFactorial,
  normalQuantile,
  normalUpperTail,
  twoSidedNormalP,
} from '../../src/mirror/stats/index.js';
import { cholesky, choleskyInverse, choleskySolve } from '../../src/mirror/stats/linear-algebra.js';
import { assertClose, assertCloseP, golden } from '../fixtures/stats/golden.js';

test('normal tail areas equal R pnorm(lower.tail = FALSE), relative to 1e-6 out to 1e-300', () => {
  golden.normal.z.forEach((z, i) => assertCloseP(normalUpperTail(z), golden.normal.upperTail[i], `z = ${z}`));
  assertCloseP(normalUpperTail(-1), 1 - golden.normal.upperTail[2], 'z = -1');
  assertCloseP(twoSidedNormalP(-5), 2 * golden.normal.upperTail[5], 'two-sided z = -5');
});

test('chi-square (1 df) tail areas equal R pchisq(lower.tail = FALSE)', () => {
  golden.normal.chiSquareX.forEach((x, i) =>
    assertCloseP(chiSquare1UpperTail(x), golden.normal.chiSquareUpperTail[i], `x = ${x}`),
  );
  assert.equal(chiSquare1UpperTail(0), 1);
});

test('normal quantiles equal R qnorm', () => {
  golden.normal.p.forEach((p, i) => assertClose(normalQuantile(p), golden.normal.quantile[i], `p = ${p}`));
  assertClose(normalQuantile(0.975), golden.z975, 'z for 95%');
});

test('log-factorials equal R lfactorial, across the switch to Stirling at 20', () => {
  golden.normal.logFactorialN.forEach((n, i) =>
    assertClose(logFactorial(n), golden.normal.logFactorial[i], `n = ${n}`),
  );
  // By hand: ln 5! = ln 120 = 4.787492; ln 20! − ln 19! = ln 20
  assert.ok(Math.abs(logFactorial(5) - Math.log(120)) < 1e-14);
  assert.ok(Math.abs(logFactorial(20) - logFactorial(19) - Math.log(20)) < 1e-12);
});

test('Cholesky solves and inverts a 3 × 3 system, worked by hand', () => {
  // A = [4 2 2; 2 5 3; 2 3 6] = L·Lᵀ with L = [2 0 0; 1 2 0; 1 1 2]
  const a = Float64Array.from([4, 2, 2, 2, 5, 3, 2, 3, 6]);
  const result = cholesky(a, 3);
  assert.ok(result.ok);
  assert.deepEqual([...result.factor], [2, 0, 0, 1, 2, 0, 1, 1, 2]);
  // A·[1, 2, 3] = [4+4+6, 2+10+9, 2+6+18] = [14, 21, 26]
  const x = choleskySolve(result.factor, 3, Float64Array.from([14, 21, 26]));
  [1, 2, 3].forEach((v, i) => assert.ok(Math.abs(x[i] - v) < 1e-12));
  // A·A⁻¹ = I
  const inverse = choleskyInverse(result.factor, 3);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += a[i * 3 + k] * inverse[k * 3 + j];
      assert.ok(Math.abs(sum - (i === j ? 1 : 0)) < 1e-12);
    }
  }
});

test('Cholesky reports the first column that depends on the columns before it, or is all zeros', () => {
  // X = [1 0 1; 1 1 0; 1 0 1; 1 1 0]: column 2 = column 0 − column 1 → X'X singular at column 2
  const xtx = Float64Array.from([4, 2, 2, 2, 2, 0, 2, 0, 2]);
  assert.deepEqual(cholesky(xtx, 3), { ok: false, column: 2 });
  assert.deepEqual(cholesky(Float64Array.from([1, 0, 0, 0]), 2), { ok: false, column: 1 });
});
