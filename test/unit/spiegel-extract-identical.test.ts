import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSpiegel } from '../../src/spiegel-command.js';

// The expected files were written by the engine that read every row into an object (commit
// c8969aa, before the streaming reader); see test/fixtures/extract/README.md.
const DIR = 'test/fixtures/extract';
const cases = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as {
  name: string;
  file: string;
  strict?: boolean;
  args: string[];
}[];

test('the streaming extract reader gives byte-identical output to the earlier engine on every fixture case', async () => {
  const out = mkdtempSync(join(tmpdir(), 'ks-identical-'));
  const quiet = console.error;
  console.error = () => {};
  try {
    for (const c of cases) {
      const ext = c.args.includes('json') ? 'json' : 'csv';
      const target = join(out, `${c.name}.${ext}`);
      await runSpiegel(['--input', join(DIR, c.file), ...c.args, ...(c.strict ? ['--strict'] : []), '--out', target]);
      const expected = readFileSync(join(DIR, 'expected', `${c.name}.${ext}`));
      assert.ok(readFileSync(target).equals(expected), `${c.name}: output differs from expected/${c.name}.${ext}`);
    }
  } finally {
    console.error = quiet;
    rmSync(out, { recursive: true, force: true });
  }
});
