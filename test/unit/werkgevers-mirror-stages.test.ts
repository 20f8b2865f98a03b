import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeEmployerChain, mergeByPerson, observableKey } from '../../src/mirror/employer-stages.js';
import { protectionRules } from '../../src/mirror/disclosure.js';
import type { GroundDef } from '../../src/mirror/grounds.js';

const ground: GroundDef = { key: 'g', label: 'G', groups: ['a', 'b'], reference: 'a' };

/** n people of group `group`: `invited` of them invited, `hired` of those hired. */
function people(start: number, n: number, group: string, invited: number, hired: number) {
  return Array.from({ length: n }, (_, i) => ({
    clientId: start + i,
    key: (start + i) * 2654435761,
    grounds: { g: group },
    stages: { voorgesteld: true, uitgenodigd: i < invited, aangenomen: i < hired },
  }));
}

test('each step is taken over those who reached the step before; exact counts (base 1) match the hand count', () => {
  // Group a: 100 proposed, 60 invited, 36 hired (60%). Group b: 100 proposed, 60 invited, 12 hired (20%).
  const rows = [...people(1, 100, 'a', 60, 36), ...people(1001, 100, 'b', 60, 12)];
  const chain = computeEmployerChain(mergeByPerson(rows), [ground], protectionRules(10, 1));
  assert.equal(chain.published, true);
  assert.equal(chain.proposed, 200);
  const hire = chain.steps.find((s) => s.step.to === 'aangenomen')!.result!;
  assert.equal(hire.population, 120);
  const b = hire.cells.find((c) => c.group === 'b')!;
  assert.equal(b.nPopulation, 60);
  assert.equal(b.nStage, 12);
  assert.equal(b.rate, 20);
  // ratio against everyone else: (12/60) / (36/60) = 1/3
  assert.ok(Math.abs(b.ratio! - 1 / 3) < 1e-12);
  assert.ok(chain.dropOuts.some((d) => d.group === 'b' && d.step === 'Uitgenodigd → aangenomen'));
  const invite = chain.steps.find((s) => s.step.to === 'uitgenodigd')!.result!;
  assert.ok(!invite.cells.some((c) => c.clear), 'equal invitation rates show no difference');
});

test('with protection, every published count is a multiple of 5 and small cells are hidden', () => {
  const rows = [...people(1, 150, 'a', 90, 50), ...people(1001, 12, 'b', 8, 2)];
  const chain = computeEmployerChain(mergeByPerson(rows), [ground], protectionRules(10));
  for (const { result } of chain.steps)
    for (const c of result?.cells ?? []) {
      if (c.nPopulation !== null) assert.equal(c.nPopulation % 5, 0);
      if (c.nStage !== null) assert.equal(c.nStage % 5, 0);
    }
  const hire = chain.steps.find((s) => s.step.to === 'aangenomen')!.result!;
  const b = hire.cells.find((c) => c.group === 'b')!;
  assert.equal(b.suppressed, 'klein-aantal');
  assert.equal(b.rate, null);
});

test('a scope with fewer than 100 people proposed (10 × threshold) publishes nothing', () => {
  const chain = computeEmployerChain(mergeByPerson(people(1, 99, 'a', 50, 20)), [ground], protectionRules(10));
  assert.deepEqual(chain, { published: false, proposed: null, steps: [], dropOuts: [] });
});

test('only the first proposal of a person counts, and a stage not yet observable leaves the person out of that step', () => {
  const merged = mergeByPerson([
    { clientId: 1, key: 1, grounds: { g: 'a' }, stages: { voorgesteld: true, uitgenodigd: false } },
    { clientId: 1, key: 1, grounds: { g: 'a' }, stages: { voorgesteld: true, uitgenodigd: true } },
  ]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0].stages.uitgenodigd, false);
  const hiredRecently = Array.from({ length: 120 }, (_, i) => ({
    clientId: i + 1,
    key: i * 7919,
    grounds: { g: i % 2 ? 'a' : 'b' },
    stages: {
      voorgesteld: true,
      uitgenodigd: true,
      aangenomen: true,
      werkzaam_1m: i < 100,
      [observableKey('werkzaam_1m')]: i < 100,
    },
  }));
  const chain = computeEmployerChain(mergeByPerson(hiredRecently), [ground], protectionRules(10, 1));
  assert.equal(chain.steps.find((s) => s.step.to === 'werkzaam_1m')!.result!.population, 100);
});
