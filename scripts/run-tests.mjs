#!/usr/bin/env node
// Runs every test: unit, integration (on PGlite, and on a PostgreSQL server when
// TEST_DATABASE_URL is set — required in CI), and browser tests in Chromium.
// Prints one closing line "tests: N passed, N failed, N skipped".
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function files(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(files(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

const only = process.argv[2]; // optional: unit | integration | attack | browser
// `durations` names this suite's figures in scripts/test-durations.json: such a suite is cut into
// batches of about BATCH_SECONDS; the others run as one batch.
const suites = [
  { name: 'unit', files: files('test/unit'), env: {} },
  {
    name: 'integration (PGlite)',
    group: 'integration',
    files: files('test/integration'),
    env: { KS_TEST_DB: 'pglite' },
    durations: 'pglite',
  },
];
if (process.env.TEST_DATABASE_URL) {
  suites.push({
    name: 'integration (PostgreSQL-server)',
    group: 'integration',
    files: files('test/integration'),
    env: { KS_TEST_DB: 'postgres' },
    durations: 'postgres',
  });
} else if (process.env.CI) {
  console.error(
    'CI=true but TEST_DATABASE_URL is not set: the integration tests must also run on a PostgreSQL server.',
  );
  process.exit(1);
} else {
  console.log(
    'Let op: TEST_DATABASE_URL is niet gezet; integratietests alleen op PGlite. Zie scripts/start-test-postgres.sh.',
  );
}
// The disclosure attacks on the 6,000-client Demodam: once, on the embedded database.
suites.push({ name: 'attack (PGlite)', group: 'attack', files: files('test/attack'), env: { KS_TEST_DB: 'pglite' } });
suites.push({
  name: 'browser (Chromium)',
  group: 'browser',
  files: files('test/browser'),
  env: {},
  durations: 'browser',
});

// Two lanes side by side (the machine has two cores). The long suites are cut into batches of
// about equal length by the recorded seconds per file (scripts/test-durations.json); every lane
// takes the longest batch still waiting whenever it is free, so both lanes end at about the same
// time. Each batch writes its own TAP log; its spec output is printed as a whole when it ends, so
// the two lanes never interleave. KS_TEST_LANES=1: one lane.
const lanes = Math.max(1, Number(process.env.KS_TEST_LANES ?? 2));
const BATCH_SECONDS = 120;
const recorded = JSON.parse(readFileSync('scripts/test-durations.json', 'utf8'));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 30;
}

/** The suite as batches: the longest file first into the batch with the fewest seconds so far. */
function batchesOf(suite) {
  const known = recorded[suite.durations] ?? {};
  const fallback = median(Object.values(known));
  const seconds = (file) => known[file] ?? fallback;
  const total = suite.files.reduce((sum, f) => sum + seconds(f), 0);
  if (!suite.durations) return [{ ...suite, seconds: recorded.whole[suite.name] ?? total }];
  const count = Math.max(1, Math.min(suite.files.length, Math.round(total / BATCH_SECONDS)));
  const bins = Array.from({ length: count }, () => ({ files: [], seconds: 0 }));
  for (const file of [...suite.files].sort((a, b) => seconds(b) - seconds(a))) {
    const bin = bins.reduce((least, b) => (b.seconds < least.seconds ? b : least));
    bin.files.push(file);
    bin.seconds += seconds(file);
  }
  return bins.map((bin, i) => ({
    ...suite,
    name: count > 1 ? `${suite.name} ${i + 1}/${count}` : suite.name,
    files: bin.files.sort(),
    seconds: bin.seconds,
  }));
}

const totals = { pass: 0, fail: 0, skipped: 0 };
async function runSuite(suite, index) {
  const tapFile = `.test-tap.${index}.log`;
  const started = Date.now();
  const { code, output } = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tapFile}`,
        ...suite.files,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...suite.env } },
    );
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('exit', (c) => resolve({ code: c ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\n=== ${suite.name}: ${suite.files.length} bestanden, ${seconds} s\n${output}`);
  const tap = readFileSync(tapFile, 'utf8');
  appendFileSync('.test-tap.log', tap);
  for (const key of Object.keys(totals)) {
    const m = tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'));
    if (m) totals[key] += Number(m[1]);
  }
  if (code !== 0 && !/^# fail [1-9]/m.test(tap)) totals.fail += 1; // crashed outside a test
}

writeFileSync('.test-tap.log', '');
const chosen = suites.filter((s) => (!only || (s.group ?? s.name) === only) && s.files.length > 0);
const queue = chosen.flatMap(batchesOf).sort((a, b) => b.seconds - a.seconds);
const jobs = queue.map((job, index) => ({ job, index }));
if (process.env.KS_TEST_PLAN) {
  // Only print which lane would run which batch, by the recorded seconds; run nothing.
  const ends = Array.from({ length: lanes }, () => 0);
  for (const { job } of jobs) {
    const lane = ends.indexOf(Math.min(...ends));
    ends[lane] += job.seconds;
    console.log(`lane ${lane}: ${job.name} (${job.files.length} files, ~${job.seconds} s, ends ~${ends[lane]} s)`);
  }
  process.exit(0);
}
await Promise.all(
  Array.from({ length: lanes }, async () => {
    for (let next = jobs.shift(); next; next = jobs.shift()) await runSuite(next.job, next.index);
  }),
);
console.log(`\ntests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(totals.fail > 0 ? 1 : 0);
