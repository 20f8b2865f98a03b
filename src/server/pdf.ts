import { existsSync } from 'node:fs';
import type { chromium as Chromium } from 'playwright-core';

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere (read at every call). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium (or playwright-core) is not there: the caller answers 503. */
export class PdfUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PdfUnavailableError';
  }
}

export interface PdfOptions {
  /** Text in the page footer next to the page number (e.g. the municipality and period). */
  footer?: string;
  landscape?: boolean;
  /** Language of the page numbers ("pagina 1 van 3", "page 1 of 3"); Dutch by default. */
  lang?: 'nl' | 'en';
}

// One print at a time: Chromium is heavy, and a report is not a request that needs to be parallel.
let queue: Promise<unknown> = Promise.resolve();

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Prints a self-contained HTML document to PDF (A4) with headless Chromium. Scripts are off and
 * every network request is refused: the document must carry everything it shows.
 * Throws PdfUnavailableError when Chromium or playwright-core is missing.
 */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const run = queue.then(() => print(html, options));
  queue = run.catch(() => undefined);
  return run;
}

type Browser = Awaited<ReturnType<typeof Chromium.launch>>;

/** Chromium stays up between prints (a launch costs most of a second); closed after a minute unused. */
let browser: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
const IDLE_MS = 60_000;

async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (!existsSync(executablePath)) throw new PdfUnavailableError(`Chromium is not installed at ${executablePath}`);
  let chromium: typeof Chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new PdfUnavailableError('playwright-core is not installed');
  }
  const b = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  b.on('disconnected', () => {
    browser = null;
  });
  return b;
}

async function sharedBrowser(): Promise<Browser> {
  if (idleTimer) clearTimeout(idleTimer);
  browser ??= launch().catch((err: unknown) => {
    browser = null;
    throw err;
  });
  return browser;
}

function closeWhenIdle(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    const b = browser;
    browser = null;
    void b?.then((x) => x.close()).catch(() => undefined);
  }, IDLE_MS);
  idleTimer.unref();
}

/** Closes the shared Chromium now (tests, shutdown). */
export async function closePdfBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  const b = browser;
  browser = null;
  await b?.then((x) => x.close()).catch(() => undefined);
}

type Context = Awaited<ReturnType<Browser['newContext']>>;
let sharedContext: { browser: Browser; context: Promise<Context> } | null = null;

/** One context (scripts off, every request but data: refused) per browser; a new page per print. */
async function printContext(b: Browser): Promise<Context> {
  if (sharedContext?.browser !== b) {
    const context = b.newContext({ javaScriptEnabled: false }).then(async (c) => {
      await c.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      return c;
    });
    sharedContext = { browser: b, context };
  }
  return sharedContext.context;
}

const pageOf = (lang: PdfOptions['lang']): string =>
  lang === 'en'
    ? 'page <span class="pageNumber"></span> of <span class="totalPages"></span>'
    : 'pagina <span class="pageNumber"></span> van <span class="totalPages"></span>';

async function print(html: string, options: PdfOptions): Promise<Buffer> {
  const b = await sharedBrowser();
  const context = await printContext(b);
  const page = await context.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const footer = options.footer ? `${escapeHtml(options.footer)} · ` : '';
    return await page.pdf({
      format: 'A4',
      landscape: options.landscape ?? false,
      printBackground: true,
      // tagged: a structure tree (headings, tables, lists) for screen readers; outline: bookmarks
      tagged: true,
      outline: true,
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;color:#555;width:100%;padding:0 12mm;font-family:Arial,sans-serif">${footer}${pageOf(options.lang)}</div>`,
    });
  } finally {
    await page.close().catch(() => undefined);
    closeWhenIdle();
  }
}
