import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { COMMANDS, commandHelp, overview } from '../../src/cli-help.js';
import { SPIEGEL_OPTIONS } from '../../src/spiegel-command.js';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: '/nonexistent' },
  });

test('every command the command line runs is listed in the overview and has its own help', () => {
  // the commands are read from the dispatcher itself, so a new command without help fails here
  const source = readFileSync('src/cli.ts', 'utf8');
  const dispatched = [...source.matchAll(/case '([a-z-]+)':/g)].map((m) => m[1]).filter((c) => c !== 'help');
  for (const name of ['serve', 'init', 'spiegel', 'import', 'audit-verify', 'retention', 'backup', 'restore', 'demo'])
    assert.ok(dispatched.includes(name), `${name} is a command`);
  const text = overview();
  for (const name of dispatched) {
    assert.match(text, new RegExp(`^  ${name} +\\S`, 'm'), `${name} in the overview`);
    assert.match(commandHelp(name)!, /^Gebruik: kansenspiegel /, `${name} has help`);
  }
  assert.equal(COMMANDS.length, dispatched.length);
});

test('spiegel --help names every option the command accepts', () => {
  const help = commandHelp('spiegel')!;
  for (const option of Object.keys(SPIEGEL_OPTIONS)) assert.match(help, new RegExp(`--${option}\\b`), option);
});

test('kansenspiegel --help and kansenspiegel import --help answer without opening a database', () => {
  const all = cli('--help');
  assert.equal(all.status, 0, all.stderr);
  for (const name of ['serve', 'spiegel', 'import', 'audit-verify', 'retention', 'backup', 'restore', 'demo'])
    assert.match(all.stdout, new RegExp(`^  ${name} `, 'm'));
  const imp = cli('import', '--help');
  assert.equal(imp.status, 0, imp.stderr);
  assert.doesNotMatch(imp.stderr, /Unknown option/);
  assert.match(imp.stdout, /--entity E/);
  assert.match(imp.stdout, /--dry-run/);
  const init = cli('init', '--help');
  assert.equal(init.status, 0, init.stderr);
  for (const option of ['--gemeente', '--code', '--beheerder', '--naam']) assert.match(init.stdout, new RegExp(option));
  assert.match(init.stdout, /eenmalig wachtwoord/);
  assert.match(all.stdout, /^ {2}init /m);
  const backup = cli('help', 'backup');
  assert.equal(backup.status, 0);
  assert.match(backup.stdout, /--out BESTAND/);
  const wrong = cli('vliegen');
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /Onbekende opdracht "vliegen"/);
});
