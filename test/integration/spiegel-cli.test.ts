import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSV_COLUMNS } from '../../src/mirror/report-csv.js';

// The extract: 60 women of whom 30 got an instrument and 12 worked a month; 40 men of whom 10
// got an instrument and 12 worked a month; plus two rows with a value that is not understood (an
// age of 999, a gender "onzin"). With --strict those two rows are left out (the hand-calculated
// figures below); by default the two people count, with that one ground unknown.
const EXTRACT = 'test/fixtures/extract/gemeente-extract.csv';

function kansenspiegel(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'spiegel', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: '/nonexistent' },
  });
}

test('spiegel --input --format csv: the documented columns and hand-calculated values', () => {
  const run = kansenspiegel('--input', EXTRACT, '--format', 'csv', '--ground', 'geslacht', '--strict');
  assert.equal(run.status, 0, run.stderr);
  const [header, ...lines] = run.stdout.trim().split('\n');
  assert.equal(header, CSV_COLUMNS.join(','));
  assert.equal(
    header,
    'kenmerk,groep,fase,n_populatie,n_fase,aandeel_populatie,aandeel_fase,verschil_pp,kans,kans_onder,kans_boven,ratio,ratio_onder,ratio_boven,p,p_bh,onderdrukt',
  );
  const row = Object.fromEntries(
    lines
      .map((l) => l.split(','))
      .filter((f) => f[1] === 'vrouw' && f[2] === 'voorziening')
      .map((f) => f.map((v, i) => [CSV_COLUMNS[i], v]))[0],
  );
  // women: 60 of 100 people (60%), 30 of 40 with an instrument (75%): +15 points;
  // rate 30/60 = 50% against 10/40 = 25% for men: ratio 2.
  assert.equal(row.n_populatie, '60');
  assert.equal(row.n_fase, '30');
  assert.equal(Number(row.aandeel_populatie), 60);
  assert.equal(Number(row.aandeel_fase), 75);
  assert.ok(Math.abs(Number(row.verschil_pp) - 15) < 1e-9);
  assert.equal(Number(row.kans), 50);
  assert.ok(Math.abs(Number(row.ratio) - 2) < 1e-12);
  assert.equal(row.onderdrukt, 'nee');
  // Wilson 95% for 30/60 by hand: (0.5 + 1.92/60 ± 1.96·sqrt(0.25/60 + 3.8415/14400)) / (1 + 3.8415/60) = 37.7% … 62.3%
  assert.ok(Math.abs(Number(row.kans_onder) - 37.7) < 0.05 && Math.abs(Number(row.kans_boven) - 62.3) < 0.05);
  // the unknown-gender group is absent (the bad row was left out), so no "onbekend" counts appear
  assert.match(run.stderr, /regel 102, leeftijd: "999" is geen leeftijd in hele jaren \(15–70\)/);
  assert.match(run.stderr, /regel 103, geslacht: onbekende waarde "onzin"/);
  assert.match(run.stderr, /2 fout\(en\); 100 regels meegeteld\./);
});

test('small numbers are suppressed in the CSV: 12 of 40 men and 12 of 60 women worked, fine; a threshold of 13 hides both', () => {
  const run = kansenspiegel(
    '--input',
    EXTRACT,
    '--format',
    'csv',
    '--ground',
    'geslacht',
    '--threshold',
    '13',
    '--strict',
  );
  assert.equal(run.status, 0, run.stderr);
  const rows = run.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const work = rows.filter((f) => f[2] === 'werkzaam_1m' && (f[1] === 'vrouw' || f[1] === 'man'));
  assert.deepEqual(
    work.map((f) => [f[1], f[4], f[16]]),
    [
      ['vrouw', '', 'klein-aantal'],
      ['man', '', 'klein-aantal'],
    ],
  );
});

test('spiegel --format html writes a self-contained report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ks-cli-'));
  try {
    const out = join(dir, 'spiegel.html');
    const run = kansenspiegel('--input', EXTRACT, '--format', 'html', '--out', out, '--ground', 'geslacht,leeftijd');
    assert.equal(run.status, 0, run.stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html><html lang="nl">/);
    assert.match(html, /Het verhaal achter de cijfers/);
    assert.match(html, /<svg role="img"/);
    assert.doesNotMatch(html, /<script|<link |src="http/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a wrong option gives a clear message and exit code 1', () => {
  const run = kansenspiegel('--input', EXTRACT, '--format', 'pdf');
  assert.equal(run.status, 1);
  assert.match(run.stderr, /--format "pdf": kies html, csv of json\./);
});

