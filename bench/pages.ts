// npm run bench:pages — pages timed in Chromium from a cold cache on the embedded demo
// (`node dist/src/cli.js serve`, DEMO_CLIENTS=6000, empty DATA_DIR). Each page gets a fresh
// browser context (no cache, no cookies), logs in as its user, then is timed from the start of
// the navigation until the last response the page asked for is in and its rendering has ended
// ("ready"), and until the network is quiet for 500 ms and the page's heading shows ("quiet"). Figures only; never
// part of the pass/fail of the tests. Needs `npm run build` first.
// Options (environment): DEMO_CLIENTS (6000), PAGES_ROUNDS (3).
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startAppServer } from '../test/helpers/browser.js';

const ROUNDS = Number(process.env.PAGES_ROUNDS ?? 3);
const CLIENTS = Number(process.env.DEMO_CLIENTS ?? 6000);

interface PageCase {
  title: string;
  user: string;
  path: (ctx: { clientId: number }) => string;
}

const CASES: PageCase[] = [
  { title: 'Mijn klanten', user: 'klantmanager', path: () => '/klanten' },
  { title: 'Client file', user: 'klantmanager', path: ({ clientId }) => `/klanten/${clientId}` },
  { title: '/team', user: 'teamleider', path: () => '/team' },
  { title: "Team leader's caseload", user: 'teamleider', path: () => '/klanten' },
  { title: '/spiegel, first view', user: 'beleid', path: () => '/spiegel' },
  { title: '/meetmomenten', user: 'beleid', path: () => '/meetmomenten' },
];

async function logIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill('demodam');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
  // the start page's own calls finish before the timed navigation, so they do not count for the next page
  await page.waitForLoadState('networkidle');
}

interface PageTimes {
  /** From the start of the navigation until the last response the page asked for was in and the last long task (rendering) had ended. */
  ready: number;
  /** Until the network had been quiet for 500 ms (Playwright's networkidle; those 500 ms included). */
  quiet: number;
}

/** Notes in the page when the last long task (script, layout, rendering over 50 ms) ended. */
function watchLongTasks(): void {
  const w = globalThis as unknown as { __lastTaskEnd: number };
  w.__lastTaskEnd = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__lastTaskEnd = Math.max(w.__lastTaskEnd, e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** The end of the page's load in its own clock (ms since its navigation started): see PageTimes.ready. */
function pageReady(): number {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const responses = performance.getEntriesByType('resource').map((e) => (e as PerformanceResourceTiming).responseEnd);
  return Math.max(nav.loadEventEnd, ...responses, (globalThis as unknown as { __lastTaskEnd: number }).__lastTaskEnd);
}

/** One cold load: a new context, log-in, then the timed navigation. */
async function timePage(browser: Browser, base: string, c: PageCase, clientId: number): Promise<PageTimes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(watchLongTasks);
    const page = await context.newPage();
    await logIn(page, base, c.user);
    const t0 = performance.now();
    await page.goto(`${base}${c.path({ clientId })}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const quiet = performance.now() - t0;
    return { ready: await page.evaluate(pageReady), quiet };
  } finally {
    await context.close();
  }
}

/** An intersection in the mirror, asked by the page's own session (the API call the page makes). */
async function timeIntersection(browser: Browser, base: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await logIn(page, base, 'beleid');
    const t0 = performance.now();
    const res = await page.request.get(
      `${base}/api/v1/spiegel?period=2025&ground=geslacht,leeftijd&intersections=true`,
    );
    await res.body();
    if (res.status() !== 200) throw new Error(`intersection: ${res.status()}`);
    return performance.now() - t0;
  } finally {
    await context.close();
  }
}

/** One export of the mirror's first view (HTML, then PDF printed by Chromium), by the page's session. */
async function timeExport(browser: Browser, base: string, ext: 'html' | 'pdf'): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await logIn(page, base, 'beleid');
    const t0 = performance.now();
    const res = await page.request.get(`${base}/api/v1/spiegel/export.${ext}?period=2025&ground=geslacht`);
    await res.body();
    if (res.status() !== 200) throw new Error(`export ${ext}: ${res.status()}`);
    return performance.now() - t0;
  } finally {
    await context.close();
  }
}

/** The machine is shared: the load average goes with every set of figures. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const fmt = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `${sorted.map((m) => m.toFixed(0)).join(' / ')} ms (median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)})`;
};

/** Times every page, the intersection and the exports; prints the figures. */
export async function benchPages(): Promise<void> {
  console.log("\n## Pagina's in Chromium (koude cache, ingebouwde database met de demo)");
  const t0 = Date.now();
  const server = await startAppServer({ demoClients: CLIENTS });
  console.log(
    `Kansenspiegel pages in Chromium — ${CLIENTS} demo clients, server ready in ${((Date.now() - t0) / 1000).toFixed(1)} s, load average ${load()}`,
  );
  const browser = await launchBrowser();
  try {
    const session = await (await browser.newContext()).request;
    await session.post(`${server.url}/api/v1/sessions`, { data: { username: 'klantmanager', password: 'demodam' } });
    const caseload = (await (await session.get(`${server.url}/api/v1/caseload`)).json()) as { items: { id: number }[] };
    const clientId = caseload.items[0].id;
    console.log(
      'page: ready = last response in and last long task ended; quiet = network quiet for 500 ms (those 500 ms included)',
    );
    for (const c of CASES) {
      const times: PageTimes[] = [];
      for (let i = 0; i < ROUNDS; i++) times.push(await timePage(browser, server.url, c, clientId));
      console.log(`${c.title.padEnd(28)} ready ${fmt(times.map((t) => t.ready))}`);
      console.log(`${''.padEnd(28)} quiet ${fmt(times.map((t) => t.quiet))}`);
    }
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) times.push(await timeIntersection(browser, server.url));
    console.log(`${'Intersection (API, 2 grounds)'.padEnd(28)} ${fmt(times)}`);
    for (const ext of ['html', 'pdf'] as const) {
      const exportTimes: number[] = [];
      for (let i = 0; i < ROUNDS; i++) exportTimes.push(await timeExport(browser, server.url, ext));
      console.log(`${`Export ${ext.toUpperCase()} (first view)`.padEnd(28)} ${fmt(exportTimes)}`);
    }
    console.log(`load average at the end: ${load()}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1]?.endsWith('pages.ts')) await benchPages();
