import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readStages } from '../../src/mirror/stage-facts.js';
import { CORE_STAGES, STAGE_RULES } from '../../src/mirror/stages.js';
import { fullEvents, STAGE_CASES } from '../helpers/stage-cases.js';

test('every funnel stage has a rule and every rule a funnel stage, in the same order', () => {
  assert.deepEqual(
    Object.keys(STAGE_RULES),
    CORE_STAGES.map((s) => s.key),
  );
});

for (const c of STAGE_CASES) {
  test(`in memory: ${c.name}`, () => {
    const reading = readStages(fullEvents(c.events), c.period, c.today);
    if (c.expected === null) return assert.equal(reading, null);
    assert.ok(reading);
    const reached = Object.keys(reading.stages).filter((k) => reading.stages[k]);
    assert.deepEqual(reached.sort(), [...c.expected].sort());
  });
}
