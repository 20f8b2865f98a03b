import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMirrorExtract } from '../../src/import/mirror-extract.js';

test('an extract with ; and a bad row: the bad row is reported by line, field and reason, the rest kept', () => {
  const text = [
    'persoon;geslacht;leeftijd;migratieachtergrond;huishouden;doelgroepregister;voorziening;werkzaam_1m',
    'p1;vrouw;25;niet-westers;eenouder;nee;1;0',
    'p2;man;47;;alleenstaand;nee;0;1',
    'p3;vrouw;31;marsiaans;overig;ja;1;1',
    'p4;onbekend;abc;nederlands;overig;nee;2;0',
    'p1;man;30;westers;overig;nee;0;0',
  ].join('\n');
  const r = readMirrorExtract(text);
  assert.equal(r.delimiter, ';');
  assert.deepEqual(r.stages, ['voorziening', 'werkzaam_1m']);
  assert.equal(r.persons.length, 2);
  assert.deepEqual(r.persons[0].grounds, {
    geslacht: 'vrouw',
    leeftijd: 't/m 26',
    migratieachtergrond: 'niet-westers',
    huishouden: 'eenouder',
    doelgroepregister: 'nee',
  });
  assert.equal(r.persons[1].grounds.migratieachtergrond, null);
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
});

test('custom age bands and an extra ground named on the command line', () => {
  const text = 'persoon,leeftijd,wijk,plan\na,24,Centrum,1\nb,35,Noord,0\nc,52,,1\n';
  const r = readMirrorExtract(text, { ageBands: [25, 35, 50], extraGrounds: ['wijk'] });
  assert.deepEqual(
    r.persons.map((p) => p.grounds.leeftijd),
    ['t/m 24', '35-49', '50+'],
  );
  assert.deepEqual(r.grounds.find((g) => g.key === 'leeftijd')!.groups, ['t/m 24', '25-34', '35-49', '50+']);
  assert.deepEqual(r.grounds.find((g) => g.key === 'wijk')!.groups, ['Centrum', 'Noord']);
  assert.equal(r.persons[2].grounds.wijk, null);
});

test('a missing persoon column is a clear error', () => {
  assert.throws(() => readMirrorExtract('id,geslacht\n1,man\n'), {
    message: 'Kolom "persoon" ontbreekt in de kopregel.',
  });
});
