import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTRIES, countryName, isKnownCountry, lookupCountry } from '../../src/domain/countries.js';

// ISO 3166-1 alpha-2, all 249 officially assigned codes, written out.
const ISO_3166_1 = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO
JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`
  .trim()
  .split(/\s+/);

test('the list holds every ISO 3166-1 code, plus XK and five historic codes', () => {
  assert.equal(ISO_3166_1.length, 249);
  for (const code of ISO_3166_1) assert.ok(isKnownCountry(code), code);
  const current = [...COUNTRIES.values()]
    .filter((c) => !c.historic)
    .map((c) => c.code)
    .sort();
  assert.deepEqual(current, [...ISO_3166_1, 'XK'].sort());
  const historic = [...COUNTRIES.values()]
    .filter((c) => c.historic)
    .map((c) => c.code)
    .sort();
  assert.deepEqual(historic, ['AN', 'CS', 'DD', 'SU', 'YU']);
  for (const c of COUNTRIES.values()) {
    assert.match(c.code, /^[A-Z]{2}$/);
    assert.ok(c.name.length > 0, c.code);
  }
});

test('every country has both classifications; only Antarctica is not placed by either definition', () => {
  const unplaced: string[] = [];
  for (const c of COUNTRIES.values()) {
    assert.ok(c.cbsBefore2022 !== undefined && c.cbsFrom2022 !== undefined, c.code);
    if (c.cbsBefore2022 === null || c.cbsFrom2022 === null) {
      unplaced.push(c.code);
      assert.ok(c.note, `${c.code} is unplaced and must say why`);
      continue;
    }
    assert.ok(['nederlands', 'westers', 'niet-westers'].includes(c.cbsBefore2022), c.code);
    assert.ok(['nederland', 'europa', 'buiten-europa'].includes(c.cbsFrom2022), c.code);
  }
  assert.deepEqual(unplaced, ['AQ']);
});

test('CBS until 2022, per the definition: Europe except Turkey, North America, Oceania, Indonesia and Japan are western', () => {
  for (const c of COUNTRIES.values()) {
    if (c.code === 'NL' || c.region === 'Antarctica') continue;
    const western =
      (c.region === 'Europa' && c.code !== 'TR') ||
      c.region === 'Noord-Amerika' ||
      c.region === 'Oceanië' ||
      c.code === 'ID' ||
      c.code === 'JP';
    assert.equal(c.cbsBefore2022, western ? 'westers' : 'niet-westers', c.code);
  }
});

test('CBS from 2022, per the definition: Europe excluding the Netherlands versus outside Europe', () => {
  for (const c of COUNTRIES.values()) {
    if (c.code === 'NL' || c.region === 'Antarctica') continue;
    assert.equal(c.cbsFrom2022, c.region === 'Europa' ? 'europa' : 'buiten-europa', c.code);
  }
});

test('named cases from the CBS texts', () => {
  const both = (code: string) => {
    const c = lookupCountry(code);
    return c === null ? null : [c.cbsBefore2022, c.cbsFrom2022];
  };
  assert.deepEqual(both('NL'), ['nederlands', 'nederland']);
  assert.deepEqual(both('TR'), ['niet-westers', 'buiten-europa']);
  assert.deepEqual(both('ID'), ['westers', 'buiten-europa']);
  assert.deepEqual(both('JP'), ['westers', 'buiten-europa']);
  assert.deepEqual(both('MA'), ['niet-westers', 'buiten-europa']);
  assert.deepEqual(both('SR'), ['niet-westers', 'buiten-europa']);
  for (const caribbean of ['AW', 'CW', 'SX', 'BQ', 'AN'])
    assert.deepEqual(both(caribbean), ['niet-westers', 'buiten-europa'], caribbean);
  assert.deepEqual(both('DE'), ['westers', 'europa']);
  assert.deepEqual(both('US'), ['westers', 'buiten-europa']);
  assert.deepEqual(both('AU'), ['westers', 'buiten-europa']);
  assert.deepEqual(both('BR'), ['niet-westers', 'buiten-europa']);
  assert.deepEqual(both('SY'), ['niet-westers', 'buiten-europa']);
});

test('placements that CBS does not spell out are as documented, each with a note', () => {
  const placed = (code: string) => [lookupCountry(code)?.cbsBefore2022, lookupCountry(code)?.cbsFrom2022];
  assert.deepEqual(placed('CY'), ['westers', 'europa']);
  assert.deepEqual(placed('RU'), ['westers', 'europa']);
  assert.deepEqual(placed('SU'), ['westers', 'europa']);
  for (const caucasus of ['AM', 'AZ', 'GE'])
    assert.deepEqual(placed(caucasus), ['niet-westers', 'buiten-europa'], caucasus);
  assert.deepEqual(placed('KZ'), ['niet-westers', 'buiten-europa']);
  assert.deepEqual(placed('GL'), ['westers', 'buiten-europa']);
  for (const code of ['CY', 'RU', 'SU', 'AM', 'AZ', 'GE', 'KZ', 'GL', 'BQ', 'XK'])
    assert.ok(lookupCountry(code)?.note, code);
});

test('lookups match codes exactly: upper case, two letters', () => {
  assert.equal(countryName('MA'), 'Marokko');
  assert.equal(countryName('NL'), 'Nederland');
  assert.equal(countryName('TR'), 'Turkije');
  assert.equal(countryName('AN'), 'Nederlandse Antillen');
  assert.equal(countryName('ma'), null);
  assert.equal(countryName('MAR'), null);
  assert.equal(countryName(' MA'), null);
  assert.equal(countryName('ZZ'), null);
  assert.equal(isKnownCountry('NL'), true);
  assert.equal(isKnownCountry('nl'), false);
  assert.equal(isKnownCountry(''), false);
  assert.equal(isKnownCountry('constructor'), false);
  assert.equal(lookupCountry(null), null);
  assert.equal(lookupCountry(undefined), null);
});
