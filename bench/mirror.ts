// Benchmark: the full mirror (every ground × every stage + all 2-way intersections) on 500,000
// generated people, cold and warm, next to the same aggregates computed by DuckDB in this run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openPglite, openPostgres } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { saveSnapshot } from '../src/store/mirror-snapshot.js';
import { countGroups } from '../src/mirror/person-table.js';
import { countGroupings } from '../src/mirror/count-groupings.js';
import { computeMirror, pairsOf } from '../src/mirror/funnel.js';
import { syntheticPopulation } from './synthetic-population.js';

const SIZE = Number(process.env.BENCH_PEOPLE ?? 500_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timeIt(fn: () => unknown | Promise<unknown>, runs = 7): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function benchMirror(): Promise<void> {
  console.log(
    `\n## Spiegel: ${SIZE.toLocaleString('nl-NL')} mensen, alle kenmerken × alle fasen + alle kruisingen van twee`,
  );
  console.log(`belasting van de machine (/proc/loadavg) vooraf: ${loadAverage()}`);
  const { table, stages } = syntheticPopulation(SIZE);
  const keys = [...table.grounds.keys()];
  const groupings = [...keys.map((k) => [k]), ...pairsOf(keys)];
  console.log(`${keys.length} kenmerken, ${pairsOf(keys).length} kruisingen, ${stages.length} fasen`);

  // warm, in this process: the counts as the mirror takes them (all groupings at once, pairs from
  // joint tables), and one grouping at a time as before
  const aggregates = await timeIt(() => countGroupings(table, groupings));
  const oneByOne = await timeIt(() => {
    for (const g of groupings) countGroups(table, g);
  });
  const full = await timeIt(() => computeMirror(table, groupings), 5);
  const cells = computeMirror(table, groupings).cells.length;

  // DuckDB over the same rows
  const duck = await DuckDBInstance.create(':memory:');
  const conn = await duck.connect();
  await conn.run(
    `CREATE TABLE people (${[...keys.map((k) => `"${k}" UTINYINT`), ...stages.map((s) => `"${s}" BOOLEAN`)].join(', ')})`,
  );
  const appender = await conn.createAppender('people');
  const cols = keys.map((k) => table.grounds.get(k)!.codes);
  for (let i = 0; i < SIZE; i++) {
    for (const c of cols) appender.appendUTinyInt(c[i]);
    const m = table.distinctMasks[table.maskIds[i]];
    for (let s = 0; s < stages.length; s++) appender.appendBoolean((m & (1 << s)) !== 0);
    appender.endRow();
  }
  appender.closeSync();
  const sums = stages.map((s) => `sum("${s}"::INTEGER)`).join(', ');
  const sets = groupings.map((g) => `(${g.map((k) => `"${k}"`).join(', ')})`).join(', ');
  const sql = `SELECT ${keys.map((k) => `"${k}"`).join(', ')}, count(*), ${sums} FROM people GROUP BY GROUPING SETS (${sets})`;
  const duckRows = (await conn.runAndReadAll(sql)).getRows().length;
  const duckMs = await timeIt(async () => {
    await conn.runAndReadAll(sql);
  }, 5);
  conn.closeSync();

  console.log(
    `warm  Kansenspiegel, alleen de tellingen      ${ms(aggregates)}  (countGroupings, zoals de spiegel telt)`,
  );
  console.log(`warm  Kansenspiegel, tellingen één voor één    ${ms(oneByOne)}  (countGroups per groepering)`);
  console.log(
    `warm  Kansenspiegel, de hele spiegel          ${ms(full)}  (${cells.toLocaleString('nl-NL')} cellen met intervallen, toetsen, BH, onderdrukking)`,
  );
  console.log(
    `warm  DuckDB, dezelfde tellingen (GROUPING SETS) ${ms(duckMs)}  (${duckRows.toLocaleString('nl-NL')} groepen)`,
  );
  console.log(
    `      verhouding DuckDB / Kansenspiegel-tellingen: ${(duckMs / aggregates).toFixed(1)}x (één voor één: ${(duckMs / oneByOne).toFixed(1)}x); DuckDB / hele spiegel: ${(duckMs / full).toFixed(1)}x`,
  );

  // cold: a new process reads the stored snapshot and computes everything
  const from = '2018-01-01',
    to = '2018-12-31';
  const dir = mkdtempSync(join(tmpdir(), 'ks-bench-'));
  try {
    const targets: [string, string][] = [['PGlite', join(dir, 'pglite')]];
    if (process.env.TEST_DATABASE_URL || process.env.BENCH_DATABASE_URL)
      targets.push(['PostgreSQL-server', (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL)!]);
    for (const [name, target] of targets) {
      const db = target.startsWith('postgres') ? await openPostgres(target) : await openPglite(target);
      await migrate(db);
      const [m] = await db.query<{ id: number }>('SELECT id FROM municipality WHERE id = 1');
      if (!m) await db.query(`INSERT INTO municipality (id, code, name) VALUES (1, 'GM9998', 'Benchdam')`);
      await saveSnapshot(db, 1, from, to, table);
      await db.close();
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/mirror-cold.ts', target, from, to], {
        encoding: 'utf8',
      });
      const r = JSON.parse(out.trim().split('\n').pop()!);
      console.log(
        `cold  ${name}: database openen ${ms(r.open)}, snapshot lezen ${ms(r.read)}, hele spiegel ${ms(r.compute)}; ` +
          `lezen + rekenen ${ms(r.read + r.compute)}; piekgeheugen ${r.maxRssMb.toFixed(0)} MB`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`belasting achteraf: ${loadAverage()}`);
  console.log(`piekgeheugen van dit proces (met DuckDB): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'onbekend';
  }
}
