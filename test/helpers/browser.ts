import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Debian's Chromium. The tests never download a browser of their own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(ROOT, 'out', 'screenshots');

/**
 * Starts headless Chromium. Fails (never skips) when Chromium is not installed, so a machine
 * without it cannot pass the browser tests by accident.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The browser tests need Debian's chromium package ` +
        '(apt-get install chromium); they do not download a browser.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--headless=new',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The path for a screenshot in out/screenshots/ (the folder is made when missing). */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, name);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describeViolation(v: Result): string {
  const nodes = v.nodes.map(
    (n) => `  - ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`,
  );
  return `${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n  ${v.helpUrl}\n${nodes.join('\n')}`;
}

/**
 * Runs axe-core on the page for WCAG 2.1 A and AA and returns one readable text per violation
 * (empty when there is none), so `assert.deepEqual(await checkA11y(page), [])` shows what is wrong.
 * axe is evaluated through the DevTools protocol: the page's Content-Security-Policy stays in force.
 */
export async function checkA11y(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } };
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, WCAG_21_AA);
  return results.violations.map(describeViolation);
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface AppServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** What the server printed so far (for a failure message). */
  output(): string;
  /** What `kansenspiegel init` printed, when the server was started with `init`. */
  initOutput?: string;
  /** SIGTERM, wait for the process to end, remove its data folder. */
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 120_000;

/**
 * Starts the built application (`node dist/src/cli.js serve`) on a free port with a fresh
 * embedded database holding the demo municipality (300 clients unless `demoClients` says
 * otherwise; the mirror tests use 6,000, which takes about 20 s to load), and waits until
 * GET /api/v1/health answers 200. Needs `npm run build` first.
 */
export async function startAppServer(
  options: {
    demoClients?: number;
    env?: Record<string, string>;
    port?: number;
    /** Runs `kansenspiegel init` with these options on the empty database before `serve`. */
    init?: string[];
  } = {},
): Promise<AppServer> {
  const cli = join(ROOT, 'dist', 'src', 'cli.js');
  for (const built of [cli, join(ROOT, 'dist', 'web', 'index.html')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` before the browser tests.`);
  }
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'kansenspiegel-browser-'));
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    DEMO: '1',
    DEMO_CLIENTS: String(options.demoClients ?? 300),
    ...options.env,
  };
  let initOutput: string | undefined;
  if (options.init) {
    const init = spawnSync(process.execPath, [cli, 'init', ...options.init], { cwd: ROOT, env, encoding: 'utf8' });
    if (init.status !== 0) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`kansenspiegel init failed (${init.status}):\n${init.stdout}\n${init.stderr}`);
    }
    initOutput = init.stdout;
  }
  const child = spawn(process.execPath, [cli, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const stop = async () => {
    if (!hasExited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (hasExited) {
      await stop();
      throw new Error(`The application stopped before it answered on ${url}:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`GET ${url}/api/v1/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, output: () => output, initOutput, stop };
}
