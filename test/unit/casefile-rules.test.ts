import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageBand, ageBandGroups } from '../../src/domain/age.js';
import { ageOn } from '../../src/domain/dates.js';
import {
  addDays,
  clientStatus,
  dateSpellings,
  daysBetween,
  daysWithoutConversation,
  intensiefTeWeinig,
  intensiveConversationsRequired,
  intervisionSummary,
  nameForms,
  onderOpDeStapel,
  redact,
  type IntervisionInput,
} from '../../src/domain/casefile-rules.js';

test('calendar arithmetic on YYYY-MM-DD, across a leap day and a year end', () => {
  assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
  assert.equal(daysBetween('2023-02-28', '2023-03-01'), 1);
  assert.equal(daysBetween('2026-03-01', '2026-01-01'), -59);
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(addDays('2026-11-24', -183), '2026-05-25');
});

test('age bands t/m 26, 27-44, 45+ (the labels of the mirror) turn on the birthday', () => {
  const band = (birth: string, on: string) => ageBand(ageOn(birth, on));
  assert.equal(band('2000-06-15', '2027-06-14'), 't/m 26');
  assert.equal(band('2000-06-15', '2027-06-15'), '27-44');
  assert.equal(band('1982-06-15', '2027-06-14'), '27-44');
  assert.equal(band('1982-06-15', '2027-06-15'), '45+');
  assert.equal(band('1960-02-29', '2026-02-28'), '45+');
  assert.equal(ageOn('2000-02-29', '2027-02-28'), 26, 'born on 29 February: a year older on 1 March');
  assert.equal(ageOn('2000-02-29', '2027-03-01'), 27);
  assert.equal(ageBand(null), null);
  assert.deepEqual(
    [24, 34, 49, 50].map((a) => ageBand(a, [25, 35, 50])),
    ['t/m 24', '25-34', '35-49', '50+'],
  );
  assert.deepEqual(ageBandGroups([27, 45, 67]), ['t/m 26', '27-44', '45-66', '67+']);
});

test('status: flowed out when every benefit period ended; on hold beats active; no benefit yet is active', () => {
  assert.equal(
    clientStatus({ hasBenefitPeriod: true, hasOpenBenefitPeriod: false, onHoldToday: true }),
    'uitgestroomd',
  );
  assert.equal(clientStatus({ hasBenefitPeriod: true, hasOpenBenefitPeriod: true, onHoldToday: true }), 'on-hold');
  assert.equal(clientStatus({ hasBenefitPeriod: true, hasOpenBenefitPeriod: true, onHoldToday: false }), 'actief');
  assert.equal(clientStatus({ hasBenefitPeriod: false, hasOpenBenefitPeriod: false, onHoldToday: false }), 'actief');
});

test('onder op de stapel from 183 days without a conversation, counted from the conversation, else the benefit, else registration', () => {
  const today = '2026-11-24';
  const base = { status: 'actief' as const, benefitStart: '2020-01-01', registeredOn: '2019-01-01' };
  assert.equal(onderOpDeStapel({ ...base, lastConversation: addDays(today, -182) }, today), false);
  assert.equal(onderOpDeStapel({ ...base, lastConversation: addDays(today, -183) }, today), true);
  assert.equal(onderOpDeStapel({ ...base, status: 'on-hold', lastConversation: addDays(today, -400) }, today), false);
  assert.equal(onderOpDeStapel({ ...base, status: 'uitgestroomd', lastConversation: null }, today), false);
  assert.equal(
    daysWithoutConversation(
      { lastConversation: null, benefitStart: addDays(today, -10), registeredOn: addDays(today, -500) },
      today,
    ),
    10,
  );
  assert.equal(
    daysWithoutConversation({ lastConversation: null, benefitStart: null, registeredOn: addDays(today, -200) }, today),
    200,
  );
  assert.equal(
    daysWithoutConversation({ lastConversation: null, benefitStart: addDays(today, 5), registeredOn: today }, today),
    0,
    'never negative',
  );
});

test('intensive guidance asks one conversation per full quarter of the plan, at most four a year', () => {
  const today = '2026-11-24';
  assert.equal(intensiveConversationsRequired(addDays(today, -91), today), 0);
  assert.equal(intensiveConversationsRequired(addDays(today, -92), today), 1);
  assert.equal(intensiveConversationsRequired(addDays(today, -183), today), 2);
  assert.equal(intensiveConversationsRequired(addDays(today, -365), today), 4);
  assert.equal(intensiveConversationsRequired(addDays(today, -3000), today), 4);
  assert.equal(intensiveConversationsRequired(addDays(today, 10), today), 0, 'a plan dated later asks nothing');

  const lang = { status: 'actief' as const, distance: 'lang' as const, activePlanSince: addDays(today, -400) };
  assert.equal(intensiefTeWeinig({ ...lang, conversationsLast12Months: 3 }, today), true);
  assert.equal(intensiefTeWeinig({ ...lang, conversationsLast12Months: 4 }, today), false);
  assert.equal(
    intensiefTeWeinig({ ...lang, distance: 'kort', conversationsLast12Months: 0 }, today),
    false,
    'short distance is not the intensive route',
  );
  assert.equal(
    intensiefTeWeinig({ ...lang, activePlanSince: null, conversationsLast12Months: 0 }, today),
    false,
    'no active plan',
  );
  assert.equal(intensiefTeWeinig({ ...lang, status: 'on-hold', conversationsLast12Months: 0 }, today), false);
  assert.equal(
    intensiefTeWeinig({ ...lang, activePlanSince: addDays(today, -200), conversationsLast12Months: 1 }, today),
    true,
    '200 days ask for 2',
  );
});

