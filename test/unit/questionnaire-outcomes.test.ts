import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeOutcomes, type OutcomePerson } from '../../src/mirror/outcomes.js';
import { CURRENT_QUESTIONNAIRE } from '../../src/questionnaire/definition.js';
import { wilcoxonSignedRank } from '../../src/mirror/stats/paired.js';

const ground = [{ key: 'g', label: 'Groep', groups: ['a', 'b'], groupLabels: { a: 'A', b: 'B' } }];

function person(group: string, health: [number, number | null, number | null]): OutcomePerson {
  const responses: OutcomePerson['responses'] = { T0: { gezondheid: health[0] } };
  if (health[1] !== null) responses.T1 = { gezondheid: health[1] };
  if (health[2] !== null) responses.T2 = { gezondheid: health[2] };
  return { groups: { g: group }, due: { T0: true, T1: true, T2: true }, responses, modes: { T0: 'link' } };
}

test('paired change per group uses the signed-rank test; small groups and small counts are never output', () => {
  const persons: OutcomePerson[] = [];
  for (let i = 0; i < 30; i++) persons.push(person('a', [5 + (i % 3), 6 + (i % 3), i < 25 ? 7 + (i % 2) : null]));
  for (let i = 0; i < 6; i++) persons.push(person('b', [6, 6, 6]));
  const r = computeOutcomes(CURRENT_QUESTIONNAIRE, persons, { threshold: 10, grounds: ground });
  const a = r.grounds[0].groups[0];
  const b = r.grounds[0].groups[1];
  const health = a.measures.find((m) => m.measure === 'gezondheid')!;
  const toT2 = health.changes.find((c) => c.to === 'T2')!;
  const before = persons.slice(0, 25).map((p) => p.responses.T0!.gezondheid as number);
  const after = persons.slice(0, 25).map((p) => p.responses.T2!.gezondheid as number);
  assert.equal(toT2.pairs, 25);
  assert.equal(toT2.p, wilcoxonSignedRank(after, before).p);
  assert.equal(b.size, null, 'a group of 6 is not shown');
  assert.deepEqual(b.measures, []);
  // T2 response of group a: 25 of 30, so 5 non-respondents: both hidden (secondary suppression).
  assert.deepEqual(
    a.response.find((x) => x.wave === 'T2'),
    { wave: 'T2', due: 30, responded: null, rate: null },
  );
  const diff = r.grounds[0].differences.find((d) => d.measure === 'gezondheid' && d.group === 'a')!;
  assert.equal(diff.p, null, 'no comparison with a group under the threshold');
  assert.ok(r.narrative.some((l) => l.startsWith('Respons:')));
});

test('a cohort under the threshold shows nothing', () => {
  const r = computeOutcomes(CURRENT_QUESTIONNAIRE, [person('a', [5, 6, 7])], { threshold: 10 });
  assert.equal(r.cohort, null);
  assert.deepEqual(r.grounds, []);
});
