import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, screenshotPath, startAppServer, type AppServer } from '../helpers/browser.js';

// The Verdieping page in Chromium on Demodam (6,000 clients; with fewer the Havenkwartier groups are too small for a signal): the scan with the intersectional
// truth at the top, the time to a first instrument with 45+ behind, the trend table; axe on each.
let browser: Browser;
let server: AppServer;
let page: Page;
const problems: string[] = [];

before(async () => {
  browser = await launchBrowser();
  server = await startAppServer({ demoClients: 6000 });
  page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  await page.goto(server.url);
  await page.getByLabel('Gebruikersnaam').waitFor({ timeout: 30_000 });
  await page.getByLabel('Gebruikersnaam').fill('beleid');
  await page.getByLabel('Wachtwoord').fill('demodam');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('Verdieping: scan, time to a step and trend, each without axe violations', async () => {
  await page.goto(`${server.url}/spiegel/verdieping`);
  await page.getByRole('heading', { level: 1, name: 'Verdieping van de spiegel' }).waitFor();
  const scan = page.getByTestId('verdieping-scan');
  await scan.locator('tbody tr').first().waitFor({ timeout: 120_000 });
  const top = await scan.locator('tbody tr').first().innerText();
  assert.match(top, /Havenkwartier/);
  assert.match(top, /Ja/);
  await scan.screenshot({ path: screenshotPath('verdieping-scan.png') });

  const time = page.getByTestId('verdieping-time');
  await time.locator('svg').waitFor({ timeout: 120_000 });
  const rows = await time.locator('tbody tr').allInnerTexts();
  assert.ok(
    rows.some((r) => r.startsWith('45 jaar')),
    rows.join('\n'),
  );
  await time.screenshot({ path: screenshotPath('verdieping-tijd.png') });

  const trend = page.getByTestId('verdieping-trend');
  await trend.locator('tbody tr').first().waitFor({ timeout: 120_000 });
  await trend.screenshot({ path: screenshotPath('verdieping-trend.png') });
  assert.deepEqual(await checkA11y(page), []);
  assert.deepEqual(problems, []);
});
