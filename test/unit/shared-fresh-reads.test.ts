import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedFreshReads } from '../../src/store/data-version-db.js';

/** A read whose answers the test releases by hand; notes when each read started. */
function manualReads() {
  const started: number[] = [];
  const pending: ((n: number) => void)[] = [];
  let clock = 0;
  return {
    started,
    tick: () => ++clock,
    read: () =>
      new Promise<number>((resolve) => {
        started.push(clock);
        pending.push(resolve);
      }),
    finish: (value: number) => pending.shift()!(value),
  };
}

const flush = () => new Promise((r) => setImmediate(r));

test('callers during a read wait for the next read, which starts after they asked; one read serves them all', async () => {
  const m = manualReads();
  const version = sharedFreshReads(m.read);
  const first = version(); // read 1 starts at time 0
  m.tick();
  const late = [version(), version(), version()]; // asked at time 1, while read 1 runs
  await flush();
  assert.equal(m.started.length, 1, 'no second read while the first runs');
  m.finish(7); // read 1 answers 7: a value from before the late callers asked
  assert.equal(await first, 7);
  await flush();
  assert.deepEqual(m.started, [0, 1], 'one more read, started after the late callers asked');
  m.finish(8);
  assert.deepEqual(await Promise.all(late), [8, 8, 8]);
});

test('without concurrent callers every call reads anew', async () => {
  const m = manualReads();
  const version = sharedFreshReads(m.read);
  for (const value of [1, 2, 3]) {
    const p = version();
    await flush();
    m.finish(value);
    assert.equal(await p, value);
  }
  assert.equal(m.started.length, 3);
});

test('a failed read fails its own callers only; the callers after it get the next read', async () => {
  let n = 0;
  const version = sharedFreshReads(async () => {
    n++;
    await new Promise((r) => setTimeout(r, 5));
    if (n === 1) throw new Error('connection lost');
    return n;
  });
  const first = version();
  const next = version();
  await assert.rejects(first, /connection lost/);
  assert.equal(await next, 2);
});
