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

async function print(html: string, options: PdfOptions): Promise<Buffer> {
  const executablePath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (!existsSync(executablePath)) throw new PdfUnavailableError(`Chromium is not installed at ${executablePath}`);
  let chromium: typeof Chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new PdfUnavailableError('playwright-core is not installed');
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const footer = options.footer ? `${escapeHtml(options.footer)} · ` : '';
    return await page.pdf({
      format: 'A4',
      landscape: options.landscape ?? false,
      printBackground: true,
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;color:#555;width:100%;padding:0 12mm;font-family:Arial,sans-serif">${footer}pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>`,
    });
  } finally {
    await browser.close();
  }
}
