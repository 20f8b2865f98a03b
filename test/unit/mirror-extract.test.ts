import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readMirrorExtract } from '../../src/import/mirror-extract.js';
import { parseExtractMapping } from '../../src/import/extract-mapping.js';
import { countGroups, type PersonTable } from '../../src/mirror/person-table.js';

/** People per group of one ground, unknown included, as { group: count } without empty groups. */
function tally(table: PersonTable, ground: string): Record<string, number> {
  return Object.fromEntries(
    countGroups(table, [ground])
      .filter((c) => c.population > 0)
      .map((c) => [c.groups[0], c.population]),
  );
}

const MIXED = [
  'persoon;geslacht;leeftijd;migratieachtergrond;huishouden;doelgroepregister;voorziening;werkzaam_1m',
  'p1;vrouw;25;niet-westers;eenouder;nee;1;0',
  'p2;man;47;;alleenstaand;nee;0;1',
  'p3;vrouw;31;marsiaans;overig;ja;1;1',
  'p4;onbekend;abc;nederlands;overig;nee;2;0',
  'p1;man;30;westers;overig;nee;0;0',
].join('\n');

test('an unknown value makes only that ground "onbekend" for that person; a bad stage or a repeated id still leaves the row out', () => {
  const r = readMirrorExtract(MIXED);
  assert.equal(r.delimiter, ';');
  assert.deepEqual(r.stages, ['voorziening', 'werkzaam_1m']);
  // p1, p2 and p3 are counted; p3 with an unknown migration background but still as a woman of 27-44
  assert.equal(r.table.size, 3);
  assert.deepEqual(tally(r.table, 'migratieachtergrond'), { onbekend: 2, 'niet-westers': 1 });
  assert.deepEqual(tally(r.table, 'geslacht'), { vrouw: 2, man: 1 });
  assert.deepEqual(tally(r.table, 'leeftijd'), { 't/m 26': 1, '27-44': 1, '45+': 1 });
  assert.deepEqual(tally(r.table, 'huishouden'), { eenouder: 1, alleenstaand: 1, overig: 1 });
  assert.deepEqual(r.warnings, [{ field: 'migratieachtergrond', value: 'marsiaans', count: 1, firstRow: 4 }]);
  assert.deepEqual(r.errors, [
    { row: 5, field: 'voorziening', reason: '"2" is geen 0 of 1' },
    { row: 6, field: 'persoon', reason: 'komt al voor op regel 2' },
  ]);
  assert.equal(r.rejectedRows, 2);
});

test('--strict keeps the earlier rule: a row with an unknown value is left out with its line, field and reason', () => {
  const r = readMirrorExtract(MIXED, { strict: true });
  assert.equal(r.table.size, 2);
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(r.errors, [
    {
      row: 4,
      field: 'migratieachtergrond',
      reason: 'onbekende waarde "marsiaans"; toegestaan: nederlands, westers, niet-westers, onbekend of leeg',
    },
    { row: 5, field: 'leeftijd', reason: '"abc" is geen leeftijd in hele jaren (15–70)' },
    { row: 5, field: 'voorziening', reason: '"2" is geen 0 of 1' },
    { row: 6, field: 'persoon', reason: 'komt al voor op regel 2' },
  ]);
  assert.equal(r.rejectedRows, 3);
});

test('an extract with CBS household labels mirrors every row; couples without word of children form one group "paar"', () => {
  const text = [
    'persoon,geslacht,leeftijd,huishouden,plan',
    'a,V,26 jaar of jonger,eenpersoons,1',
    'b,M,30,Eenpersoonshuishouden,0',
    'c,vrouwen,50,paar,1',
    'd,mannen,45 tot AOW-leeftijd,(on)gehuwde paren,1',
    'e,vrouw,40,eenouder,0',
    'f,vrouw,41,Eenouderhuishouden,1',
    'g,man,22,paar met kinderen,1',
    'h,man,60,Overig/institutioneel/onbekend,0',
    'i,vrouw,33,paar_zonder_kinderen,0',
  ].join('\n');
  const r = readMirrorExtract(text);
  assert.equal(r.table.size, 9);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(r.grounds.find((g) => g.key === 'huishouden')!.groups, [
    'alleenstaand',
    'eenouder',
    'paar',
    'overig',
  ]);
  // by hand: a, b alone; e, f single parents; c, d, g, i couples; h other
  assert.deepEqual(tally(r.table, 'huishouden'), { alleenstaand: 2, eenouder: 2, paar: 4, overig: 1 });
  assert.deepEqual(tally(r.table, 'geslacht'), { vrouw: 5, man: 4 });
  assert.deepEqual(tally(r.table, 'leeftijd'), { 't/m 26': 2, '27-44': 4, '45+': 3 });
});

