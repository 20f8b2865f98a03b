import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { matchClients, matchOne, type MatchProfile } from '../../src/domain/matching.js';
import { addMonths, followUpSchedule, isOverdue, stagesReached } from '../../src/domain/placement.js';
import { quarterOf, reportRequests } from '../../src/domain/discriminatory-requests.js';
import { MATCH_PROFILES_SQL } from '../../src/store/employers/proposals.js';

const vacancy = {
  competences: ['samenwerken', 'zorgvuldig', 'klantgericht', 'op tijd'],
  sector: 'zorg',
  hoursPerWeek: 24,
  place: 'Demodam',
};
const profile = (over: Partial<MatchProfile>): MatchProfile => ({
  clientId: 1,
  competences: [],
  experience: [],
  hoursMin: 0,
  hoursMax: 40,
  reachablePlaces: [],
  wishedSectors: [],
  ...over,
});

test('a suggestion scores by hand: 3 of 4 competences (37.5) + experience 15 + hours 15 + travel 10 + no wish 0 = 77.5 → 78', () => {
  const s = matchOne(
    vacancy,
    profile({
      competences: ['Samenwerken', 'zorgvuldig', 'op tijd'],
      experience: ['zorg'],
      reachablePlaces: ['demodam'],
    }),
  );
  assert.equal(s.score, 78);
  assert.deepEqual(s.reasons.missingCompetences, ['klantgericht']);
  assert.equal(s.reasons.wish, false);
  assert.equal(s.explanation.length, 5, 'one line per criterion');
  assert.match(s.explanation[0], /3 van 4.*ontbreekt: klantgericht/);
});

test('hours outside the wished range and an unreachable place give no points and say why', () => {
  const s = matchOne(vacancy, profile({ hoursMin: 32, hoursMax: 40 }));
  assert.equal(s.score, 0);
  assert.match(s.explanation[2], /past niet bij 32–40 uur/);
  assert.match(s.explanation[3], /niet bij de bereikbare plaatsen/);
});

test('suggestions are ordered best first, ties by client id, and low scores are left out', () => {
  const list = matchClients(vacancy, [
    profile({ clientId: 3, competences: ['samenwerken', 'zorgvuldig'] }), // 25 + hours 15 = 40
    profile({ clientId: 2, competences: ['samenwerken', 'zorgvuldig'] }), // 40
    profile({ clientId: 1, competences: ['samenwerken'], wishedSectors: ['zorg'] }), // 12.5 + 15 + 10 = 37.5 → 38
    profile({ clientId: 4, hoursMin: 30 }), // 0
  ]);
  assert.deepEqual(
    list.map((s) => [s.clientId, s.score]),
    [
      [2, 40],
      [3, 40],
      [1, 38],
    ],
  );
});

test('the matching input has no ground: the profile type and the SQL that fills it read only the work profile', () => {
  assert.doesNotMatch(MATCH_PROFILES_SQL, /monitoring|\bclient\b c|birth|gender|nationality|language|religion|health/i);
  assert.match(MATCH_PROFILES_SQL, /FROM client_work_profile p/);
  const source = readFileSync(new URL('../../src/domain/matching.ts', import.meta.url), 'utf8');
  assert.doesNotMatch(source, /^import /m, 'matching imports nothing: it cannot reach the store');
});

test('follow-up is scheduled at 1, 6 and 12 calendar months (end of month kept) and is overdue only after its date', () => {
  assert.deepEqual(followUpSchedule('2026-01-31'), [
    { months: 1, dueOn: '2026-02-28' },
    { months: 6, dueOn: '2026-07-31' },
    { months: 12, dueOn: '2027-01-31' },
  ]);
  assert.equal(addMonths('2025-11-15', 3), '2026-02-15');
  assert.equal(isOverdue({ dueOn: '2026-02-28', heldOn: null }, '2026-02-28'), false);
  assert.equal(isOverdue({ dueOn: '2026-02-28', heldOn: null }, '2026-03-01'), true);
  assert.equal(isOverdue({ dueOn: '2026-02-28', heldOn: '2026-03-02' }, '2026-04-01'), false);
});

test('still working after 6 months needs the 1- and 6-month follow-ups both saying so', () => {
  const reached = stagesReached({
    invitedOn: '2026-01-01',
    hiredOn: '2026-01-10',
    followUps: [
      { months: 1, stillWorking: false },
      { months: 6, stillWorking: true },
    ],
  });
  assert.deepEqual(
    Object.entries(reached)
      .filter(([, v]) => v)
      .map(([k]) => k),
    ['voorgesteld', 'uitgenodigd', 'aangenomen'],
  );
});

test('the request report names no employer without the protocol decision and counts per quarter', () => {
  assert.equal(quarterOf('2026-04-01'), '2026-K2');
  const report = reportRequests(
    [
      {
        employerId: 1,
        employerName: 'A',
        receivedOn: '2026-01-05',
        kind: 'expliciet',
        action: 'geweigerd',
        namingDecision: 'noemen',
      },
      {
        employerId: 1,
        employerName: 'A',
        receivedOn: '2026-05-05',
        kind: 'impliciet',
        action: 'besproken',
        namingDecision: 'open',
      },
      {
        employerId: 2,
        employerName: 'B',
        receivedOn: '2026-05-06',
        kind: 'positief',
        action: 'gemeld',
        namingDecision: 'noemen',
      },
    ],
    [
      { name: 'B', namedAsExample: true },
      { name: 'C', namedAsExample: true },
      { name: 'D', namedAsExample: false },
    ],
  );
  assert.deepEqual(
    report.perEmployer.map((e) => [e.employer, e.total]),
    [['B', 1]],
  );
  assert.deepEqual([report.notNamed.employers, report.notNamed.total], [1, 2]);
  assert.deepEqual(
    report.perQuarter.map((q) => [q.quarter, q.total]),
    [
      ['2026-K1', 1],
      ['2026-K2', 2],
    ],
  );
  assert.deepEqual(report.goodExamples, ['C'], 'an employer with requests is no good example');
});
