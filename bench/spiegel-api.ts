// Benchmark: the mirror API's answer time on Demodam (6,000 clients), logged in as a policy
// officer, measured in the server process (Fastify inject): changing ground, intersection and
// period, from the population cache and cold (the population read again from the database), and
// the first view of every team and every wijk after only the municipality-wide warm-up.
import { openPglite } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { writeDemodam } from '../src/demo/write.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/config.js';
import { GROUNDS } from '../src/mirror/grounds.js';
import { pairsOf } from '../src/mirror/funnel.js';

const CLIENTS = Number(process.env.BENCH_DEMO_CLIENTS ?? 6000);
const AIM_MS = 300;

/** Heap in use, after a garbage collection when the process allows one (node --expose-gc). */
function heapUsed(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

function summary(times: number[]): { median: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
}

export async function benchSpiegelApi(): Promise<void> {
  console.log(`\n## Spiegel-API: Demodam met ${CLIENTS.toLocaleString('nl-NL')} klanten, ingelogd als beleid`);
  const db = await openPglite();
  await migrate(db);
  const config = { ...loadConfig({}), demo: false };
  const t0 = performance.now();
  await writeDemodam(db, { clients: CLIENTS, pseudonymSecret: config.pseudonymSecret });
  console.log(`Demodam geschreven in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const app = await buildApp({ db, config });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { username: 'beleid', password: 'demodam' },
    });
    const cookie = login.cookies.find((c) => c.name === 'ks_session')!;
    const headers = { cookie: `ks_session=${cookie.value}` };
    // a scope too small to show is refused (400) only after its population is loaded: that counts too
    const get = async (url: string, refusalAllowed = false): Promise<number> => {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
      const elapsed = performance.now() - t;
      const ok = res.statusCode === 200 || (refusalAllowed && res.statusCode === 400);
      if (!ok) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return elapsed;
    };
    const options = JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/spiegel/options', headers })).body) as {
      periods: string[];
      teams: { id: number }[];
      wijken: { id: number }[];
    };
    const periods = options.periods;
    const keys = GROUNDS.map((g) => g.key);
    const pairs = pairsOf(keys);

    // the first answer for each period loads its population (what the server's warm-up does at start)
    const heapBefore = heapUsed();
    const first: number[] = [];
    for (const p of periods) first.push(await get(`/spiegel?period=${p}&ground=geslacht`));
    const heapAfter = heapUsed();

    const runs: [string, number[]][] = [];
    const series = async (label: string, urls: string[], refusalAllowed = false) => {
      const times: number[] = [];
      for (const url of urls) times.push(await get(url, refusalAllowed));
      runs.push([label, times]);
    };
    const n = 20;
    // first, before anything else touched a team or wijk: every one once, cold
    await series(
      'eerste keer een team (koud)',
      options.teams.map((t) => `/spiegel?period=2025&ground=geslacht&team=${t.id}`),
      true,
    );
    await series(
      'eerste keer een wijk (koud)',
      options.wijken.map((w) => `/spiegel?period=2025&ground=geslacht&wijk=${w.id}`),
      true,
    );
    await series(
      'ander kenmerk (uit cache)',
      Array.from({ length: n }, (_, i) => `/spiegel?period=2025&ground=${keys[i % keys.length]}`),
    );
    await series(
      'andere kruising van twee (uit cache)',
      Array.from({ length: n }, (_, i) => `/spiegel?period=2025&ground=${pairs[(i * 7) % pairs.length].join('*')}`),
    );
    await series(
      'kruising van drie (uit cache)',
      Array.from(
        { length: n },
        (_, i) =>
          `/spiegel?period=2025&ground=geslacht,leeftijd,${keys[(i % (keys.length - 2)) + 2]},geslacht*leeftijd*${keys[(i % (keys.length - 2)) + 2]}`,
      ),
    );
    await series(
      'andere periode (uit cache)',
      Array.from({ length: n }, (_, i) => `/spiegel?period=${periods[i % periods.length]}&ground=leeftijd`),
    );
    await series(
      'andere periode, koud (populatie opnieuw gelezen)',
      Array.from(
        { length: 8 },
        (_, i) => `/spiegel?period=${periods[i % periods.length]}&ground=leeftijd&refresh=true`,
      ),
    );
    await series(
      'aandachtsspiegel (uit cache)',
      Array.from({ length: n }, (_, i) => `/spiegel/aandacht?period=2025&ground=${keys[i % keys.length]}`),
    );
    await series(
      'aangepaste vergelijking (uit cache)',
      Array.from(
        { length: n },
        (_, i) =>
          `/spiegel/aangepast?period=2025&stage=voorziening&ground=${keys[i % keys.length]}&covariates=leeftijd,opleiding,taalniveau`,
      ),
    );

    console.log(`eerste antwoord per periode (populatie laden): ${first.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);
    console.log(
      `geheugen van de bewaarde perioden (heap na ${periods.length} perioden − ervoor${globalThis.gc ? ', na gc' : ', zonder gc: run met --expose-gc'}): ${mb(heapAfter - heapBefore)} (${mb(heapBefore)} → ${mb(heapAfter)})`,
    );
    console.log(`| verzoek | n | mediaan | p95 | doel < ${AIM_MS} ms |`);
    console.log('|---|---|---|---|---|');
    for (const [label, times] of runs) {
      const s = summary(times);
      console.log(
        `| ${label} | ${times.length} | ${s.median.toFixed(1)} ms | ${s.p95.toFixed(1)} ms | ${s.p95 < AIM_MS ? 'ja' : 'nee'} |`,
      );
    }
  } finally {
    await app.close();
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSpiegelApi();
