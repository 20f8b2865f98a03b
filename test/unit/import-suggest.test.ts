import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENTITY_DEFS } from '../../src/import/entities.js';
import { suggestField, suggestValue } from '../../src/import/suggest.js';

const field = (entity: keyof typeof ENTITY_DEFS, name: string) =>
  ENTITY_DEFS[entity].fields.find((f) => f.field === name)!;

test('column names of municipal exports are suggested as fields, each field once', () => {
  assert.equal(suggestField('clients', 'Burgerservicenummer'), 'bsn');
  assert.equal(suggestField('clients', 'Geboortedatum'), 'birth_date');
  assert.equal(suggestField('register_facts', 'Geboorteland moeder'), 'mother_birth_country');
  assert.equal(suggestField('register_facts', 'Geboorteland_vader'), 'father_birth_country');
  assert.equal(suggestField('clients', 'BSN', new Set(['bsn'])), null);
  assert.equal(suggestField('clients', 'Opmerking'), null);
});

test('CBS household labels (StatLine: Eenpersoonshuishouden, (On)gehuwd paar met kinderen, ...) get their value; "paar" alone does not', () => {
  const household = field('clients', 'household');
  assert.equal(suggestValue(household, 'Eenpersoonshuishouden'), 'alleenstaand');
  assert.equal(suggestValue(household, 'eenpersoons'), 'alleenstaand');
  assert.equal(suggestValue(household, '(On)gehuwd paar zonder kinderen'), 'paar_zonder_kinderen');
  assert.equal(suggestValue(household, 'Ongehuwd paar met kinderen'), 'paar_met_kinderen');
  assert.equal(suggestValue(household, 'Eenouderhuishouden'), 'eenouder');
  assert.equal(suggestValue(household, 'Overig meerpersoonshuishouden'), 'overig');
  assert.equal(suggestValue(household, 'paar'), null);
  // accepted as it is: nothing to suggest
  assert.equal(suggestValue(household, 'alleenstaand'), null);
});

test('gender letters and Dutch country names', () => {
  assert.equal(suggestValue(field('clients', 'gender'), 'V'), 'vrouw');
  assert.equal(suggestValue(field('clients', 'gender'), 'M'), 'man');
  assert.equal(suggestValue(field('register_facts', 'birth_country'), 'Marokko'), 'MA');
  assert.equal(suggestValue(field('register_facts', 'birth_country'), 'Turkije'), 'TR');
  // lower case is accepted as it is (the import writes MA)
  assert.equal(suggestValue(field('register_facts', 'birth_country'), 'ma'), null);
  assert.equal(suggestValue(field('register_facts', 'birth_country'), 'Atlantis'), null);
});
