import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cbsBefore2022,
  cbsFrom2022,
  classifyAll,
  enschedeExtended,
  type MigrationInput,
} from '../../src/domain/migration-background.js';

// Every expected value below is written out from the definitions in the module's comments
// (CBS until 2022, CBS from 2022, the Enschede study), not computed.

const person = (
  birth: string | null,
  mother: string | null,
  father: string | null,
  extra: Partial<MigrationInput> = {},
): MigrationInput => ({
  birthCountry: birth,
  motherBirthCountry: mother,
  fatherBirthCountry: father,
  ...extra,
});

// --- CBS until 2022 --------------------------------------------------------------------------

test('CBS <2022: born in NL, both parents born in NL: Dutch background', () => {
  assert.deepEqual(cbsBefore2022(person('NL', 'NL', 'NL')), {
    category: 'nederlands',
    generation: null,
    country: 'NL',
    basis: 'ouders',
  });
});

test('CBS <2022: one parent born abroad gives a second generation by that parent', () => {
  // mother NL, father Morocco: the mother was born in NL, so the father's country decides
  assert.deepEqual(cbsBefore2022(person('NL', 'NL', 'MA')), {
    category: 'niet-westers',
    generation: 'tweede',
    country: 'MA',
    basis: 'vader',
  });
  // mother Germany, father NL
  assert.deepEqual(cbsBefore2022(person('NL', 'DE', 'NL')), {
    category: 'westers',
    generation: 'tweede',
    country: 'DE',
    basis: 'moeder',
  });
  // Suriname either way round
  assert.deepEqual(cbsBefore2022(person('NL', 'SR', 'NL')), {
    category: 'niet-westers',
    generation: 'tweede',
    country: 'SR',
    basis: 'moeder',
  });
  assert.deepEqual(cbsBefore2022(person('NL', 'NL', 'SR')), {
    category: 'niet-westers',
    generation: 'tweede',
    country: 'SR',
    basis: 'vader',
  });
});

test('CBS <2022: both parents born abroad in different countries: the mother decides', () => {
  assert.deepEqual(cbsBefore2022(person('NL', 'BE', 'MA')), {
    category: 'westers',
    generation: 'tweede',
    country: 'BE',
    basis: 'moeder',
  });
  assert.deepEqual(cbsBefore2022(person('NL', 'MA', 'BE')), {
    category: 'niet-westers',
    generation: 'tweede',
    country: 'MA',
    basis: 'moeder',
  });
});

test('CBS <2022: born abroad: first generation by own birth country, whatever the parents', () => {
  assert.deepEqual(cbsBefore2022(person('MA', 'MA', 'MA')), {
    category: 'niet-westers',
    generation: 'eerste',
    country: 'MA',
    basis: 'eigen-geboorteland',
  });
  // born in Belgium to a Moroccan-born mother: own birth country decides
  assert.deepEqual(cbsBefore2022(person('BE', 'MA', null)), {
    category: 'westers',
    generation: 'eerste',
    country: 'BE',
    basis: 'eigen-geboorteland',
  });
});

test('CBS <2022: Indonesia and Japan are western, Turkey is not', () => {
  assert.deepEqual(cbsBefore2022(person('ID', null, null)), {
    category: 'westers',
    generation: 'eerste',
    country: 'ID',
    basis: 'eigen-geboorteland',
  });
  assert.deepEqual(cbsBefore2022(person('JP', 'JP', 'JP')), {
    category: 'westers',
    generation: 'eerste',
    country: 'JP',
    basis: 'eigen-geboorteland',
  });
  assert.deepEqual(cbsBefore2022(person('TR', 'TR', 'TR')), {
    category: 'niet-westers',
    generation: 'eerste',
    country: 'TR',
    basis: 'eigen-geboorteland',
  });
  assert.deepEqual(cbsBefore2022(person('NL', 'TR', 'NL')), {
    category: 'niet-westers',
    generation: 'tweede',
    country: 'TR',
    basis: 'moeder',
  });
});

test('CBS <2022: Suriname and the Dutch Caribbean are non-western', () => {
  for (const code of ['SR', 'CW', 'AW', 'SX', 'BQ', 'AN']) {
    assert.deepEqual(
      cbsBefore2022(person(code, null, null)),
      { category: 'niet-westers', generation: 'eerste', country: code, basis: 'eigen-geboorteland' },
      code,
    );
  }
});

