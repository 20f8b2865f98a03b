import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  averageRanks,
  mcnemarPaired,
  mcnemarTest,
  wilcoxonRankSum,
  wilcoxonSignedRank,
} from '../../src/mirror/stats/index.js';

// Expected values from R (scripts/r/paired-golden.R → test/fixtures/paired/expected.json).
interface McCase {
  id: string;
  a: number;
  b: number;
  c: number;
  d: number;
  statistic: number | null;
  p: number | null;
}
interface WCase {
  id: string;
  x: number[];
  y: number[];
  statistic: number;
  p: number;
  exact: boolean;
}
const golden = JSON.parse(readFileSync(new URL('../fixtures/paired/expected.json', import.meta.url), 'utf8')) as {
  mcnemar: McCase[];
  signedRank: WCase[];
  rankSum: WCase[];
};

const TOLERANCE = 1e-6;
function close(actual: number, expected: number | null, label: string): void {
  if (expected === null) {
    assert.ok(Number.isNaN(actual), `${label}: expected NaN (R: NA/NaN), got ${actual}`);
    return;
  }
  assert.ok(Math.abs(actual - expected) <= TOLERANCE, `${label}: ${actual} differs from R's ${expected}`);
}

test('McNemar with continuity correction equals R mcnemar.test, incl. b = c and no discordant pairs', () => {
  assert.equal(golden.mcnemar.length, 7);
  for (const k of golden.mcnemar) {
    const r = mcnemarTest(k.b, k.c);
    close(r.statistic, k.statistic, `${k.id} statistic`);
    close(r.p, k.p, `${k.id} p`);
  }
});

test('McNemar from paired booleans counts only the discordant pairs', () => {
  const before = [true, true, true, false, false, false, false];
  const after = [true, false, false, true, true, true, false];
  const r = mcnemarPaired(before, after);
  assert.deepEqual([r.b, r.c], [2, 3]);
  assert.equal(r.statistic, 0); // |2 − 3| − 1 = 0
});

test('Wilcoxon signed-rank equals R wilcox.test(paired = TRUE): exact, and normal with ties and zeroes', () => {
  assert.ok(golden.signedRank.some((k) => k.exact) && golden.signedRank.some((k) => !k.exact));
  for (const k of golden.signedRank) {
    const r = wilcoxonSignedRank(k.x, k.y);
    close(r.statistic, k.statistic, `${k.id} V`);
    close(r.p, k.p, `${k.id} p`);
    assert.equal(r.method === 'exact', k.exact, `${k.id} method`);
  }
});

test('Wilcoxon rank-sum equals R wilcox.test(x, y): exact, and normal with ties', () => {
  assert.ok(golden.rankSum.some((k) => k.exact) && golden.rankSum.some((k) => !k.exact));
  for (const k of golden.rankSum) {
    const r = wilcoxonRankSum(k.x, k.y);
    close(r.statistic, k.statistic, `${k.id} W`);
    close(r.p, k.p, `${k.id} p`);
    assert.equal(r.method === 'exact', k.exact, `${k.id} method`);
  }
});

test('average ranks as R rank()', () => {
  assert.deepEqual(averageRanks([3, 1, 3, 2, 3]), [4, 1, 4, 2, 4]);
});

test('no non-zero difference: no p-value', () => {
  assert.ok(Number.isNaN(wilcoxonSignedRank([5, 5], [5, 5]).p));
});
