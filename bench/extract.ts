// Benchmark: a person-level extract → the full mirror CSV (5 grounds + all 10 pairs), by
// `kansenspiegel spiegel --input`, next to DuckDB (read_csv + GROUPING SETS) on the same file in
// the same run, and the peak memory of the reader for two file sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { EXTRACT_BENCH_STAGES, writeSyntheticExtract } from './extract-file.js';

const SIZE = Number(process.env.BENCH_EXTRACT_PEOPLE ?? 500_000);
const SMALL = Math.round(SIZE / 5);
const RUNS = Number(process.env.BENCH_EXTRACT_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const GROUNDS = ['geslacht', 'leeftijd', 'migratieachtergrond', 'huishouden', 'doelgroepregister'];

/**
 * The command line as a user runs it: the built one (npm run build) when there is one, else through
 * tsx. BENCH_EXTRACT_CLI names another build's cli.js (for example an older commit's, for "before").
 */
function cliCommand(): { args: string[]; label: string } {
  const other = process.env.BENCH_EXTRACT_CLI;
  if (other) return { args: [other], label: other };
  if (existsSync('dist/src/cli.js')) return { args: ['dist/src/cli.js'], label: 'dist/src/cli.js' };
  return { args: ['--import', 'tsx', 'src/cli.ts'], label: 'src/cli.ts via tsx (geen build gevonden)' };
}

interface CliRun {
  wall: number;
  /** Processor time (user + system) and peak memory of the command, when /usr/bin/time is there. */
  cpu: number | null;
  maxRssMb: number | null;
}

/**
 * Runs a command RUNS times as a new process, timed from spawn to exit, under /usr/bin/time for
 * processor time and peak memory when it is there; the median by wall time.
 */
function timeCommand(command: string[]): CliRun {
  const gnuTime = existsSync('/usr/bin/time');
  const runs: CliRun[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const run = spawnSync(
      gnuTime ? '/usr/bin/time' : command[0],
      gnuTime ? ['-f', 'TIME %U %S %M', ...command] : command.slice(1),
      { encoding: 'utf8', env: { ...process.env, DATA_DIR: join(tmpdir(), 'ks-bench-none') } },
    );
    const wall = performance.now() - t;
    if (run.status !== 0) throw new Error(run.stderr);
    const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr);
    runs.push({
      wall,
      cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : null,
      maxRssMb: m ? Number(m[3]) / 1024 : null,
    });
  }
  return runs.sort((x, y) => x.wall - y.wall)[Math.floor(runs.length / 2)];
}

/** Our command as a user runs it. */
function timeCli(file: string, out: string): CliRun {
  const { args } = cliCommand();
  return timeCommand([
    process.execPath,
    ...args,
    'spiegel',
    '--input',
    file,
    '--format',
    'csv',
    '--intersections',
    '--out',
    out,
  ]);
}

/** DuckDB as a command: a new Node process that loads DuckDB, runs the same query and writes the groups as CSV. */
function timeDuckDbCommand(file: string, out: string): CliRun {
  return timeCommand([
    process.execPath,
    fileURLToPath(new URL('./duckdb-extract.mjs', import.meta.url)),
    duckSql(file),
    out,
  ]);
}

/** The same counts in SQL: every ground and every pair of grounds, people and stages reached per group. */
function duckSql(file: string): string {
  const columns = [
    `'persoon': 'VARCHAR'`,
    ...GROUNDS.map((g) => `'${g}': '${g === 'leeftijd' ? 'INTEGER' : 'VARCHAR'}'`),
    ...EXTRACT_BENCH_STAGES.map((st) => `'${st}': 'INTEGER'`),
  ].join(', ');
  const age = `CASE WHEN leeftijd < 27 THEN 't/m 26' WHEN leeftijd < 45 THEN '27-44' WHEN leeftijd IS NOT NULL THEN '45+' END AS leeftijd`;
  const pairs: string[] = [];
  for (let i = 0; i < GROUNDS.length; i++)
    for (let j = i + 1; j < GROUNDS.length; j++) pairs.push(`(${GROUNDS[i]}, ${GROUNDS[j]})`);
  const sets = [...GROUNDS.map((g) => `(${g})`), ...pairs].join(', ');
  return (
    `WITH t AS (SELECT geslacht, ${age}, migratieachtergrond, huishouden, doelgroepregister, ${EXTRACT_BENCH_STAGES.join(', ')} ` +
    `FROM read_csv('${file}', delim = ';', header = true, columns = {${columns}})) ` +
    `SELECT ${GROUNDS.join(', ')}, count(*), ${EXTRACT_BENCH_STAGES.map((st) => `sum(${st})`).join(', ')} ` +
    `FROM t GROUP BY GROUPING SETS (${sets})`
  );
}

