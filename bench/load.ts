// npm run bench:load — load test of the two busiest screens: GET /api/v1/caseload and
// GET /api/v1/clients/:id/file, 50 concurrent users (25 per route, each its own person of the demo
// with its own session and its own clients: consultants km01…, every fifth a team leader)
// for 60 s on 127.0.0.1, against a fresh Demodam server (`node dist/src/cli.js serve`,
// DEMO_CLIENTS=6000, empty DATA_DIR). Prints p50/p95/p99 latency, throughput and errors.
// Figures only; never part of the pass/fail of the tests.
// Then the stall case: a policy officer keeps 8 mirror refreshes running (refresh=true, so no
// cache) while one consultant asks for the caseload and a client file again and again; prints
// the consultant's p50/p95/max.
// Options (environment): LOAD_SECONDS (60), LOAD_USERS (50), DEMO_CLIENTS (6000), DATABASE_URL (else PGlite),
// STALL_SECONDS (20; 0 skips the stall case), LOAD_SKIP (1 skips the 50-user run), LOAD_RATE (requests per
// second per route; default: each user asks again as soon as answered), LOAD_PROFILE (a folder:
// the server writes a CPU profile there).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const USERS = Number(process.env.LOAD_USERS ?? 50);
const CLIENTS = process.env.DEMO_CLIENTS ?? '6000';
const STALL_SECONDS = Number(process.env.STALL_SECONDS ?? 20);
const SKIP_LOAD = process.env.LOAD_SKIP === '1';
const RATE = process.env.LOAD_RATE ? Number(process.env.LOAD_RATE) : null;

async function logIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demodam' }),
  });
  if (res.status !== 201) throw new Error(`log-in ${username}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('ks_session='))!;
}

/** A consultant's requests, one after the other, while 8 mirror refreshes are always in flight. */
async function stallCase(base: string, ids: number[]): Promise<void> {
  const officer = await logIn(base, 'beleid');
  const consultant = await logIn(base, 'klantmanager');
  const until = Date.now() + STALL_SECONDS * 1000;
  let refreshes = 0;
  let refreshErrors = 0;
  const refresher = async (i: number) => {
    while (Date.now() < until) {
      const year = 2024 + ((i + refreshes) % 3);
      const res = await fetch(`${base}/api/v1/spiegel?period=${year}&ground=geslacht&refresh=true`, {
        headers: { cookie: officer },
      }).catch(() => null);
      await res?.arrayBuffer();
      if (res?.status === 200) refreshes++;
      else refreshErrors++;
    }
  };
  const times: number[] = [];
  let errors = 0;
  const asker = async () => {
    await new Promise((r) => setTimeout(r, 500)); // let the refreshes start first
    for (let i = 0; Date.now() < until; i++) {
      const path = i % 2 === 0 ? '/api/v1/caseload' : `/api/v1/clients/${ids[i % ids.length]}/file`;
      const t = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie: consultant } }).catch(() => null);
      await res?.arrayBuffer();
      times.push(performance.now() - t);
      if (res?.status !== 200) errors++;
    }
  };
  await Promise.all([...Array.from({ length: 8 }, (_, i) => refresher(i)), asker()]);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `\nstall case (${STALL_SECONDS} s, 8 mirror refreshes always in flight: ${refreshes} done, ${refreshErrors} failed)`,
  );
  console.log(
    `consultant's caseload + client file: ${times.length} requests, p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms, ${errors} errors`,
  );
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

interface LoadUser {
  cookie: string;
  ids: number[];
}

