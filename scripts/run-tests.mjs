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
const suites = [
  { name: 'unit', files: files('test/unit'), env: {} },
  {
    name: 'integration (PGlite)',
    group: 'integration',
    files: files('test/integration'),
    env: { KS_TEST_DB: 'pglite' },
  },
];
if (process.env.TEST_DATABASE_URL) {
  suites.push({
    name: 'integration (PostgreSQL-server)',
    group: 'integration',
    files: files('test/integration'),
    env: { KS_TEST_DB: 'postgres' },
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
suites.push({ name: 'browser (Chromium)', group: 'browser', files: files('test/browser'), env: {} });

// Two lanes side by side (the machine has two cores): the embedded-database work in one, the
// PostgreSQL-server suite and the browser in the other, whose time is largely spent waiting on
// another process (the server, Chromium). Each suite writes its own TAP log; its spec output is
// printed as a whole when it ends, so the two lanes never interleave. KS_TEST_LANES=1: one lane.
const lanes = Number(process.env.KS_TEST_LANES ?? 2);
const laneOf = (suite) => (lanes > 1 && /PostgreSQL-server|browser/.test(suite.name) ? 1 : 0);

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
await Promise.all(
  [0, 1].map(async (lane) => {
    for (const suite of chosen) if (laneOf(suite) === lane) await runSuite(suite, chosen.indexOf(suite));
  }),
);
console.log(`\ntests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(totals.fail > 0 ? 1 : 0);
