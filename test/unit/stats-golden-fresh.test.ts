import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The expected values in test/fixtures/stats/expected.json come from R. Where R is installed
// (CI installs Debian's r-base-core), run the script again and require the same file, so the
// committed numbers can never drift from what R says.
const hasR = spawnSync('Rscript', ['--version']).status === 0;

for (const [script, committed] of [
  ['scripts/r/stats-golden.R', 'test/fixtures/stats/expected.json'],
  ['scripts/r/paired-golden.R', 'test/fixtures/paired/expected.json'],
  ['scripts/r/verdieping-golden.R', 'test/fixtures/verdieping/expected.json'],
]) {
  test(
    `${script}: the committed golden values are exactly what R produces now`,
    { skip: hasR ? false : 'Rscript not installed' },
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'ks-golden-'));
      try {
        const out = join(dir, 'expected.json');
        const run = spawnSync('Rscript', [script], { encoding: 'utf8', env: { ...process.env, GOLDEN_OUT: out } });
        assert.equal(run.status, 0, run.stderr);
        assert.equal(readFileSync(out, 'utf8'), readFileSync(committed, 'utf8'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
