import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyOfSet, protectionRules, publishCount, roundByKey } from '../../src/mirror/disclosure.js';
import { buildPersonTable, type MirrorPerson } from '../../src/mirror/person-table.js';
import { computeMirror } from '../../src/mirror/funnel.js';
import { parsePublishedPeriod, SelectionError } from '../../src/mirror/selection.js';
import {
  riskRatio,
  testDifference,
  oddsRatio2x2,
  logisticRegression,
  buildDesignMatrix,
} from '../../src/mirror/stats/index.js';
import type { GroundDef } from '../../src/mirror/grounds.js';

const TWO_32 = 4294967296;

test('random rounding by cell key: multiples of 5, zero stays zero, unbiased over keys', () => {
  assert.equal(roundByKey(0, 123, 5), 0);
  assert.equal(roundByKey(40, 999, 5), 40);
  // 13 = 10 + 3: up to 15 when the key, as a fraction of 2^32, is below 3/5
  assert.equal(roundByKey(13, Math.floor(0.59 * TWO_32), 5), 15);
  assert.equal(roundByKey(13, Math.floor(0.61 * TWO_32), 5), 10);
  // over evenly spread keys the mean of the published values is the count (to the grid)
  for (const count of [1, 7, 13, 24, 101]) {
    let sum = 0;
    const steps = 1000;
    for (let k = 0; k < steps; k++) sum += roundByKey(count, Math.floor(((k + 0.5) / steps) * TWO_32), 5);
    assert.ok(Math.abs(sum / steps - count) < 0.01, `count ${count}: mean ${sum / steps}`);
  }
  assert.equal(roundByKey(13, 5, 1), 13, 'base 1 = no rounding');
});

test('a single count: under the threshold not published, else rounded by its key', () => {
  const rules = protectionRules(10);
  assert.equal(publishCount(9, 0, rules), null);
  assert.equal(publishCount(0, 0, rules), 0);
  assert.equal(publishCount(10, 0, rules), 10);
  assert.equal(publishCount(12, 0, rules), 15, 'key 0 draws u = 0 < 2/5: up');
  assert.equal(publishCount(12, TWO_32 - 1, rules), 10);
  assert.equal(keyOfSet([TWO_32 - 1, 2]), 1, 'keys add modulo 2^32');
});

/** Keys from a fixed generator (a test is deterministic). */
function keyed(n: number, seed: number): number[] {
  let x = seed >>> 0;
  return Array.from({ length: n }, () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x;
  });
}

const geslacht: GroundDef = { key: 'geslacht', label: 'Geslacht', groups: ['man', 'vrouw', 'anders'] };
const register: GroundDef = { key: 'doelgroepregister', label: 'Doelgroepregister', groups: ['ja', 'nee'] };

/** Team Noord by gender, as a user met it: about 470 men, 500 women, 3 "anders", 20 unknown. */
function teamNoord(): MirrorPerson[] {
  const keys = keyed(993, 7);
  const out: MirrorPerson[] = [];
  const add = (n: number, g: string | null) => {
    for (let i = 0; i < n; i++) {
      const k = out.length;
      out.push({
        key: keys[k],
        grounds: { geslacht: g, doelgroepregister: 'ja' },
        stages: { voorziening: k % 3 === 0 },
      });
    }
  };
  add(470, 'man');
  add(500, 'vrouw');
  add(3, 'anders');
  add(20, null);
  return out;
}

test('cheap secondary suppression: "anders" is hidden, "onbekend" with it, men and women stay', () => {
  const table = buildPersonTable(teamNoord(), [geslacht, register], ['voorziening']);
  const r = computeMirror(table, [['geslacht']], { protection: protectionRules(10) });
  const by = (g: string) => r.cells.find((c) => c.group === g)!;
  assert.equal(by('anders').suppressed, 'klein-aantal');
  assert.equal(by('onbekend').suppressed, 'secundair');
  assert.equal(by('man').suppressed, null);
  assert.equal(by('vrouw').suppressed, null);
  assert.ok(Math.abs(by('man').nPopulation! - 470) <= 4 && by('man').nPopulation! % 5 === 0);
  // the exact engine (no protection) keeps its full secondary rule: a large group hides with it
  const exact = computeMirror(table, [['geslacht']], { threshold: 10 });
  assert.equal(exact.cells.find((c) => c.group === 'onbekend')!.suppressed, 'secundair');
});

test('no cheap cell in the line: nothing large is hidden, the rounding protects the line', () => {
  const people = teamNoord().filter((p) => p.grounds.geslacht !== null);
  const table = buildPersonTable(people, [geslacht, register], ['voorziening']);
  const r = computeMirror(table, [['geslacht']], { protection: protectionRules(10) });
  assert.deepEqual(
    r.cells.map((c) => [c.group, c.suppressed]),
    [
      ['man', null],
      ['vrouw', null],
      ['anders', 'klein-aantal'],
      ['onbekend', null],
    ],
  );
  // total − men − women is a multiple of 5, never the 3 people of "anders" themselves
  const derived = r.population - r.cells[0].nPopulation! - r.cells[1].nPopulation!;
  assert.equal(derived % 5, 0);
});

