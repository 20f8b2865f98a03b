import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import test from 'node:test';
import { pseudonymFor, recordKeyFor } from '../../src/domain/pseudonym.js';

// Expected values computed here with node:crypto directly, as documented in pseudonym.ts.
const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest();

test('pseudonym and record key are the HMACs of the client id, also when asked again', () => {
  for (let round = 0; round < 2; round++) {
    assert.equal(pseudonymFor(42, 's1'), hmac('s1', 'client:42').toString('hex'));
    assert.equal(recordKeyFor(42, 's1'), hmac('s1', 'celsleutel:42').readUInt32BE(0));
  }
});

test('a remembered value is never given for another secret or another client', () => {
  const a = pseudonymFor(7, 'geheim-a');
  const b = pseudonymFor(7, 'geheim-b');
  assert.notEqual(a, b);
  assert.equal(b, hmac('geheim-b', 'client:7').toString('hex'));
  assert.equal(pseudonymFor(8, 'geheim-a'), hmac('geheim-a', 'client:8').toString('hex'));
  assert.equal(recordKeyFor(7, 'geheim-b'), hmac('geheim-b', 'celsleutel:7').readUInt32BE(0));
});

test('past the bound the memory starts again and values stay right', () => {
  for (let id = 1; id <= 250_001; id += 1) recordKeyFor(id, 'grens');
  assert.equal(recordKeyFor(3, 'grens'), hmac('grens', 'celsleutel:3').readUInt32BE(0));
  assert.equal(recordKeyFor(250_001, 'grens'), hmac('grens', 'celsleutel:250001').readUInt32BE(0));
});
