import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemodam, generateDemodamChunks } from '../../src/demo/generate.js';
import { createRandom } from '../../src/demo/random.js';
import { CLIENT_TABLES } from '../../src/demo/rows.js';
import { serialiseDemodam, serialiseTables } from '../../src/demo/serialise.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

test('the same seed gives byte-identical data', () => {
  const a = sha256(serialiseDemodam(generateDemodam({ clients: 1500 })));
  const b = sha256(serialiseDemodam(generateDemodam({ clients: 1500 })));
  assert.equal(a, b);
});

test('a different seed gives different data', () => {
  const a = sha256(serialiseDemodam(generateDemodam({ clients: 1500 })));
  const b = sha256(serialiseDemodam(generateDemodam({ clients: 1500, seed: 'andere-seed' })));
  assert.notEqual(a, b);
});

test('chunking does not change the data', () => {
  const whole = generateDemodam({ clients: 1200, chunkSize: 5000 });
  const chunks = [...generateDemodamChunks({ clients: 1200, chunkSize: 250 })];
  assert.equal(chunks.length, 5);
  const joined = Object.fromEntries(CLIENT_TABLES.map((t) => [t, chunks.flatMap((c) => c[t] as unknown[])]));
  const wholeClients = Object.fromEntries(CLIENT_TABLES.map((t) => [t, whole[t]]));
  assert.equal(sha256(serialiseTables(joined)), sha256(serialiseTables(wholeClients)));
});

test('the seeded generator repeats itself and spreads evenly', () => {
  const a = createRandom('x', 1),
    b = createRandom('x', 1),
    c = createRandom('x', 2);
  const seqA = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(
    seqA,
    Array.from({ length: 5 }, () => b.next()),
  );
  assert.notDeepEqual(
    seqA,
    Array.from({ length: 5 }, () => c.next()),
  );
  const r = createRandom('spread');
  const buckets = new Array<number>(10).fill(0);
  for (let i = 0; i < 100_000; i++) buckets[Math.floor(r.next() * 10)]++;
  for (const n of buckets) assert.ok(Math.abs(n - 10_000) < 400, `bucket ${n}`);
  const d = r.dateBetween('2024-02-28', '2024-03-01');
  assert.ok(['2024-02-28', '2024-02-29', '2024-03-01'].includes(d));
  assert.ok(
    [1, 2, 3].includes(
      r.weighted([
        [1, 1],
        [2, 1],
        [3, 1],
      ] as const),
    ),
  );
});

test('no Math.random in the demo generator', () => {
  const dir = join(import.meta.dirname, '../../src/demo');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    assert.ok(!readFileSync(join(dir, file), 'utf8').includes('Math.random'), file);
  }
});
