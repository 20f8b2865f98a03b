import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENTITY_DEFS, parseDate, parseField } from '../../src/import/entities.js';
import { detectDelimiter, detectEncoding, openSource } from '../../src/import/read.js';
import { parseMapping, planColumns } from '../../src/import/mapping.js';

const field = (entity: keyof typeof ENTITY_DEFS, name: string) =>
  ENTITY_DEFS[entity].fields.find((f) => f.field === name)!;

test('dates in the forms municipal systems write them; impossible ones named as such', () => {
  assert.deepEqual(parseDate('2024-02-29'), { iso: '2024-02-29', valid: true });
  assert.deepEqual(parseDate('29-02-2023'), { iso: '2023-02-29', valid: false });
  assert.deepEqual(parseDate('5/3/1980'), { iso: '1980-03-05', valid: true });
  assert.deepEqual(parseDate('19800305'), { iso: '1980-03-05', valid: true });
  assert.equal(parseDate('gisteren'), null);
  const birth = field('clients', 'birth_date');
  assert.deepEqual(parseField(birth, '31-12-1979', '2026-01-01'), { value: '1979-12-31' });
  assert.match(
    (parseField(birth, '2027-01-01', '2026-01-01') as { problem: { reason: string } }).problem.reason,
    /toekomst/,
  );
  assert.equal(
    (parseField(birth, '1899-12-31', '2026-01-01') as { problem: { kind: string } }).problem.kind,
    'impossible_date',
  );
});

test('BSN: 11-proef, 8 digits padded; enums case-insensitive; decimal comma; yes/no words', () => {
  const bsn = field('clients', 'bsn');
  assert.deepEqual(parseField(bsn, '111222333', ''), { value: '111222333' });
  assert.equal((parseField(bsn, '111222334', '') as { problem: { field: string } }).problem.field, 'bsn');
  assert.deepEqual(parseField(field('clients', 'gender'), 'Vrouw', ''), { value: 'vrouw' });
  assert.deepEqual(parseField(field('clients', 'gender'), '', ''), { value: 'onbekend' });
  assert.deepEqual(parseField(field('work_periods', 'hours_per_week'), '24,5', ''), { value: 24.5 });
  assert.equal(
    (parseField(field('work_periods', 'hours_per_week'), '61', '') as { problem: { reason: string } }).problem.reason,
    'Hoogstens 60.',
  );
  assert.deepEqual(parseField(field('clients', 'doelgroepregister'), 'Ja', ''), { value: true });
  assert.equal(
    (parseField(field('clients', 'given_name'), 'a\u0000b', '') as { problem: { kind: string } }).problem.kind,
    'invalid',
  );
});

test('separator and encoding detection', () => {
  assert.equal(detectDelimiter('bsn;naam;"a,b,c"\n1;2;3'), ';');
  assert.equal(detectDelimiter('bsn,naam,"a;b;c"\n'), ',');
  assert.equal(detectEncoding(Buffer.from('Zoë', 'utf8')), 'utf-8');
  assert.equal(detectEncoding(Buffer.from([0x5a, 0x6f, 0xeb])), 'windows-1252'); // "Zoë" in Windows-1252
  // A multi-byte character cut at the end of the sample is still UTF-8.
  assert.equal(detectEncoding(Buffer.from('Zoë', 'utf8').subarray(0, 3), false), 'utf-8');
  assert.equal(detectEncoding(Buffer.from('Zoë', 'utf8').subarray(0, 3), true), 'windows-1252');
});

test('the CSV reader streams rows with their line numbers and reports unreadable ones', async () => {
  const skipped: number[] = [];
  async function* chunks() {
    yield Buffer.from('a;b\n1;2\n');
    yield Buffer.from('"3;4\n5;6\n');
  }
  const src = await openSource(chunks(), { onUnreadable: (u) => skipped.push(u.row) });
  const rows = [];
  for await (const r of src.rows) rows.push(r);
  assert.deepEqual(src.header, ['a', 'b']);
  assert.deepEqual(rows[0], { row: 2, cells: ['1', '2'] });
  assert.ok(rows.length + skipped.length >= 2, 'the broken quote is read leniently or reported, never lost silently');
});

test('mapping: unknown fields and missing required columns are named', () => {
  assert.throws(() => parseMapping({ clients: { columns: { X: 'geen_veld' } } }), /onbekend veld "geen_veld"/);
  assert.throws(() => parseMapping({ klanten: {} }), /Onbekend onderdeel "klanten"/);
  assert.throws(
    () => planColumns('clients', ['bsn', 'given_name']),
    /Verplichte velden zonder kolom: family_name, birth_date, team/,
  );
  const plan = planColumns('clients', ['BSN', 'Voornaam', 'family_name', 'birth_date', 'x'], {
    columns: { BSN: 'bsn', Voornaam: 'given_name' },
    defaults: { team: 'Team A' },
  });
  assert.equal(plan.index.get('team'), -1);
  assert.deepEqual(plan.ignored, ['x']);
});

test('a postcode is checked as the API checks it, and written the one way', () => {
  const postcode = field('clients', 'postcode');
  assert.deepEqual(parseField(postcode, '7511ab', '2026-01-01'), { value: '7511 AB' });
  assert.deepEqual(parseField(postcode, ' 7511  AB ', '2026-01-01'), { value: '7511 AB' });
  for (const bad of ['0511 AB', '751 AB', '7511 A', 'Enschede']) {
    assert.match(
      (parseField(postcode, bad, '2026-01-01') as { problem: { reason: string } }).problem.reason,
      /geen Nederlandse postcode/,
      bad,
    );
  }
});