async function loadCase(base: string, users: LoadUser[]): Promise<void> {
  const run = (title: string, path: (u: LoadUser, i: number) => string, offset: number) => {
    const times: number[] = [];
    let connections = 0;
    return new Promise<{ title: string; times: number[]; result: autocannon.Result }>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: USERS / 2,
          duration: SECONDS,
          // LOAD_RATE: at most this many requests per second per route (else as fast as answered)
          ...(RATE ? { overallRate: RATE } : {}),
          requests: [
            {
              method: 'GET',
              // each connection is one user, with that user's own session and own clients
              setupRequest: (req, context: { user?: LoadUser; n?: number }) => {
                context.user ??= users[(offset + connections++) % users.length];
                context.n = (context.n ?? 0) + 1;
                return { ...req, path: path(context.user, context.n), headers: { cookie: context.user.cookie } };
              },
            },
          ],
        },
        (err, result) => (err ? reject(err) : resolve({ title, times, result })),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        times.push(responseTime);
      });
    });
  };
  const results = await Promise.all([
    run('GET /api/v1/caseload', () => '/api/v1/caseload', 0),
    run('GET /api/v1/clients/:id/file', (u, i) => `/api/v1/clients/${u.ids[i % u.ids.length]}/file`, USERS / 2),
  ]);
  for (const { title, result } of results) {
    if (result.errors + result.timeouts > 0)
      console.log(
        `${title}: ${result.errors} errors, of which ${result.timeouts} timeouts (autocannon gives up after 10 s)`,
      );
  }
  console.log(
    '\nroute                          requests  req/s    p50 ms   p95 ms   p99 ms   max ms   errors  non-2xx',
  );
  for (const { title, times, result } of results) {
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${title.padEnd(30)} ${String(result.requests.total).padStart(8)} ${(result.requests.total / SECONDS).toFixed(1).padStart(6)} ` +
        `${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${percentile(sorted, 99).toFixed(1).padStart(8)} ` +
        `${(sorted[sorted.length - 1] ?? NaN).toFixed(1).padStart(8)} ${String(result.errors).padStart(8)} ${String(result.non2xx).padStart(8)}`,
    );
  }
}

interface CpuTimes {
  at: number;
  server: number;
  postgres: number;
  generator: number;
}

/** Processor seconds used so far by one process (/proc/PID/stat: user + system, in clock ticks of 1/100 s). */
function procCpu(pid: number | string): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Processor time of the server, of all PostgreSQL server processes, and of this load generator. */
function cpuNow(serverPid: number): CpuTimes {
  let postgres = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') postgres += procCpu(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  const own = process.cpuUsage();
  return { at: performance.now(), server: procCpu(serverPid), postgres, generator: (own.user + own.system) / 1e6 };
}

/** Where the processor time of the run went: the closed loop's latency is users / throughput. */
function printCpu(a: CpuTimes, b: CpuTimes): void {
  const wall = (b.at - a.at) / 1000;
  const share = (s: number) => `${s.toFixed(1)} s (${((100 * s) / wall).toFixed(0)}% of one core)`;
  console.log(
    `processor time in the ${wall.toFixed(0)} s run: server ${share(b.server - a.server)}, ` +
      `PostgreSQL server ${share(b.postgres - a.postgres)}, this load generator ${share(b.generator - a.generator)}`,
  );
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ks-load-'));
  const entry = existsSync('dist/src/cli.js') ? ['dist/src/cli.js'] : ['--import', 'tsx', 'src/cli.ts'];
  console.log(`Kansenspiegel load test — Node ${process.version}, ${new Date().toISOString()}`);
  console.log(
    `server: node ${entry.join(' ')} serve, DEMO_CLIENTS=${CLIENTS}, ${process.env.DATABASE_URL ? 'PostgreSQL-server' : `PGlite in ${dataDir}`}`,
  );
  const t0 = Date.now();
  // LOAD_PROFILE=dir: the server writes a CPU profile (node --cpu-prof) to dir when it stops
  const profile = process.env.LOAD_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_PROFILE}`] : [];
  const server = spawn(process.execPath, [...profile, ...entry, 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: '1',
      DEMO_CLIENTS: CLIENTS,
      LOG_REQUESTS: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /draait op (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1].replace('localhost', '127.0.0.1'));
    });
    server.on('exit', (code) => reject(new Error(`server stopped (${code}):\n${out}`)));
  });
  console.log(`server ready in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${base}`);
  try {
    // One session per simulated user, each a different person of the demo where there are enough:
    // every fifth a team leader (who sees the whole team), the others consultants (km01, km02, …).
    const leaders = ['teamleider', 'tl-oost', 'tl-zuid', 'tl-west'];
    const users: LoadUser[] = [];
    const known = new Map<string, LoadUser | null>();
    const userFor = async (name: string): Promise<LoadUser | null> => {
      if (!known.has(name)) {
        const cookie = await logIn(base, name).catch(() => null);
        const items = cookie
          ? (
              (await (await fetch(`${base}/api/v1/caseload`, { headers: { cookie } })).json()) as {
                items: { id: number }[];
              }
            ).items
          : [];
        known.set(name, cookie && items.length > 0 ? { cookie, ids: items.map((c) => c.id) } : null);
      }
      return known.get(name)!;
    };
    // the demo's consultants are km01, km02, …: stop at the first that does not exist (a failed
    // log-in counts against the address's limit)
    const consultants = ['klantmanager'];
    for (let k = 1; consultants.length < USERS; k++) {
      const name = `km${String(k).padStart(2, '0')}`;
      if (!(await userFor(name))) break;
      consultants.push(name);
    }
    for (let i = 0, c = 0, l = 0; users.length < USERS; i++) {
      const u =
        i % 5 === 4
          ? await userFor(leaders[l++ % leaders.length])
          : await userFor(consultants[c++ % consultants.length]);
      if (u) users.push(u);
    }
    const distinct = [...known.values()].filter(Boolean).length;
    const ids = users[0].ids;
    console.log(
      `${USERS} users (${distinct} different people: consultants and team leaders, each with their own clients), ${SECONDS} s${RATE ? `, at most ${RATE} requests per second per route` : ', each asking again as soon as answered (a closed loop: mean latency = users / throughput)'}; caseload of klantmanager: ${ids.length} clients`,
    );

    if (!SKIP_LOAD) {
      const before = cpuNow(server.pid!);
      await loadCase(base, users);
      printCpu(before, cpuNow(server.pid!));
    }
    if (STALL_SECONDS > 0) await stallCase(base, ids);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
