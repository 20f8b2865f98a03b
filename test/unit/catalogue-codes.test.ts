import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesInstrumentSearch, type SearchableInstrument } from '../../src/domain/catalogue-search.js';
import {
  CODE_LABELS,
  EDUCATION_LEVELS,
  GENDERS,
  HOUSEHOLDS,
  LANGUAGE_LEVELS,
  TARGET_GROUPS,
  WORK_EXPERIENCE,
  codeLabel,
  targetGroupFromText,
  targetGroupLabel,
} from '../../src/domain/codes.js';
import { INSTRUMENTS } from '../../src/demo/catalogue.js';

const SRG_NAMES: Record<number, string> = {
  23: 'Proefplaatsing t.b.v. loonwaardebepaling',
  29: 'Overige werkplekken',
  30: 'Jobcoach / begeleiding op de werkplek',
  31: 'Werkplekaanpassing',
  59: 'Overige faciliterende voorziening',
};
const demo: SearchableInstrument[] = INSTRUMENTS.map((d) => ({
  code: d.code,
  name: d.name,
  description: d.description,
  asks: d.asks,
  yields: d.yields,
  srgCode: d.srg,
  srgName: SRG_NAMES[d.srg]!,
  targetGroup: d.targetGroup,
  targetGroupNote: null,
}));
const find = (q: string, asks?: string) =>
  demo.filter((i) => matchesInstrumentSearch(i, { q, asks })).map((i) => i.code);

test('the keuzehulp finds "zorg" in Demodam\'s catalogue: Zorgtraject and mantelzorg, whatever the case', () => {
  assert.deepEqual(find('zorg'), ['zorgtraject', 'mantelzorg_werk']);
  assert.deepEqual(find('ZORG'), ['zorgtraject', 'mantelzorg_werk']);
  assert.deepEqual(find('mantelzorg'), ['mantelzorg_werk']);
});

test('the keuzehulp searches the target group and the SRG type label too, and ignores accents', () => {
  assert.deepEqual(find('statushouders'), ['duaal_traject'], 'the reservation, by its label');
  assert.deepEqual(find('faciliterende nt2'), ['taalcursus'], 'SRG label and name together');
  assert.deepEqual(
    find('werkplekken'),
    ['werkervaringsplaats', 'participatieplek', 'leerwerktraject', 'zorgtraject'],
    'only in the label of SRG type 29',
  );
  assert.deepEqual(find('oriëntatie'), [], 'nothing mentions it');
  assert.deepEqual(find('kennismaken zorg'), ['zorgtraject']);
  const accented: SearchableInstrument = { ...demo[0]!, name: 'Budgetcursus financiën' };
  assert.ok(matchesInstrumentSearch(accented, { q: 'financien' }));
  assert.ok(matchesInstrumentSearch({ ...accented, name: 'Budgetcursus financien' }, { q: 'Financiën' }));
  assert.deepEqual(
    find('', 'dagdelen'),
    ['activeringscentrum', 'participatieplek', 'zorgtraject'],
    'what it asks, on its own',
  );
  assert.equal(find('').length, INSTRUMENTS.length, 'no words: everything');
});

test("every code of the client's code lists has a Dutch label without underscores", () => {
  for (const [list, codes] of [
    ['gender', GENDERS],
    ['household', HOUSEHOLDS],
    ['educationLevel', EDUCATION_LEVELS],
    ['dutchLanguageLevel', LANGUAGE_LEVELS],
    ['workExperience', WORK_EXPERIENCE],
    ['targetGroup', TARGET_GROUPS],
  ] as const) {
    assert.deepEqual(Object.keys(CODE_LABELS[list]), [...codes], `${list}: one label per code, in order`);
    for (const code of codes) assert.doesNotMatch(codeLabel(list, code), /_/);
  }
  assert.equal(codeLabel('workExperience', 'nederland'), 'in Nederland');
  assert.equal(codeLabel('educationLevel', 'vmbo_mbo1'), 'vmbo / mbo 1');
  assert.equal(codeLabel('household', 'paar_met_kinderen'), 'paar met kinderen');
});

test('a free-text reservation is read as a code of the fixed list, or kept as "overig" with its text', () => {
  assert.deepEqual(targetGroupFromText('Statushouders'), { code: 'statushouders', note: null });
  assert.deepEqual(targetGroupFromText('jongeren tot 27 jaar'), { code: 'jongeren_tot_27', note: null });
  assert.deepEqual(targetGroupFromText('55+'), { code: '55_plus', note: null });
  assert.deepEqual(targetGroupFromText('Doelgroepregister (banenafspraak)'), { code: 'doelgroepregister', note: null });
  assert.deepEqual(targetGroupFromText('mensen met een medische urenbeperking'), {
    code: 'medische_urenbeperking',
    note: null,
  });
  assert.deepEqual(targetGroupFromText('alleenstaande moeders'), { code: 'overig', note: 'alleenstaande moeders' });
  assert.equal(targetGroupFromText('  '), null);
  assert.equal(targetGroupLabel('overig', 'alleenstaande moeders'), 'alleenstaande moeders');
  assert.equal(targetGroupLabel('jongeren_tot_27'), 'jongeren tot 27 jaar');
});
