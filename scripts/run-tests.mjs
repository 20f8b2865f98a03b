#!/usr/bin/env node
// Runs every test: unit, integration (on PGlite, and on a PostgreSQL server when
// TEST_DATABASE_URL is set — required in CI), and browser tests in Chromium.
// Prints one closing line "tests: N passed, N failed, N skipped".
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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

const totals = { pass: 0, fail: 0, skipped: 0 };
for (const suite of suites) {
  if (only && (suite.group ?? suite.name) !== only) continue;
  if (suite.files.length === 0) continue;
  console.log(`\n=== ${suite.name}: ${suite.files.length} bestanden`);
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        '--test-reporter-destination=.test-tap.log',
        ...suite.files,
      ],
      { stdio: 'inherit', env: { ...process.env, ...suite.env } },
    );
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const { readFileSync } = await import('node:fs');
  const tap = readFileSync('.test-tap.log', 'utf8');
  for (const key of Object.keys(totals)) {
    const m = tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'));
    if (m) totals[key] += Number(m[1]);
  }
  if (code !== 0 && !/^# fail [1-9]/m.test(tap)) totals.fail += 1; // crashed outside a test
}
console.log(`\ntests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(totals.fail > 0 ? 1 : 0);