test('spiegel --protect: the same protection as the server, for publication — counts in fives, small cells hidden, figures from the published counts', () => {
  const run = kansenspiegel('--input', EXTRACT, '--format', 'csv', '--ground', 'geslacht', '--protect', '--strict');
  assert.equal(run.status, 0, run.stderr);
  const rows = run.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Object.fromEntries(l.split(',').map((v, i) => [CSV_COLUMNS[i], v])));
  const counts = rows.flatMap((r) => [r.n_populatie, r.n_fase]).filter((v) => v !== '');
  assert.ok(counts.length > 10);
  for (const v of counts) assert.equal(Number(v) % 5, 0, `count ${v} is a multiple of 5`);
  // women: 60 of 100 (a multiple of 5 already, so exactly 60); the rate is the published stage count over 60
  const women = rows.find((r) => r.groep === 'vrouw' && r.fase === 'voorziening')!;
  assert.equal(women.n_populatie, '60');
  assert.equal(Number(women.kans), (100 * Number(women.n_fase)) / 60);
  // the same command twice gives the same numbers (keys are fixed per person)
  assert.equal(
    kansenspiegel('--input', EXTRACT, '--format', 'csv', '--ground', 'geslacht', '--protect', '--strict').stdout,
    run.stdout,
  );
  // a free period is refused with --protect (whole years, quarters and months only)
  const free = kansenspiegel('--input', EXTRACT, '--format', 'csv', '--protect', '--period', '2025-01-01..2025-01-02');
  assert.notEqual(free.status, 0);
  assert.match(free.stderr, /--period .*heel jaar/);
});

test('by default a value that is not understood makes only that ground unknown: both people still count, with a warning per value', () => {
  const run = kansenspiegel('--input', EXTRACT, '--format', 'csv', '--ground', 'geslacht');
  assert.equal(run.status, 0, run.stderr);
  const rows = run.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Object.fromEntries(l.split(',').map((v, i) => [CSV_COLUMNS[i], v])));
  // x1 (age 999) is a woman with an instrument: 61 women of 102 people, 31 of the 42 with an instrument
  const women = rows.find((r) => r.groep === 'vrouw' && r.fase === 'voorziening')!;
  assert.equal(women.n_populatie, '61');
  assert.equal(women.n_fase, '31');
  assert.ok(Math.abs(Number(women.aandeel_populatie) - (100 * 61) / 102) < 1e-9);
  assert.ok(Math.abs(Number(women.aandeel_fase) - (100 * 31) / 42) < 1e-9);
  assert.ok(Math.abs(Number(women.kans) - (100 * 31) / 61) < 1e-9);
  // x2 ("onzin") is the one person of unknown gender: a cell of 1, hidden
  const unknown = rows.find((r) => r.groep === 'onbekend' && r.fase === 'voorziening')!;
  assert.equal(unknown.onderdrukt, 'klein-aantal');
  assert.match(
    run.stderr,
    /waarschuwing: leeftijd "999" niet herkend; 1 keer als onbekend geteld \(eerst op regel 102\)/,
  );
  assert.match(
    run.stderr,
    /waarschuwing: geslacht "onzin" niet herkend; 1 keer als onbekend geteld \(eerst op regel 103\)/,
  );
  assert.doesNotMatch(run.stderr, /fout\(en\)/);
});

test('spiegel --input --adjusted: the adjusted comparison on an extract', () => {
  const run = kansenspiegel(
    '--input',
    EXTRACT,
    '--format',
    'json',
    '--ground',
    'geslacht',
    '--adjusted',
    'voorziening',
    '--covariates',
    'leeftijd',
    '--strict',
  );
  assert.equal(run.status, 0, run.stderr);
  const r = JSON.parse(run.stdout);
  assert.equal(r.ground, 'geslacht');
  assert.equal(r.reference, 'man');
  assert.equal(r.used, 100);
  const women = r.rows.find((x: { group: string }) => x.group === 'vrouw');
  // crude odds ratio by hand: (30/30) / (10/30) = 3
  assert.ok(Math.abs(women.crude.oddsRatio - 3) < 1e-6, String(women.crude.oddsRatio));
  const bad = kansenspiegel('--input', EXTRACT, '--ground', 'geslacht', '--adjusted', 'vliegen');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--adjusted "vliegen": kies een fase uit voorziening, werkzaam_1m/);
});