test('redaction removes whole words only, in any case and spacing, and treats names as text, not patterns', () => {
  assert.equal(
    redact('Fatima El Amrani werkt als elektricien', ['El Amrani', 'Fatima']),
    '[…] […] werkt als elektricien',
  );
  assert.equal(redact('postcode 7511AB of 7511 ab', ['7511 AB', '7511AB']), 'postcode […] of […]');
  assert.equal(redact('Mevrouw AMRANI belde', ['Amrani']), 'Mevrouw […] belde');
  assert.equal(redact("O'Neil (jr.) kwam; ONeil niet", ["O'Neil (jr.)"]), '[…] kwam; ONeil niet');
  assert.equal(
    redact('Anna-Maria en Anna', ['Anna']),
    'Anna-Maria en […]'.replace('Anna-Maria', '[…]-Maria'),
    'a hyphen ends a word',
  );
  assert.equal(redact('a b', ['a', '', null, undefined]), 'a b', 'one-letter values are ignored');
  assert.deepEqual(nameForms('Anna de Vries'), ['Anna de Vries', 'Anna', 'Vries']);
  assert.deepEqual(nameForms('Fatima El Amrani'), ['Fatima El Amrani', 'Fatima', 'Amrani']);
  assert.deepEqual(dateSpellings('1980-03-01'), [
    '1980-03-01',
    '01-03-1980',
    '01/03/1980',
    '1-3-1980',
    '1/3/1980',
    '01.03.1980',
  ]);
});

test('an intervision summary keeps the case and drops the person', () => {
  const input: IntervisionInput = {
    client: {
      bsn: '111222333',
      givenName: 'Fatima',
      familyName: 'El Amrani',
      birthDate: '1980-03-01',
      street: 'Lindenlaan',
      houseNumber: '12',
      postcode: '7511AB',
      city: 'Enschede',
      household: 'eenouder',
      educationLevel: 'vmbo_mbo1',
      dutchLanguageLevel: 'A2',
      workExperience: 'buitenland',
      doelgroepregister: false,
      consultantName: 'Anna de Vries',
    },
    benefitPeriods: [{ startDate: '2025-01-01', endDate: null }],
    onHoldPeriods: [{ startDate: '2026-11-01', endDate: '2026-12-31' }],
    diagnoses: [
      {
        givenOn: '2025-02-10',
        distance: 'lang',
        reasons: 'Fatima woont op 7511 AB; Bram Bakker adviseerde',
        givenByName: 'Bram Bakker',
      },
    ],
    plans: [],
    instrumentAllocations: [],
    conversations: [
      { kind: 'huisbezoek', consultantName: 'Anna de Vries' },
      { kind: 'huisbezoek', consultantName: null },
    ],
    ladderSteps: [{ step: 3, stepName: 'Deelname georganiseerde activiteiten', recordedOn: '2025-06-30' }],
    workPeriods: [
      {
        employer: 'Bakkerij De Korenschoof',
        startDate: '2026-01-05',
        endDate: '2026-03-31',
        hoursPerWeek: 12.5,
        wageCostSubsidy: false,
      },
    ],
  };
  const s = intervisionSummary(input, '2026-11-24');
  assert.deepEqual(s, {
    ageBand: '45+',
    status: 'on-hold',
    household: 'eenouder',
    educationLevel: 'vmbo_mbo1',
    dutchLanguageLevel: 'A2',
    workExperience: 'buitenland',
    doelgroepregister: false,
    diagnoses: [{ month: '2025-02', distance: 'lang', reasons: '[…] woont op […]; […] adviseerde' }],
    plans: [],
    instruments: [],
    conversations: { total: 2, byKind: { huisbezoek: 2 } },
    ladderSteps: [{ month: '2025-06', step: 3, stepName: 'Deelname georganiseerde activiteiten' }],
    workPeriods: [
      { employer: 'werkgever', startMonth: '2026-01', endMonth: '2026-03', hoursPerWeek: 12.5, wageCostSubsidy: false },
    ],
  });
});

test('the case-file code never reads the monitoring schema (special categories)', () => {
  const dirs = ['src/store/casefile', 'src/server/routes/casefile'];
  const files = dirs
    .flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(d, f)),
    )
    .concat(['src/server/schemas/casefile.ts', 'src/domain/casefile-rules.ts']);
  assert.ok(files.length >= 8);
  for (const f of files) assert.doesNotMatch(readFileSync(f, 'utf8'), /monitoring\s*\.|mirror-source|pseudonym/i, f);
});
