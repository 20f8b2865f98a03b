import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  addMonths,
  ageOn,
  clock,
  daysBetween,
  isIsoDate,
  monthLabel,
  todayIso,
} from '../../src/domain/dates.js';

test('today is the day in Amsterdam: after midnight Dutch time the UTC date is still yesterday', () => {
  // Summer time (CEST, UTC+2): 22:30 UTC on 31 March is 00:30 on 1 April in Amsterdam.
  assert.equal(todayIso(new Date('2026-03-31T22:30:00Z')), '2026-04-01');
  assert.equal(todayIso(new Date('2026-03-31T21:59:59Z')), '2026-03-31');
  // Winter time (CET, UTC+1): 23:30 UTC on 31 January is 00:30 on 1 February.
  assert.equal(todayIso(new Date('2026-01-31T23:30:00Z')), '2026-02-01');
  assert.equal(todayIso(new Date('2026-01-31T22:59:59Z')), '2026-01-31');
  // The night of the switch to summer time (29 March 2026, 02:00 → 03:00) and back (25 October 2026).
  assert.equal(todayIso(new Date('2026-03-28T23:00:00Z')), '2026-03-29');
  assert.equal(todayIso(new Date('2026-10-24T22:00:00Z')), '2026-10-25');
  // New Year's night.
  assert.equal(todayIso(new Date('2026-12-31T23:15:00Z')), '2027-01-01');
});

test('todayIso without an argument reads the one clock, which a test can set', () => {
  const real = clock.now;
  try {
    clock.now = () => new Date('2026-01-31T23:30:00Z');
    assert.equal(todayIso(), '2026-02-01');
  } finally {
    clock.now = real;
  }
  assert.match(todayIso(), /^\d{4}-\d{2}-\d{2}$/);
});

test('calendar arithmetic: days, months, ages and validity of dates', () => {
  assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
  assert.equal(addDays('2026-03-28', 2), '2026-03-30', 'the switch to summer time does not lose a day');
  assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(ageOn('1980-03-01', '2026-02-28'), 45);
  assert.equal(ageOn('1980-03-01', '2026-03-01'), 46);
  assert.equal(isIsoDate('2026-02-29'), false);
  assert.equal(isIsoDate('2028-02-29'), true);
});

test('months as words: "2025-02" is "februari 2025"', () => {
  assert.equal(monthLabel('2025-02'), 'februari 2025');
  assert.equal(monthLabel('2025-12-31'), 'december 2025');
  assert.equal(monthLabel('2025-02', 'en'), 'February 2025');
  assert.equal(monthLabel(null), '');
});
