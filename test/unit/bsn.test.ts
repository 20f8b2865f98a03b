import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidBsn, normaliseBsn } from '../../src/domain/bsn.js';

test('11-proef accepts valid BSNs (worked by hand)', () => {
  // 111222333: 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 − 3 = 9+8+7+12+10+8+9+6−3 = 66 = 6·11
  assert.equal(isValidBsn('111222333'), true);
  // 123456782: 9+16+21+24+25+24+21+16 − 2 = 154 = 14·11
  assert.equal(isValidBsn('123456782'), true);
});

test('11-proef rejects a wrong BSN', () => {
  // 123456789: 156 − 9 = 147, 147 mod 11 = 4
  assert.equal(isValidBsn('123456789'), false);
  // one digit changed from a valid number
  assert.equal(isValidBsn('111222334'), false);
  assert.equal(isValidBsn('000000000'), false);
  assert.equal(isValidBsn('12345678'), false);
  assert.equal(isValidBsn('1234567820'), false);
  assert.equal(isValidBsn('12345678a'), false);
});

test('an 8-digit BSN from an old extract gets its leading zero back', () => {
  assert.equal(normaliseBsn(' 12345672 '), '012345672');
  assert.equal(normaliseBsn('111222333'), '111222333');
});
