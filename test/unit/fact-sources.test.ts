import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countFactSources, publishFactSources, type FactSourcePerson } from '../../src/mirror/fact-sources.js';
import { protectionRules, publishCount } from '../../src/mirror/disclosure.js';

const person = (key: number, birth?: 'r' | 'q' | 'a' | 'd'): FactSourcePerson => ({
  key,
  codes: birth ? { birth_country: birth } : undefined,
});

test('per fact: the register value counts whether or not there is an answer; an answer only where the register has none', () => {
  // 2 register only, 1 agreeing, 2 differing, 3 answer only, 1 without either (by hand: register 5, answer 3, unknown 1, differ 2)
  const people = [
    person(1, 'r'),
    person(2, 'r'),
    person(4, 'a'),
    person(8, 'd'),
    person(16, 'd'),
    person(32, 'q'),
    person(64, 'q'),
    person(128, 'q'),
    person(256),
  ];
  const split = countFactSources(people).birth_country;
  assert.deepEqual(split.register, { count: 5, key: 1 + 2 + 4 + 8 + 16 });
  assert.deepEqual(split.questionnaire, { count: 3, key: 32 + 64 + 128 });
  assert.deepEqual(split.unknown, { count: 1, key: 256 });
  assert.deepEqual(split.differ, { count: 2, key: 8 + 16 });
  // a fact nobody gives: everyone unknown
  assert.equal(countFactSources(people).nationality.unknown.count, 9);
});

test('published like every mirror count: rounded to a multiple of 5 by the key of the set, under 10 hidden, 0 stays 0', () => {
  // 12 from the register with set key 0: 12 rounds up to 15 when key/2^32 < 2/5 (0 is); 11 answered
  // with keys summing to 2^31 (u = 0.5 ≥ 1/5): down to 10; 3 unknown: hidden; none differ: 0.
  const people = [
    ...Array.from({ length: 12 }, () => person(0, 'r')),
    ...Array.from({ length: 11 }, (_, i) => person(i === 0 ? 2 ** 31 : 0, 'q')),
    ...Array.from({ length: 3 }, () => person(0)),
  ];
  const rules = protectionRules(10, 5);
  const [birth] = publishFactSources(countFactSources(people), (c) => publishCount(c.count, c.key, rules));
  assert.deepEqual(birth, { fact: 'birth_country', register: 15, questionnaire: 10, unknown: null, differ: 0 });
});
