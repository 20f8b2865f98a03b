import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PriorityGate } from '../../src/store/pglite-priority.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A background read that notes when it starts and ends, and takes `ms`. */
function read(log: string[], name: string, ms = 5, fail = false): () => Promise<string> {
  return async () => {
    log.push(`start ${name}`);
    await tick(ms);
    log.push(`end ${name}`);
    if (fail) throw new Error(`${name} failed`);
    return name;
  };
}

test('a background read waits while interactive work is in flight, and starts once it is done', async () => {
  const gate = new PriorityGate({ graceMs: 1, maxWaitMs: 10_000 });
  const log: string[] = [];
  const release = gate.hold();
  const done = gate.background(read(log, 'mirror'));
  await tick(30);
  assert.equal(log.length, 0, 'nothing started while the consultant’s query runs');
  log.push('interactive done');
  release();
  assert.equal(await done, 'mirror');
  assert.deepEqual(log, ['interactive done', 'start mirror', 'end mirror']);
});

test('background reads run one at a time, in order of arrival', async () => {
  const gate = new PriorityGate({ graceMs: 0, maxWaitMs: 10_000 });
  const log: string[] = [];
  await Promise.all(['a', 'b', 'c'].map((n) => gate.background(read(log, n))));
  assert.deepEqual(log, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
});

test('interactive work that arrives while a background read runs goes before the next background read', async () => {
  const gate = new PriorityGate({ graceMs: 5, maxWaitMs: 10_000 });
  const log: string[] = [];
  const first = gate.background(read(log, 'piece 1', 20));
  const second = gate.background(read(log, 'piece 2'));
  await tick(5);
  const release = gate.hold(); // a consultant's query arrives during piece 1
  await first;
  await tick(15);
  assert.deepEqual(log, ['start piece 1', 'end piece 1'], 'piece 2 waits for the consultant');
  release();
  await second;
  assert.deepEqual(log.slice(2), ['start piece 2', 'end piece 2']);
});

test('a background read that has waited maxWaitMs runs even while interactive work goes on', async () => {
  const gate = new PriorityGate({ graceMs: 1, maxWaitMs: 20 });
  const log: string[] = [];
  const release = gate.hold(); // never released during the test: a steady stream of requests
  assert.equal(await gate.background(read(log, 'mirror')), 'mirror');
  assert.deepEqual(log, ['start mirror', 'end mirror']);
  release();
});

test('a failing background read fails only its caller; the next one still runs', async () => {
  const gate = new PriorityGate({ graceMs: 0, maxWaitMs: 10_000 });
  const log: string[] = [];
  const failing = gate.background(read(log, 'broken', 1, true));
  const next = gate.background(read(log, 'next'));
  await assert.rejects(failing, /broken failed/);
  assert.equal(await next, 'next');
  assert.equal(gate.queued, 0);
});