test('CBS <2022: born abroad to two parents born in NL: Dutch background (CBS: "ongeacht het land waar men zelf is geboren")', () => {
  assert.deepEqual(cbsBefore2022(person('DE', 'NL', 'NL')), {
    category: 'nederlands',
    generation: null,
    country: 'NL',
    basis: 'ouders',
  });
  assert.deepEqual(cbsBefore2022(person('SR', 'NL', 'NL')), {
    category: 'nederlands',
    generation: null,
    country: 'NL',
    basis: 'ouders',
  });
});

test('CBS <2022: born abroad with parents unknown: first generation (presumed), as documented', () => {
  assert.deepEqual(cbsBefore2022(person('SY', null, null)), {
    category: 'niet-westers',
    generation: 'eerste',
    country: 'SY',
    basis: 'eigen-geboorteland',
  });
  assert.deepEqual(cbsBefore2022(person('US', 'NL', null)), {
    category: 'westers',
    generation: 'eerste',
    country: 'US',
    basis: 'eigen-geboorteland',
  });
});

test('CBS <2022: unknowns', () => {
  const unknown = { category: 'onbekend', generation: null, country: null, basis: null };
  // own birth country unknown, whatever the parents
  assert.deepEqual(cbsBefore2022(person(null, 'MA', 'MA')), unknown);
  assert.deepEqual(cbsBefore2022({}), unknown);
  // born in NL, parents unknown
  assert.deepEqual(cbsBefore2022(person('NL', null, null)), unknown);
  // born in NL, one parent NL, the other unknown: could be either
  assert.deepEqual(cbsBefore2022(person('NL', 'NL', null)), unknown);
  assert.deepEqual(cbsBefore2022(person('NL', null, 'NL')), unknown);
  // born in Antarctica: no group in the definition
  assert.deepEqual(cbsBefore2022(person('AQ', null, null)), unknown);
});

test('CBS <2022: mother unknown, father born abroad: the father decides', () => {
  assert.deepEqual(cbsBefore2022(person('NL', null, 'MA')), {
    category: 'niet-westers',
    generation: 'tweede',
    country: 'MA',
    basis: 'vader',
  });
});

test('CBS <2022: self-reported background plays no part', () => {
  const p = person('NL', 'NL', 'NL', { culturalBackgrounds: ['nederlands', 'turks'], nationality: 'TR' });
  assert.deepEqual(cbsBefore2022(p), { category: 'nederlands', generation: null, country: 'NL', basis: 'ouders' });
});

test('invalid or lower-case codes count as unknown, never as a country', () => {
  const unknown = { category: 'onbekend', generation: null, country: null, basis: null };
  assert.deepEqual(cbsBefore2022(person('nl', 'NL', 'NL')), unknown);
  assert.deepEqual(cbsBefore2022(person('MAR', null, null)), unknown);
  assert.deepEqual(cbsBefore2022(person('', null, null)), unknown);
  assert.deepEqual(cbsBefore2022(person('ZZ', null, null)), unknown);
  // 'ma' for the father is unknown, so this is born NL, mother NL, father unknown
  assert.deepEqual(cbsBefore2022(person('NL', 'NL', 'ma')), unknown);
  assert.deepEqual(cbsFrom2022(person('nl', 'NL', 'NL')), {
    category: 'onbekend',
    migrant: null,
    country: null,
    basis: null,
  });
});

// --- CBS from 2022 ---------------------------------------------------------------------------

test('CBS 2022: born in NL with both parents born in NL: Nederlandse herkomst', () => {
  assert.deepEqual(cbsFrom2022(person('NL', 'NL', 'NL')), {
    category: 'nederland',
    migrant: null,
    country: 'NL',
    basis: 'ouders',
  });
});

test('CBS 2022: children of migrants: the mother if born abroad, else the father', () => {
  assert.deepEqual(cbsFrom2022(person('NL', 'NL', 'MA')), {
    category: 'buiten-europa',
    migrant: 'kind-van-migrant',
    country: 'MA',
    basis: 'vader',
  });
  assert.deepEqual(cbsFrom2022(person('NL', 'DE', 'NL')), {
    category: 'europa',
    migrant: 'kind-van-migrant',
    country: 'DE',
    basis: 'moeder',
  });
  assert.deepEqual(cbsFrom2022(person('NL', 'SR', 'NL')), {
    category: 'buiten-europa',
    migrant: 'kind-van-migrant',
    country: 'SR',
    basis: 'moeder',
  });
  assert.deepEqual(cbsFrom2022(person('NL', 'NL', 'SR')), {
    category: 'buiten-europa',
    migrant: 'kind-van-migrant',
    country: 'SR',
    basis: 'vader',
  });
  assert.deepEqual(cbsFrom2022(person('NL', 'BE', 'MA')), {
    category: 'europa',
    migrant: 'kind-van-migrant',
    country: 'BE',
    basis: 'moeder',
  });
  // CBS: "Wanneer ... het geboorteland van de moeder onbekend is, dan wordt het geboorteland van de vader gebruikt."
  assert.deepEqual(cbsFrom2022(person('NL', null, 'TR')), {
    category: 'buiten-europa',
    migrant: 'kind-van-migrant',
    country: 'TR',
    basis: 'vader',
  });
});