test('an unknown household value: that ground unknown, the other grounds counted, a warning per value with its count', () => {
  const text = [
    'persoon;geslacht;huishouden;plan',
    '1;vrouw;woongroep;1',
    '2;vrouw;woongroep;0',
    '3;man;paar met kinderen;1',
    '4;man;kamerbewoner;1',
  ].join('\n');
  const r = readMirrorExtract(text);
  assert.equal(r.table.size, 4);
  assert.deepEqual(tally(r.table, 'huishouden'), { onbekend: 3, paar_met_kinderen: 1 });
  assert.deepEqual(tally(r.table, 'geslacht'), { vrouw: 2, man: 2 });
  assert.deepEqual(r.warnings, [
    { field: 'huishouden', value: 'woongroep', count: 2, firstRow: 2 },
    { field: 'huishouden', value: 'kamerbewoner', count: 1, firstRow: 5 },
  ]);
  // the household codes of a normal extract stay the mirror's five groups
  assert.equal(r.grounds.find((g) => g.key === 'huishouden')!.groups.length, 5);
});

test('a mapping file in the import format: own column names, recoded values and a default', () => {
  const mapping = parseExtractMapping({
    delimiter: ';',
    extract: {
      columns: { BSN_PSEUDO: 'persoon', GESL: 'geslacht', HH: 'huishouden', TRAJECT: 'plan' },
      values: { geslacht: { '1': 'man', '2': 'vrouw' }, huishouden: { E: 'eenpersoons', P: 'paar', X: 'woonwagen' } },
      defaults: { doelgroepregister: 'nee' },
    },
  });
  const text = 'BSN_PSEUDO;GESL;HH;TRAJECT\nx1;1;E;1\nx2;2;P;0\nx3;2;X;1\n';
  const r = readMirrorExtract(text, { mapping });
  assert.equal(r.table.size, 3);
  assert.deepEqual(tally(r.table, 'geslacht'), { man: 1, vrouw: 2 });
  assert.deepEqual(tally(r.table, 'huishouden'), { onbekend: 1, alleenstaand: 1, paar: 1 });
  assert.deepEqual(tally(r.table, 'doelgroepregister'), { nee: 3 });
  assert.deepEqual(r.warnings, [{ field: 'huishouden', value: 'X', count: 1, firstRow: 4 }]);
  assert.throws(() => parseExtractMapping({ extract: { columns: { A: 'postcode' } } }), /onbekend veld "postcode"/);
  assert.throws(() => parseExtractMapping({ clients: {} }), /Onbekend onderdeel "clients"/);
});

test('custom age bands and an extra ground named on the command line, with quoted values', () => {
  const text = 'persoon,leeftijd,wijk,plan\na,24,Centrum,1\nb,35,"Noord, ""oud""",0\nc,52,,1\n';
  const r = readMirrorExtract(text, { ageBands: [25, 35, 50], extraGrounds: ['wijk'] });
  assert.deepEqual(tally(r.table, 'leeftijd'), { 't/m 24': 1, '35-49': 1, '50+': 1 });
  assert.deepEqual(r.grounds.find((g) => g.key === 'leeftijd')!.groups, ['t/m 24', '25-34', '35-49', '50+']);
  assert.deepEqual(r.grounds.find((g) => g.key === 'wijk')!.groups, ['Centrum', 'Noord, "oud"']);
  assert.deepEqual(tally(r.table, 'wijk'), { onbekend: 1, Centrum: 1, 'Noord, "oud"': 1 });
});

test('records cut by the chunk boundary: a 16-byte chunk reads the large fixture exactly as a 1 MB chunk', () => {
  const bytes = readFileSync('test/fixtures/extract/gemeente-extract-groot.csv');
  const big = readMirrorExtract(bytes, { extraGrounds: ['wijk'] });
  const small = readMirrorExtract(bytes, { extraGrounds: ['wijk'] }, 16);
  assert.equal(big.table.size, 2400);
  assert.equal(small.table.size, 2400);
  assert.deepEqual(small.errors, big.errors);
  assert.equal(big.errors.length, 3);
  for (const g of ['geslacht', 'leeftijd', 'migratieachtergrond', 'huishouden', 'doelgroepregister', 'wijk'])
    assert.deepEqual(countGroups(small.table, [g]), countGroups(big.table, [g]));
  assert.deepEqual(big.grounds.find((g) => g.key === 'wijk')!.groups, [
    'Centrum',
    'Noord',
    'Oost, buiten',
    'West',
    'Zuid',
  ]);
});

test('a missing persoon column is a clear error', () => {
  assert.throws(() => readMirrorExtract('id,geslacht\n1,man\n'), {
    message: 'Kolom "persoon" ontbreekt in de kopregel.',
  });
});

