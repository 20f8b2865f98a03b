import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CURRENT_QUESTIONNAIRE, itemsOf, type Answers } from '../../src/questionnaire/definition.js';
import { validateAnswers } from '../../src/questionnaire/validate.js';
import { addMonths, dueDates, waveStatuses, DEFAULT_SCHEDULE } from '../../src/questionnaire/schedule.js';
import { classifyMonitoring, monitoringFromAnswers } from '../../src/questionnaire/monitoring.js';
import { CULTURAL_BACKGROUNDS } from '../../src/domain/migration-background.js';

test('the questionnaire holds every outcome measure of the domain, with the six answer types', () => {
  const ids = itemsOf(CURRENT_QUESTIONNAIRE).map((i) => i.id);
  for (const id of [
    'gezondheid',
    'sociale_contacten',
    'meedoen_moeite',
    'meedoen_redenen',
    'werk_moeite',
    'werk_belemmeringen',
    'werk_activiteiten',
    'uren_zoeken',
    'zelfredzaamheid',
    'optimisme',
    'discriminatie',
    'discriminatie_gronden',
    'brieven_begrijpen',
    'tevredenheid_voorzieningen',
    'geboorteland',
    'geboorteland_moeder',
    'geboorteland_vader',
    'nationaliteit',
    'culturele_achtergrond',
  ]) {
    assert.ok(ids.includes(id), id);
  }
  assert.deepEqual(
    new Set(itemsOf(CURRENT_QUESTIONNAIRE).map((i) => i.type)),
    new Set(['grade', 'yesno', 'scale5', 'multi', 'number', 'country']),
  );
  const bg = itemsOf(CURRENT_QUESTIONNAIRE).find((i) => i.id === 'culturele_achtergrond');
  assert.ok(
    bg?.type === 'multi' && bg.options.every((o) => Object.hasOwn(CULTURAL_BACKGROUNDS, o)),
    'every background option is understood by the Enschede definition',
  );
});

test('answers are checked by type; every item may be left out', () => {
  assert.deepEqual(validateAnswers(CURRENT_QUESTIONNAIRE, {}), []);
  const good: Answers = {
    gezondheid: 7,
    sociale_contacten: true,
    meedoen_moeite: 4,
    meedoen_redenen: { codes: ['taal'], other: 'de bus' },
    uren_zoeken: 2,
    discriminatie: true,
    discriminatie_gronden: { codes: ['herkomst', 'religie'] },
    tevredenheid_voorzieningen: 'nvt',
    geboorteland: 'SY',
    geboorteland_moeder: 'onbekend',
    culturele_achtergrond: { codes: ['syrisch', 'koerdisch'] },
  };
  assert.deepEqual(validateAnswers(CURRENT_QUESTIONNAIRE, good), []);
  const bad = validateAnswers(CURRENT_QUESTIONNAIRE, {
    gezondheid: 11,
    sociale_contacten: 'ja',
    uren_zoeken: -1,
    geboorteland: 'XX',
    geboorteland_vader: 'onbekend',
    meedoen_redenen: { codes: ['zwemmen'] },
    discriminatie_gronden: { codes: ['herkomst'] },
    onbekende_vraag: 1,
    werk_moeite: 'nvt',
  })
    .map((p) => p.item)
    .sort();
  assert.deepEqual(bad, [
    'discriminatie_gronden',
    'geboorteland',
    'gezondheid',
    'meedoen_redenen',
    'onbekende_vraag',
    'sociale_contacten',
    'uren_zoeken',
    'werk_moeite',
  ]);
});

test('T0 at the start, T1 and T2 after 4 and 8 months by default, configurable', () => {
  assert.deepEqual(dueDates('2025-01-31'), { T0: '2025-01-31', T1: '2025-05-31', T2: '2025-09-30' });
  assert.equal(addMonths('2024-10-31', 4), '2025-02-28');
  assert.deepEqual(dueDates('2025-03-01', { ...DEFAULT_SCHEDULE, t1Months: 6, t2Months: 12 }), {
    T0: '2025-03-01',
    T1: '2025-09-01',
    T2: '2026-03-01',
  });
});