test('CBS 2022: migrants by own birth country, also when both parents were born in NL', () => {
  assert.deepEqual(cbsFrom2022(person('DE', 'NL', 'NL')), {
    category: 'europa',
    migrant: 'migrant',
    country: 'DE',
    basis: 'eigen-geboorteland',
  });
  assert.deepEqual(cbsFrom2022(person('TR', 'TR', 'TR')), {
    category: 'buiten-europa',
    migrant: 'migrant',
    country: 'TR',
    basis: 'eigen-geboorteland',
  });
  assert.deepEqual(cbsFrom2022(person('ID', null, null)), {
    category: 'buiten-europa',
    migrant: 'migrant',
    country: 'ID',
    basis: 'eigen-geboorteland',
  });
  assert.deepEqual(cbsFrom2022(person('JP', null, null)), {
    category: 'buiten-europa',
    migrant: 'migrant',
    country: 'JP',
    basis: 'eigen-geboorteland',
  });
  assert.deepEqual(cbsFrom2022(person('PL', 'PL', 'PL')), {
    category: 'europa',
    migrant: 'migrant',
    country: 'PL',
    basis: 'eigen-geboorteland',
  });
});

test('CBS 2022: the Dutch Caribbean, Caribisch Nederland included, is outside Europe', () => {
  for (const code of ['CW', 'AW', 'SX', 'BQ', 'AN']) {
    assert.deepEqual(
      cbsFrom2022(person(code, 'NL', 'NL')),
      { category: 'buiten-europa', migrant: 'migrant', country: code, basis: 'eigen-geboorteland' },
      code,
    );
  }
});

test('CBS 2022: unknowns', () => {
  const unknown = { category: 'onbekend', migrant: null, country: null, basis: null };
  assert.deepEqual(cbsFrom2022(person(null, 'MA', 'MA')), unknown);
  assert.deepEqual(cbsFrom2022(person('NL', null, null)), unknown);
  assert.deepEqual(cbsFrom2022(person('NL', 'NL', null)), unknown);
  assert.deepEqual(cbsFrom2022(person('NL', null, 'NL')), unknown);
  assert.deepEqual(cbsFrom2022(person('AQ', null, null)), unknown);
});

// --- Enschede extended definition -----------------------------------------------------------

test('Enschede: only Dutch reported and born in NL: no migration background', () => {
  assert.equal(enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: ['nederlands'] })).category, 'geen');
  assert.equal(enschedeExtended(person('NL', null, null, { culturalBackgrounds: ['NL'] })).category, 'geen');
  assert.equal(enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: [' Nederlands '] })).category, 'geen');
});

test('Enschede: only Dutch reported and born in NL overrides parents and nationality (literal reading, documented)', () => {
  const r = enschedeExtended(person('NL', 'MA', 'NL', { culturalBackgrounds: ['nederlands'], nationality: 'MA' }));
  assert.equal(r.category, 'geen');
  assert.deepEqual(r.links, [
    { source: 'geboorteland-moeder', value: 'MA', group: 'niet-westers' },
    { source: 'nationaliteit', value: 'MA', group: 'niet-westers' },
  ]);
});

test('Enschede: born in NL to Dutch-born parents with a second self-reported background', () => {
  const p = person('NL', 'NL', 'NL', { culturalBackgrounds: ['nederlands', 'turks'] });
  assert.equal(enschedeExtended(p).category, 'niet-westers');
  assert.deepEqual(classifyAll(p), { cbsBefore2022: 'nederlands', cbsFrom2022: 'nederland', enschede: 'niet-westers' });
  assert.equal(
    enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: ['nederlands', 'duits'] })).category,
    'westers',
  );
  assert.equal(enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: ['indisch'] })).category, 'westers');
  assert.equal(
    enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: ['Curaçaos'] })).category,
    'niet-westers',
  );
  assert.equal(
    enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: ['koerdisch'] })).category,
    'niet-westers',
  );
  assert.equal(enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: ['TR'] })).category, 'niet-westers');
});