/** DuckDB warm, in this process (the same query run RUNS times on one connection). */
async function timeDuckDb(file: string): Promise<{ ms: number; cpu: number; groups: number }> {
  const duck = await DuckDBInstance.create(':memory:');
  const conn = await duck.connect();
  const sql = duckSql(file);
  const times: number[] = [];
  const cpus: number[] = [];
  let groups = 0;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    groups = (await conn.runAndReadAll(sql)).getRows().length;
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpus.push((used.user + used.system) / 1000);
  }
  conn.closeSync();
  return { ms: median(times), cpu: median(cpus), groups };
}

interface SizeFigures {
  people: number;
  cli: CliRun;
  duck: { ms: number; cpu: number; groups: number };
  duckCommand: CliRun;
}

function printFigures(f: SizeFigures): void {
  const cpu = (x: number | null) => (x === null ? '' : `, processortijd ${s(x)}`);
  const rss = (r: CliRun) => (r.maxRssMb === null ? '' : `, piekgeheugen ${r.maxRssMb.toFixed(0)} MB`);
  const ratio = (a: number, b: number | null) => (b === null ? '–' : `${(a / b).toFixed(1)}x`);
  console.log(`  ${f.people.toLocaleString('nl-NL')} mensen:`);
  console.log(`    Kansenspiegel (hele opdracht, nieuw proces): ${s(f.cli.wall)}${cpu(f.cli.cpu)}${rss(f.cli)}`);
  console.log(
    `    DuckDB als opdracht (nieuw proces, CSV uit): ${s(f.duckCommand.wall)}${cpu(f.duckCommand.cpu)}${rss(f.duckCommand)}`,
  );
  console.log(`    DuckDB (in dit proces, warm):               ${s(f.duck.ms)}, processortijd ${s(f.duck.cpu)}`);
  console.log(
    `    verhouding DuckDB als opdracht / Kansenspiegel: wandklok ${ratio(f.duckCommand.wall, f.cli.wall)}, processortijd ${f.duckCommand.cpu === null ? '–' : ratio(f.duckCommand.cpu, f.cli.cpu)}`,
  );
  console.log(
    `    verhouding DuckDB warm in dit proces / Kansenspiegel: wandklok ${ratio(f.duck.ms, f.cli.wall)}, processortijd ${ratio(f.duck.cpu, f.cli.cpu)}`,
  );
}

export async function benchExtract(): Promise<void> {
  console.log(
    `\n## Extract: ${SIZE.toLocaleString('nl-NL')} en ${SMALL.toLocaleString('nl-NL')} mensen → de hele spiegel als CSV (5 kenmerken + alle 10 kruisingen)`,
  );
  console.log(`belasting van de machine (/proc/loadavg) vooraf: ${loadAverage()}`);
  const dir = mkdtempSync(join(tmpdir(), 'ks-bench-extract-'));
  try {
    const big = join(dir, `extract-${SIZE}.csv`);
    const small = join(dir, `extract-${SMALL}.csv`);
    await writeSyntheticExtract(big, SIZE);
    await writeSyntheticExtract(small, SMALL, 7);
    const mb = (f: string) => (statSync(f).size / 1e6).toFixed(1);
    console.log(`bestanden: ${mb(big)} MB (${SIZE} mensen), ${mb(small)} MB (${SMALL} mensen)`);
    console.log(
      `Kansenspiegel: ${cliCommand().label} spiegel --input … --format csv --intersections; mediaan van ${RUNS}`,
    );
    console.log(
      'DuckDB als opdracht: node bench/duckdb-extract.mjs (DuckDB laden, read_csv + GROUPING SETS, COPY naar CSV); DuckDB warm: dezelfde query in dit proces, na het laden',
    );
    const figures: SizeFigures[] = [];
    for (const [file, people, out] of [
      [small, SMALL, 'klein.csv'],
      [big, SIZE, 'spiegel.csv'],
    ] as const)
      figures.push({
        people,
        cli: timeCli(file, join(dir, out)),
        duckCommand: timeDuckDbCommand(file, join(dir, `duckdb-${out}`)),
        duck: await timeDuckDb(file),
      });
    figures.forEach(printFigures);
    const [few, many] = figures;
    console.log(`doelen bij ${SIZE.toLocaleString('nl-NL')} mensen: ≤ 1,5 s wandklok, ≥ 2,5x DuckDB`);
    if (few.cli.maxRssMb !== null && many.cli.maxRssMb !== null)
      console.log(
        `geheugen: ${many.cli.maxRssMb.toFixed(0)} MB bij ${(statSync(big).size / statSync(small).size).toFixed(1)}x zo groot bestand als bij ${few.cli.maxRssMb.toFixed(0)} MB`,
      );
    console.log(`belasting achteraf: ${loadAverage()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'onbekend';
  }
}

if (process.argv[1]?.endsWith('extract.ts')) await benchExtract();