test('the same set of people gets the same number in every table', () => {
  const table = buildPersonTable(teamNoord(), [geslacht, register], ['voorziening']);
  const r = computeMirror(table, [['geslacht'], ['geslacht', 'doelgroepregister'], ['doelgroepregister']], {
    protection: protectionRules(10),
  });
  const vrouw = r.cells.find((c) => c.ground === 'geslacht' && c.group === 'vrouw')!;
  const vrouwJa = r.cells.find((c) => c.ground === 'geslacht × doelgroepregister' && c.group === 'vrouw × ja')!;
  assert.equal(vrouwJa.nPopulation, vrouw.nPopulation, 'everyone is in the register: the same women');
  assert.equal(vrouwJa.nStage, vrouw.nStage);
  const ja = r.cells.find((c) => c.ground === 'doelgroepregister' && c.group === 'ja')!;
  assert.equal(ja.nPopulation, r.population, 'everyone: the same as the total');
});

test('every derived figure comes from published counts only', () => {
  const table = buildPersonTable(teamNoord(), [geslacht, register], ['voorziening']);
  const r = computeMirror(table, [['geslacht']], { protection: protectionRules(10) });
  const man = r.cells.find((c) => c.group === 'man')!;
  // everyone with a known gender (973 people) is published as a count of its own, in fives
  const known = (100 * man.nPopulation!) / man.sharePopulation!;
  const knownStage = (100 * man.nStage!) / man.shareStage!;
  assert.ok(
    Math.abs(known - Math.round(known)) < 1e-9 && Math.round(known) % 5 === 0 && Math.abs(known - 973) <= 4,
    `known ${known}`,
  );
  assert.ok(
    Math.abs(knownStage - Math.round(knownStage)) < 1e-9 && Math.round(knownStage) % 5 === 0,
    `known, stage ${knownStage}`,
  );
  // "everyone else" is that count minus the men's published count
  const n2 = Math.round(known) - man.nPopulation!,
    x2 = Math.round(knownStage) - man.nStage!;
  const rr = riskRatio(man.nStage!, man.nPopulation!, x2, n2);
  assert.ok(Math.abs(man.ratio! - rr.ratio!) < 1e-12 && Math.abs(man.ratioUpper! - rr.upper!) < 1e-12);
  // the test is taken at counts moved half a rounding step (2) towards no difference, the size
  // of a typical rounding error, so the rounding does not make a difference look clearer
  const share = (man.nStage! + x2) / (man.nPopulation! + n2);
  const toward = (v: number, target: number) => Math.round(Math.min(v + 2, Math.max(v - 2, target)));
  assert.equal(
    man.p,
    testDifference(toward(man.nStage!, man.nPopulation! * share), man.nPopulation!, toward(x2, n2 * share), n2).p,
  );
  assert.ok(man.p! >= testDifference(man.nStage!, man.nPopulation!, x2, n2).p);
  assert.equal(man.rate, (100 * man.nStage!) / man.nPopulation!);
  // subtracting the published groups from it gives a multiple of 5, never the 3 hidden people
  const vrouw = r.cells.find((c) => c.group === 'vrouw')!;
  assert.equal((Math.round(known) - man.nPopulation! - vrouw.nPopulation!) % 5, 0);
});

test('published periods: whole years, quarters and months only', () => {
  assert.deepEqual(parsePublishedPeriod('2025'), { from: '2025-01-01', to: '2025-12-31', label: '2025' });
  assert.deepEqual(parsePublishedPeriod('2024-K1'), {
    from: '2024-01-01',
    to: '2024-03-31',
    label: '1e kwartaal 2024',
  });
  assert.deepEqual(parsePublishedPeriod('2024-Q4'), {
    from: '2024-10-01',
    to: '2024-12-31',
    label: '4e kwartaal 2024',
  });
  assert.deepEqual(parsePublishedPeriod('2024-02'), { from: '2024-02-01', to: '2024-02-29', label: 'februari 2024' });
  for (const bad of ['2025-01-01..2025-06-30', '2025-13', '2025-K5', '2025-01-15']) {
    assert.throws(
      () => parsePublishedPeriod(bad),
      (e: unknown) => e instanceof SelectionError && e.field === 'period' && /heel jaar/.test(e.reason),
      bad,
    );
  }
});

test('odds ratio from two counts equals the logistic regression on the group alone', () => {
  // 30 of 80 in group B against 45 of 90 in group A (the reference); by hand OR = (30/50)/(45/45) = 0.6
  const records: Record<string, string>[] = [];
  const y: number[] = [];
  const add = (group: string, n: number, x: number) => {
    for (let i = 0; i < n; i++) {
      records.push({ g: group });
      y.push(i < x ? 1 : 0);
    }
  };
  add('A', 90, 45);
  add('B', 80, 30);
  const fit = logisticRegression(buildDesignMatrix(records, [{ name: 'g', reference: 'A', levels: ['A', 'B'] }]), y);
  assert.equal(fit.status, 'ok');
  const coef = fit.status === 'ok' ? fit.coefficients.find((c) => c.name === 'g: B')! : null;
  const or = oddsRatio2x2(30, 80, 45, 90)!;
  assert.ok(Math.abs(or.oddsRatio - 0.6) < 1e-12);
  // IRLS stops at a relative change of 1e-8, so agreement is to about that precision
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  assert.ok(close(or.oddsRatio, coef!.oddsRatio), `${or.oddsRatio} vs ${coef!.oddsRatio}`);
  assert.ok(close(or.lower, coef!.lower) && close(or.upper, coef!.upper), JSON.stringify([or, coef]));
  assert.ok(close(or.p, coef!.p), `${or.p} vs ${coef!.p}`);
  assert.equal(oddsRatio2x2(0, 10, 5, 10), null);
});