test('Enschede: linked to both a western and a non-western background: non-western', () => {
  // born in Belgium, mother born in Morocco; CBS <2022 says western (own birth country)
  const p = person('BE', 'MA', null, { culturalBackgrounds: ['belgisch'] });
  assert.equal(enschedeExtended(p).category, 'niet-westers');
  assert.deepEqual(classifyAll(p), { cbsBefore2022: 'westers', cbsFrom2022: 'europa', enschede: 'niet-westers' });
  assert.equal(
    enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: ['duits', 'marokkaans'] })).category,
    'niet-westers',
  );
});

test('Enschede: nationality alone links, once the person did not report only Dutch', () => {
  // reported Dutch plus an unrecognised value: not "only Dutch", so the Moroccan nationality counts
  const r = enschedeExtended(
    person('NL', 'NL', 'NL', { culturalBackgrounds: ['nederlands', 'fries'], nationality: 'MA' }),
  );
  assert.equal(r.category, 'niet-westers');
  assert.deepEqual(r.links, [{ source: 'nationaliteit', value: 'MA', group: 'niet-westers' }]);
  assert.deepEqual(r.unrecognised, ['fries']);
  // western self-report plus non-western nationality
  assert.equal(
    enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: ['duits'], nationality: 'MA' })).category,
    'niet-westers',
  );
  // Dutch nationality is no link
  assert.equal(
    enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: ['nederlands', 'fries'], nationality: 'NL' }))
      .category,
    'onbekend',
  );
});

test('Enschede: only Dutch reported but born abroad: linked through the birth country', () => {
  assert.equal(enschedeExtended(person('DE', 'NL', 'NL', { culturalBackgrounds: ['nederlands'] })).category, 'westers');
  assert.equal(enschedeExtended(person('ID', null, null, { culturalBackgrounds: ['nederlands'] })).category, 'westers');
  assert.equal(
    enschedeExtended(person('MA', null, null, { culturalBackgrounds: ['nederlands'] })).category,
    'niet-westers',
  );
  assert.equal(
    enschedeExtended(person('TR', null, null, { culturalBackgrounds: ['nederlands'] })).category,
    'niet-westers',
  );
});

test('Enschede: without an answer to the background question: unknown, even with foreign links', () => {
  const r = enschedeExtended(person('MA', 'MA', 'MA'));
  assert.equal(r.category, 'onbekend');
  assert.equal(r.links.length, 3);
  assert.equal(enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: [] })).category, 'onbekend');
  assert.equal(
    enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: null, nationality: 'MA' })).category,
    'onbekend',
  );
});

test('Enschede: other unknowns', () => {
  // only Dutch reported, own birth country unknown, no other link
  assert.equal(
    enschedeExtended(person(null, null, null, { culturalBackgrounds: ['nederlands'] })).category,
    'onbekend',
  );
  // own birth country unknown, but a self-reported link
  assert.equal(
    enschedeExtended(person(null, null, null, { culturalBackgrounds: ['marokkaans'] })).category,
    'niet-westers',
  );
  // lower-case country code: not recognised, no link
  const r = enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: ['tr'] }));
  assert.equal(r.category, 'onbekend');
  assert.deepEqual(r.unrecognised, ['tr']);
  // property names of plain objects are not background codes
  assert.deepEqual(enschedeExtended(person('NL', 'NL', 'NL', { culturalBackgrounds: ['constructor'] })).unrecognised, [
    'constructor',
  ]);
});

test('classifyAll: unknown parents and unknown own birth country', () => {
  assert.deepEqual(classifyAll(person('NL', null, null, { culturalBackgrounds: ['nederlands'] })), {
    cbsBefore2022: 'onbekend',
    cbsFrom2022: 'onbekend',
    enschede: 'geen',
  });
  assert.deepEqual(classifyAll(person(null, 'SR', 'SR', { culturalBackgrounds: ['surinaams'] })), {
    cbsBefore2022: 'onbekend',
    cbsFrom2022: 'onbekend',
    enschede: 'niet-westers',
  });
  assert.deepEqual(classifyAll(person('ID', 'NL', 'NL')), {
    cbsBefore2022: 'nederlands',
    cbsFrom2022: 'buiten-europa',
    enschede: 'onbekend',
  });
  assert.deepEqual(classifyAll({}), { cbsBefore2022: 'onbekend', cbsFrom2022: 'onbekend', enschede: 'onbekend' });
});
