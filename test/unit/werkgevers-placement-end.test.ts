import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeEmployerChain,
  mergeByPerson,
  observableKey,
  proposalStages,
} from '../../src/mirror/employer-stages.js';
import { protectionRules } from '../../src/mirror/disclosure.js';
import type { GroundDef } from '../../src/mirror/grounds.js';
import type { ProposalFacts } from '../../src/domain/placement.js';

const placement = (
  hiredOn: string,
  followUps: [number, boolean][],
  stoppedOn: string | null = null,
): ProposalFacts => ({
  invitedOn: '2025-01-01',
  hiredOn,
  stoppedOn,
  followUps: followUps.map(([months, stillWorking]) => ({ months, stillWorking })),
});

const seen = (m: number) => observableKey(`werkzaam_${m}m`);

test('a placement that ended counts as not working from its end on, and the end makes the later stages observable at once', () => {
  // Hired 10 Jan 2026: the 1-month mark is 10 Feb, the 6-month mark 10 Jul, the 12-month mark 10 Jan 2027.
  // Worked at 1 month, ended 15 Mar; mirror period ends 31 May (before the 6-month mark).
  const ended = proposalStages(placement('2026-01-10', [[1, true]], '2026-03-15'), '2026-05-31');
  assert.equal(ended.werkzaam_1m, true);
  assert.equal(ended.werkzaam_6m, false);
  assert.equal(ended[seen(1)], true);
  assert.equal(ended[seen(6)], true, 'the end (15 Mar) lies before 31 May: "not working at 6 months" is known');
  assert.equal(ended[seen(12)], true);
  // The same placement without an end: the 6-month stage cannot be seen yet.
  const running = proposalStages(placement('2026-01-10', [[1, true]]), '2026-05-31');
  assert.equal(running[seen(6)], false);
  // A 6-month follow-up recorded "still working" after an end on 15 Mar does not make it "working after 6 months".
  const wrong = proposalStages(
    placement(
      '2026-01-10',
      [
        [1, true],
        [6, true],
      ],
      '2026-03-15',
    ),
    '2026-12-31',
  );
  assert.equal(wrong.werkzaam_6m, false);
  // Ending on the 6-month mark itself (10 Jul) is six full months of work.
  const full = proposalStages(
    placement(
      '2026-01-10',
      [
        [1, true],
        [6, true],
      ],
      '2026-07-10',
    ),
    '2026-12-31',
  );
  assert.equal(full.werkzaam_6m, true);
  assert.equal(full.werkzaam_12m, false);
  // Not working at the 1-month follow-up, ended 5 Feb; period ends 6 Feb, before the 1-month mark.
  const early = proposalStages(placement('2026-01-10', [[1, false]], '2026-02-05'), '2026-02-06');
  assert.equal(early.aangenomen, true);
  assert.equal(early.werkzaam_1m, false);
  assert.equal(early[seen(1)], true);
});

test('step "works after 1 month → works after 6 months" by hand: ended placements count as drop-outs, running ones not yet', () => {
  const ground: GroundDef = { key: 'g', label: 'G', groups: ['a', 'b'], reference: 'a' };
  const to = '2026-06-30';
  const both: [number, boolean][] = [
    [1, true],
    [6, true],
  ];
  const rows: { clientId: number; key: number; grounds: { g: string }; stages: Record<string, boolean> }[] = [];
  const add = (n: number, group: string, facts: ProposalFacts) => {
    for (let i = 0; i < n; i++) {
      const clientId = rows.length + 1;
      rows.push({ clientId, key: clientId * 7919, grounds: { g: group }, stages: proposalStages(facts, to) });
    }
  };
  // Group a: 30 still working at 6 months; 30 ended on 15 Jan 2026 (3½ months after starting).
  add(30, 'a', placement('2025-10-01', both));
  add(30, 'a', placement('2025-10-01', [[1, true]], '2026-01-15'));
  // Group b: 20 still working at 6 months; 20 started 1 Mar 2026 and ended 1 May; 20 started 1 Mar and still work
  // (their 6-month mark, 1 Sep, lies after 30 Jun: not observable, so left out of the step).
  add(20, 'b', placement('2025-10-01', both));
  add(20, 'b', placement('2026-03-01', [[1, true]], '2026-05-01'));
  add(20, 'b', placement('2026-03-01', [[1, true]]));
  const chain = computeEmployerChain(mergeByPerson(rows), [ground], protectionRules(10, 1));
  const step = chain.steps.find((s) => s.step.to === 'werkzaam_6m')!.result!;
  // Population: a 60 (all observable), b 20 + 20 = 40 → 100. Reached: a 30 of 60 = 50%, b 20 of 40 = 50%.
  assert.equal(step.population, 100);
  const b = step.cells.find((c) => c.group === 'b')!;
  assert.equal(b.nPopulation, 40);
  assert.equal(b.nStage, 20);
  assert.equal(b.rate, 50);
  const a = step.cells.find((c) => c.group === 'a')!;
  assert.equal(a.nPopulation, 60);
  assert.equal(a.nStage, 30);
  // Step "hired → works after 1 month": everyone worked at 1 month; b's 20 recent ones are observable (1 Apr ≤ 30 Jun).
  const first = chain.steps.find((s) => s.step.to === 'werkzaam_1m')!.result!;
  assert.equal(first.population, 120);
});