test('wave status: planned, open, overdue, sent, completed, missed', () => {
  const s = (today: string, records = [] as Parameters<typeof waveStatuses>[2], ended: string | null = null) =>
    waveStatuses('2025-01-01', today, records, DEFAULT_SCHEDULE, ended).map((w) => w.status);
  assert.deepEqual(s('2025-01-10'), ['open', 'gepland', 'gepland']);
  assert.deepEqual(s('2025-02-15'), ['te_laat', 'gepland', 'gepland']);
  assert.deepEqual(s('2025-05-02'), ['gemist', 'open', 'gepland']);
  assert.deepEqual(
    s('2025-05-02', [
      { wave: 'T0', sentOn: '2025-01-02', completedOn: '2025-01-05', mode: 'link' },
      { wave: 'T1', sentOn: '2025-05-01', completedOn: null, mode: null },
    ]),
    ['ingevuld', 'verstuurd', 'gepland'],
  );
  assert.deepEqual(s('2025-12-31'), ['gemist', 'gemist', 'gemist']);
  assert.deepEqual(s('2025-05-02', [], '2025-03-01'), ['gemist', 'gemist', 'gemist']);
});

/** Answers → the monitoring rows the store writes → classifyAll in the three definitions. */
function classify(answers: Answers) {
  const { person, culturalBackgrounds } = monitoringFromAnswers(answers);
  const row = {
    birth_country: person.birthCountry ?? null,
    mother_birth_country: person.motherBirthCountry ?? null,
    father_birth_country: person.fatherBirthCountry ?? null,
    nationality: person.nationality ?? null,
  };
  return classifyMonitoring(row, culturalBackgrounds ?? []);
}

test('answers → monitoring rows → classifyAll: one parent born abroad', () => {
  assert.deepEqual(
    classify({
      geboorteland: 'NL',
      geboorteland_moeder: 'MA',
      geboorteland_vader: 'NL',
      nationaliteit: 'NL',
      culturele_achtergrond: { codes: ['nederlands', 'marokkaans'] },
    }),
    { cbsBefore2022: 'niet-westers', cbsFrom2022: 'buiten-europa', enschede: 'niet-westers' },
  );
  // A western-born father and only "Dutch" reported: CBS counts a western background, the Enschede definition the own answer.
  assert.deepEqual(
    classify({
      geboorteland: 'NL',
      geboorteland_moeder: 'NL',
      geboorteland_vader: 'DE',
      culturele_achtergrond: { codes: ['nederlands'] },
    }),
    { cbsBefore2022: 'westers', cbsFrom2022: 'europa', enschede: 'geen' },
  );
});

test('answers → classifyAll: born in NL to NL-born parents with a self-reported second background', () => {
  assert.deepEqual(
    classify({
      geboorteland: 'NL',
      geboorteland_moeder: 'NL',
      geboorteland_vader: 'NL',
      culturele_achtergrond: { codes: ['nederlands', 'turks'] },
    }),
    { cbsBefore2022: 'nederlands', cbsFrom2022: 'nederland', enschede: 'niet-westers' },
  );
});

test('answers → classifyAll: born in Indonesia or Japan (western until 2022, outside Europe from 2022)', () => {
  assert.deepEqual(
    classify({
      geboorteland: 'ID',
      geboorteland_moeder: 'onbekend',
      geboorteland_vader: 'onbekend',
      culturele_achtergrond: { codes: ['indonesisch'] },
    }),
    { cbsBefore2022: 'westers', cbsFrom2022: 'buiten-europa', enschede: 'westers' },
  );
  assert.deepEqual(
    classify({
      geboorteland: 'JP',
      geboorteland_moeder: 'JP',
      geboorteland_vader: 'JP',
      nationaliteit: 'JP',
      culturele_achtergrond: { codes: [], other: 'Japans' },
    }),
    { cbsBefore2022: 'westers', cbsFrom2022: 'buiten-europa', enschede: 'westers' },
  );
});

test('answers → classifyAll: unknown parents', () => {
  assert.deepEqual(
    classify({
      geboorteland: 'NL',
      geboorteland_moeder: 'onbekend',
      geboorteland_vader: 'onbekend',
      culturele_achtergrond: { codes: ['nederlands'] },
    }),
    { cbsBefore2022: 'onbekend', cbsFrom2022: 'onbekend', enschede: 'geen' },
  );
  // Born abroad with unknown parents: first generation by own birth country; no background answered: Enschede unknown.
  assert.deepEqual(classify({ geboorteland: 'ER', geboorteland_moeder: 'onbekend', geboorteland_vader: 'onbekend' }), {
    cbsBefore2022: 'niet-westers',
    cbsFrom2022: 'buiten-europa',
    enschede: 'onbekend',
  });
});
