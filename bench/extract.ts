// Benchmark: a person-level extract → the full mirror CSV (5 grounds + all 10 pairs), by
// `kansenspiegel spiegel --input`, next to DuckDB (read_csv + GROUPING SETS) on the same file in
// the same run, and the peak memory of the reader for two file sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { EXTRACT_BENCH_STAGES, writeSyntheticExtract } from './extract-file.js';

const SIZE = Number(process.env.BENCH_EXTRACT_PEOPLE ?? 500_000);
const SMALL = Math.round(SIZE / 5);
const RUNS = Number(process.env.BENCH_EXTRACT_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const GROUNDS = ['geslacht', 'leeftijd', 'migratieachtergrond', 'huishouden', 'doelgroepregister'];

/** The command line as a user runs it: the built one (npm run build) when there is one, else through tsx. */
function cliCommand(): { args: string[]; label: string } {
  if (existsSync('dist/src/cli.js')) return { args: ['dist/src/cli.js'], label: 'dist/src/cli.js' };
  return { args: ['--import', 'tsx', 'src/cli.ts'], label: 'src/cli.ts via tsx (geen build gevonden)' };
}

interface CliRun {
  wall: number;
  /** Processor time (user + system) and peak memory of the command, when /usr/bin/time is there. */
  cpu: number | null;
  maxRssMb: number | null;
}

/** Runs the command RUNS times; the median by wall time. */
function timeCli(file: string, out: string): CliRun {
  const { args } = cliCommand();
  const gnuTime = existsSync('/usr/bin/time');
  const runs: CliRun[] = [];
  for (let r = 0; r < RUNS; r++) {
    const command = [process.execPath, ...args, 'spiegel', '--input', file, '--format', 'csv', '--intersections'];
    const t = performance.now();
    const run = spawnSync(
      gnuTime ? '/usr/bin/time' : command[0],
      [...(gnuTime ? ['-f', 'TIME %U %S %M', ...command] : command.slice(1)), '--out', out],
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

async function timeDuckDb(file: string): Promise<{ ms: number; cpu: number; groups: number }> {
  const duck = await DuckDBInstance.create(':memory:');
  const conn = await duck.connect();
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
  const sql =
    `WITH t AS (SELECT geslacht, ${age}, migratieachtergrond, huishouden, doelgroepregister, ${EXTRACT_BENCH_STAGES.join(', ')} ` +
    `FROM read_csv('${file}', delim = ';', header = true, columns = {${columns}})) ` +
    `SELECT ${GROUNDS.join(', ')}, count(*), ${EXTRACT_BENCH_STAGES.map((st) => `sum(${st})`).join(', ')} ` +
    `FROM t GROUP BY GROUPING SETS (${sets})`;
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

export async function benchExtract(): Promise<void> {
  console.log(
    `\n## Extract: ${SIZE.toLocaleString('nl-NL')} mensen → de hele spiegel als CSV (5 kenmerken + alle 10 kruisingen)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'ks-bench-extract-'));
  try {
    const big = join(dir, `extract-${SIZE}.csv`);
    const small = join(dir, `extract-${SMALL}.csv`);
    await writeSyntheticExtract(big, SIZE);
    await writeSyntheticExtract(small, SMALL, 7);
    const mb = (f: string) => (statSync(f).size / 1e6).toFixed(1);
    console.log(`bestanden: ${mb(big)} MB (${SIZE} mensen), ${mb(small)} MB (${SMALL} mensen)`);

    const cli = timeCli(big, join(dir, 'spiegel.csv'));
    const few = timeCli(small, join(dir, 'klein.csv'));
    const duck = await timeDuckDb(big);
    const cpu = (x: number | null) => (x === null ? '' : `, processortijd ${s(x)}`);
    console.log(`kansenspiegel spiegel --input (${cliCommand().label}), mediaan van ${RUNS}:`);
    console.log(`  ${SIZE.toLocaleString('nl-NL')} mensen: ${s(cli.wall)}${cpu(cli.cpu)} (doel ≤ 1,5 s)`);
    console.log(`  ${SMALL.toLocaleString('nl-NL')} mensen: ${s(few.wall)}${cpu(few.cpu)}`);
    console.log(
      `DuckDB read_csv + GROUPING SETS, zelfde bestand: ${s(duck.ms)}, processortijd ${s(duck.cpu)} (${duck.groups} groepen)`,
    );
    console.log(`verhouding DuckDB / Kansenspiegel (wandklok): ${(duck.ms / cli.wall).toFixed(1)}x (doel ≥ 2,5x)`);
    if (cli.maxRssMb !== null && few.maxRssMb !== null)
      console.log(
        `piekgeheugen van de opdracht: ${few.maxRssMb.toFixed(0)} MB bij ${SMALL.toLocaleString('nl-NL')} mensen, ` +
          `${cli.maxRssMb.toFixed(0)} MB bij ${SIZE.toLocaleString('nl-NL')} mensen`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('extract.ts')) await benchExtract();
