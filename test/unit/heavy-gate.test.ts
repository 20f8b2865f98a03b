import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHeavyGate } from '../../src/server/workers/gate.js';

/** A job that runs until its release function is called; records when it started. */
function controlled(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    job: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    release: () => release(),
  };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

test("one user's eight jobs run one at a time; another user's job starts at once", async () => {
  const gate = createHeavyGate({ perUser: 1, total: 2 });
  const log: string[] = [];
  const a = Array.from({ length: 8 }, (_, i) => controlled(log, `a${i}`));
  const aDone = a.map((c) => gate.run('officer', c.job));
  await tick();
  await tick();
  assert.deepEqual(log, ['start a0']);
  assert.deepEqual(gate.stats(), { running: 1, waiting: 7 });

  const b = controlled(log, 'b');
  const bDone = gate.run('consultant', b.job);
  await tick();
  await tick();
  assert.deepEqual(log, ['start a0', 'start b'], 'the other user does not wait behind the queue of the first');
  b.release();
  assert.equal(await bDone, 'b');

  for (let i = 0; i < 8; i++) {
    await tick();
    await tick();
    assert.equal(log.filter((l) => l.startsWith('start a')).length, i + 1, `job a${i} runs alone`);
    a[i].release();
    assert.equal(await aDone[i], `a${i}`);
  }
  assert.deepEqual(gate.stats(), { running: 0, waiting: 0 });
});

test('the total limit holds across users, and a failing job frees its place', async () => {
  const gate = createHeavyGate({ perUser: 2, total: 2 });
  const log: string[] = [];
  const x = controlled(log, 'x');
  const xDone = gate.run(1, x.job);
  const failing = gate.run(2, async () => {
    throw new Error('boom');
  });
  const y = controlled(log, 'y');
  const yDone = gate.run(3, y.job);
  await assert.rejects(failing, /boom/);
  await tick();
  await tick();
  assert.deepEqual(log, ['start x', 'start y']);
  assert.equal(gate.stats().running, 2);
  x.release();
  y.release();
  await Promise.all([xDone, yDone]);
  assert.deepEqual(gate.stats(), { running: 0, waiting: 0 });
});
