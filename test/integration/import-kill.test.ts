// Kill test: a real server process is killed (SIGKILL) in the middle of a large import; after a
// restart the database holds none of that file (or, had it finished, all of it) — never part.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../../src/store/db.js';
import { seedSmall, PASSWORD } from '../helpers/app.js';
import { TEST_DB_KIND, migratedPgliteDump, migratedTemplate } from '../helpers/db.js';
import { largeClientsFile } from '../fixtures/import/generate.js';

const ROWS = Number(process.env.KILL_TEST_ROWS ?? 100_000);
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function prepareDatabase(dir: string): Promise<Record<string, string>> {
  if (TEST_DB_KIND === 'pglite') {
    const dataDir = join(dir, 'data');
    // the migrated database of the other tests, loaded into a data folder of its own
    const db = await openPglite(dataDir, await migratedPgliteDump());
    await seedSmall(db);
    await db.close();
    return { DATA_DIR: dataDir };
  }
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `ks_kill_${process.pid}`;
  const q = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await q(`DROP DATABASE IF EXISTS ${name}`);
  await q(`CREATE DATABASE ${name} TEMPLATE ${await migratedTemplate()}`);
  cleanups.push(() => q(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined));
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString());
  await seedSmall(db);
  await db.close();
  return { DATABASE_URL: u.toString() };
}

/** Starts `kansenspiegel serve`; resolves with its URL once it listens. Collects stdout lines. */
async function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; lines: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: { ...process.env, ...env, PORT: '0', DEMO: '0', LOG_REQUESTS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });
  const lines: string[] = [];
  let buffer = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${lines.join('\n')}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        const m = /draait op (http:\/\/\S+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1].replace('localhost', '127.0.0.1'));
        }
      }
    });
    child.stderr!.on('data', (d: Buffer) => lines.push(d.toString()));
    child.on('exit', (code) => reject(new Error(`server stopped (${code}): ${lines.join('\n')}`)));
  });
  return { child, url, lines };
}

async function login(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'beheer', password: PASSWORD }),
  });
  assert.equal(res.status, 201);
  // the session cookie (the log-in may also set the device cookie)
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('ks_session='))!;
  return { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

test(
  `SIGKILL in the middle of importing ${ROWS.toLocaleString('en')} clients leaves none of them; after a restart the run shows as afgebroken; uninterrupted, all of them`,
  { timeout: 240_000 },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-kill-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const env = await prepareDatabase(dir);
    const file = join(dir, 'klanten.csv');
    const out = createWriteStream(file);
    for await (const chunk of largeClientsFile(ROWS)) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');

    const first = await startServer(env);
    const headers = await login(first.url);
    const body = await readFile(file);
    const upload = fetch(`${first.url}/api/v1/imports?entity=clients&fileName=klanten.csv`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body,
    }).catch((err: unknown) => err);
    // Wait until the server reports it is well into the file, then kill it outright.
    const started = Date.now();
    while (!first.lines.some((l) => l.includes('import voortgang'))) {
      if (Date.now() - started > 120_000) throw new Error(`no progress reported: ${first.lines.slice(-5).join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const progress = JSON.parse(first.lines.find((l) => l.includes('import voortgang'))!) as { rows: number };
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    const answer = await upload;
    assert.ok(answer instanceof Error, 'the upload was cut off');
    assert.ok(progress.rows >= 50_000 && progress.rows < ROWS, `killed after ${progress.rows} rows`);

    if (env.DATABASE_URL) {
      // What autovacuum does after the aborted import: statistics now say "empty table". The
      // next import must not slow down because of it.
      const c = new pg.Client({ connectionString: env.DATABASE_URL });
      await c.connect();
      await c.query('VACUUM ANALYZE client');
      await c.end();
    }
    const second = await startServer(env);
    const h2 = await login(second.url);
    const runs = (await (await fetch(`${second.url}/api/v1/imports`, { headers: h2 })).json()) as {
      items: { status: string; inserted: number }[];
    };
    assert.equal(runs.items[0].status, 'afgebroken');
    const q = (await (await fetch(`${second.url}/api/v1/data-quality`, { headers: h2 })).json()) as { clients: number };
    assert.equal(q.clients, 3, `the database holds none of the ${progress.rows}+ rows read before the kill`);
    console.log(
      `kill test (${TEST_DB_KIND}): killed after ${progress.rows} of ${ROWS} rows; after restart ${q.clients} clients (the 3 of before), run status afgebroken`,
    );
    // The same file, not interrupted: all of it.
    const done = (await (
      await fetch(`${second.url}/api/v1/imports?entity=clients`, {
        method: 'POST',
        headers: { ...h2, 'content-type': 'text/csv' },
        body,
      })
    ).json()) as { status: string; inserted: number };
    assert.deepEqual([done.status, done.inserted], ['klaar', ROWS]);
    const all = (await (await fetch(`${second.url}/api/v1/data-quality`, { headers: h2 })).json()) as {
      clients: number;
    };
    assert.equal(all.clients, ROWS + 3);
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');
  },
);