test('counting into the cross-classification (counts only) gives the same people per group and stage as rows', () => {
  // Seven people counted by hand: women 18/25/31 (stage voorziening reached by 18 and 31),
  // men 47/30 (voorziening by 30), "anders" 60 with voorziening, and one of unknown gender, 22.
  const text = [
    'persoon;geslacht;leeftijd;huishouden;voorziening;werkzaam_1m',
    'a;vrouw;18;paar;1;0',
    'b;vrouw;25;alleenstaand;0;0',
    'c;vrouw;31;alleenstaand;1;1',
    'd;man;47;eenouder;0;1',
    'e;man;30;paar_met_kinderen;1;0',
    'f;anders;60;overig;1;1',
    'g;;22;;0;0',
  ].join('\n');
  const cube = readMirrorExtract(text, { countsOnly: true });
  const rows = readMirrorExtract(text);
  assert.ok(cube.table.cube, 'the counts-only reading keeps a cube');
  assert.equal(rows.table.cube, undefined);
  for (const r of [cube, rows]) {
    assert.equal(r.table.size, 7);
    const cells = countGroups(r.table, ['geslacht', 'leeftijd']).filter((c) => c.population > 0);
    const byGroup = Object.fromEntries(cells.map((c) => [c.groups.join('/'), [c.population, ...c.reached]]));
    assert.deepEqual(byGroup, {
      'vrouw/t/m 26': [2, 1, 0],
      'vrouw/27-44': [1, 1, 1],
      'man/27-44': [1, 1, 0],
      'man/45+': [1, 0, 1],
      'anders/45+': [1, 1, 1],
      'onbekend/t/m 26': [1, 0, 0],
    });
    // a couple without word of children: CBS's four household groups, both couples as "paar"
    assert.deepEqual(tally(r.table, 'huishouden'), { onbekend: 1, alleenstaand: 2, eenouder: 1, paar: 2, overig: 1 });
    // the rows, as the adjusted comparison reads them: per person gender, age band and stages
    const t = r.table;
    const people = Array.from(
      { length: t.size },
      (_, i) =>
        ['geslacht', 'leeftijd'].map((k) => t.grounds.get(k)!.codes[i]).join('') + t.distinctMasks[t.maskIds[i]],
    );
    // codes: vrouw 1, man 2, anders 3, unknown 0; t/m 26 1, 27-44 2, 45+ 3; stage set: voorziening 1 + werkzaam_1m 2
    assert.deepEqual(people.sort(), ['010', '110', '111', '123', '221', '232', '333']);
  }
});

test('repeated ids in a sorted extract and after the order breaks: the same lines and reasons either way', () => {
  // Lines 2-5 come in order (p8 < p9 < p10 < p11: shorter first, then by bytes); line 6 repeats
  // p11 (equal to the last, so it is looked up); line 7 has a bad stage, so p12 is not counted
  // and line 8 may use it; line 9 breaks the order (p2) and line 10 repeats p9 of line 3.
  const text = [
    'persoon;geslacht;plan',
    'p8;man;1',
    'p9;vrouw;0',
    'p10;vrouw;1',
    'p11;man;0',
    'p11;vrouw;1',
    'p12;man;7',
    'p12;man;1',
    'p2;vrouw;1',
    'p9;man;1',
    'p13;man;0',
  ].join('\n');
  const expectedErrors = [
    { row: 6, field: 'persoon', reason: 'komt al voor op regel 5' },
    { row: 7, field: 'plan', reason: '"7" is geen 0 of 1' },
    { row: 10, field: 'persoon', reason: 'komt al voor op regel 3' },
  ];
  // men p8, p11, p12, p13 (plan: p8, p12); women p9, p10, p2 (plan: p10, p2)
  const expectedCounts = { man: [4, 2], vrouw: [3, 2] };
  const byGender = (r: ReturnType<typeof readMirrorExtract>) =>
    Object.fromEntries(
      countGroups(r.table, ['geslacht'])
        .filter((c) => c.population > 0)
        .map((c) => [c.groups[0], [c.population, ...c.reached]]),
    );
  for (const countsOnly of [true, false]) {
    const r = readMirrorExtract(text, { countsOnly });
    assert.deepEqual(r.errors, expectedErrors);
    assert.equal(r.rejectedRows, 3);
    assert.deepEqual(byGender(r), expectedCounts);
  }
  // the same rows in reverse order (never sorted): the repeats are now the earlier lines' ids
  const lines = text.split('\n');
  const reversed = readMirrorExtract([lines[0], ...lines.slice(1).reverse()].join('\n'), { countsOnly: true });
  // line 6 (p12 with the bad stage) now comes after the counted p12 of line 5: both errors
  assert.deepEqual(reversed.errors, [
    { row: 6, field: 'persoon', reason: 'komt al voor op regel 5' },
    { row: 6, field: 'plan', reason: '"7" is geen 0 of 1' },
    { row: 8, field: 'persoon', reason: 'komt al voor op regel 7' },
    { row: 10, field: 'persoon', reason: 'komt al voor op regel 3' },
  ]);
  // counted now: men p13, p9 (line 3), p12 (line 5), p8 (plan: all but p13); women p2, p11 (line 7), p10 (plan: all)
  assert.deepEqual(byGender(reversed), { man: [4, 3], vrouw: [3, 3] });
});

test('an empty line right after a record with doubled quotes is skipped like any empty line', () => {
  const r = readMirrorExtract('persoon;geslacht;plan\n"p""1";man;1\n\np2;vrouw;0\n   \np3;man;1\n');
  assert.deepEqual(r.errors, []);
  assert.equal(r.table.size, 3);
});
