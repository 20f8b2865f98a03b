import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkA11y, launchBrowser, screenshotPath, startAppServer, type AppServer } from '../helpers/browser.js';

// The mirror page in Chromium on Demodam with 6,000 clients: every panel, changing ground,
// period and intersection, exports, and what each role is offered; axe on every state.
const DEMO_PASSWORD = 'demodam';
const PDF_PATH = screenshotPath('../spiegel.pdf');

let browser: Browser;
let server: AppServer;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

async function logIn(p: Page, username: string): Promise<void> {
  await p.goto(server.url);
  try {
    await p.getByLabel('Gebruikersnaam').waitFor({ timeout: 20_000 });
  } catch (err) {
    throw new Error(`no log-in form for ${username}: ${(await p.locator('body').innerText()).slice(0, 500)}`, {
      cause: err,
    });
  }
  await p.getByLabel('Gebruikersnaam').fill(username);
  await p.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: 'Inloggen' }).click();
  await p.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
}

/** Waits until the mirror answered for the current choices (the status line says so). */
async function settled(p: Page, what?: RegExp): Promise<void> {
  await p
    .getByTestId('mirror-status')
    .filter({ hasText: what ?? /bijgewerkt/ })
    .waitFor({ timeout: 60_000 });
  await p.locator('.ks-mirror--busy').waitFor({ state: 'detached' });
}

async function a11y(p: Page, state: string): Promise<void> {
  assert.deepEqual(await checkA11y(p), [], `axe violations (${state})`);
}

/** Row headers of a table behind a chart. */
async function rowHeaders(p: Page, testId: string): Promise<string[]> {
  return p.getByTestId(testId).locator('tbody th[scope="row"]').allInnerTexts();
}

before(async () => {
  browser = await launchBrowser();
  server = await startAppServer({ demoClients: 6000 });
  context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(m.text());
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('de spiegel for a policy officer', () => {
  test('the funnel, the groups in the composition view, the story and the data quality; axe clean', async () => {
    await logIn(page, 'beleid');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Spiegel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spiegel' }).waitFor();
    await settled(page);
    assert.equal(await page.title(), 'Spiegel – Kansenspiegel');
    assert.equal(await page.getByTestId('period').inputValue(), '2025');

    // the funnel: chart and table, all nine stages
    const funnel = page.getByTestId('funnel');
    assert.equal(await funnel.getByRole('img', { name: /Trechter/ }).count(), 1);
    assert.equal((await rowHeaders(page, 'funnel-table')).length, 9);
    assert.match(await funnel.locator('caption').innerText(), /De trechter/);

    // composition view: share of stage against share of population, points difference
    const groups = page.getByTestId('groups');
    assert.equal(await groups.getByRole('img', { name: /Geslacht: verschil tussen aandeel/ }).count(), 1);
    assert.deepEqual(await rowHeaders(page, 'groups-table'), ['Vrouw', 'Man', 'Anders', 'Onbekend']);
    const headers = await page.getByTestId('groups-table').locator('thead th[scope="col"]').allInnerTexts();
    assert.ok(
      headers.includes('Aandeel bevolking') && headers.includes('Werk ≥ 6 maanden: verschil'),
      headers.join(' | '),
    );
    // Demodam's built-in truth (b): women are under-represented among those with six months of work
    const womenRow = page.getByTestId('groups-table').locator('tbody tr').first();
    const cells = await womenRow.locator('td').allInnerTexts();
    const diff6m = cells[headers.indexOf('Werk ≥ 6 maanden: verschil') - 1];
    assert.match(diff6m, /^−\d/, `women, werk ≥ 6 maanden: ${diff6m}`);

    // the small "anders" group is hidden everywhere, with the explanation
    assert.ok((await groups.locator('abbr.ks-suppressed').count()) > 0);
    assert.match(
      (await groups.locator('abbr.ks-suppressed').first().getAttribute('title')) ?? '',
      /Minder dan 10 mensen/,
    );
    assert.match(await groups.innerText(), /"< 10": minder dan 10 mensen/);

    // story and data quality
    const story = page.getByRole('complementary', { name: 'Het verhaal achter de cijfers' });
    assert.match(await story.innerText(), /mensen in de bijstand/);
    assert.match(await story.innerText(), /Wat de cijfers niet laten zien/);
    const quality = await rowHeaders(page, 'quality-table');
    assert.deepEqual(quality.slice(0, 3), [
      'Mensen zonder diagnoseadvies',
      'Klanten zonder enig gesprek in het dossier',
      'Klanten met een onmogelijke datum (geboortedatum, uitkering of gesprek)',
    ]);
    assert.ok(quality.includes('Kenmerk onbekend: Geslacht'));
    await a11y(page, 'composition view, geslacht, 2025');
    await page.screenshot({ path: screenshotPath('spiegel.png'), fullPage: false });
    await page.screenshot({ path: screenshotPath('spiegel-full.png'), fullPage: true });
  });

  test('changing the ground, and the rate view with 95% intervals', async () => {
    await page.getByTestId('ground').selectOption('leeftijd');
    await settled(page, /Leeftijd/);
    assert.deepEqual((await rowHeaders(page, 'groups-table')).slice(0, 3), [
      '26 jaar of jonger',
      '27 tot 45 jaar',
      '45 jaar tot AOW-leeftijd',
    ]);
    await page.getByLabel('Kans: welk deel van de groep de fase bereikt').check();
    const groups = page.getByTestId('groups');
    await groups.getByRole('img', { name: /Leeftijd: kans per groep in elke fase, met 95%-interval/ }).waitFor();
    const headers = await page.getByTestId('groups-table').locator('thead th').allInnerTexts();
    assert.ok(headers.includes('Voorziening: kans (95%-interval)'), headers.join(' | '));
    const first = await page.getByTestId('groups-table').locator('tbody tr').first().locator('td').nth(1).innerText();
    assert.match(first, /^\d+,\d%.*\(\d+,\d%–\d+,\d%\)/);
    // (a) 45+ rarely get an instrument: a clear difference is marked
    assert.ok((await page.getByTestId('groups-table').locator('td.ks-cell--clear').count()) > 0);
    await a11y(page, 'rate view, leeftijd');
    await page.getByLabel('Samenstelling: aandeel in de fase tegen aandeel in de bevolking').check();
  });

  test('an intersection of two and of three grounds; small cells shown as "< 10"', async () => {
    await page.getByTestId('ground2').selectOption('huishouden');
    await settled(page, /Leeftijd × Huishouden/);
    const two = await rowHeaders(page, 'groups-table');
    assert.ok(two.includes('45 jaar tot AOW-leeftijd · Eenouder'), two.join(' | '));
    await page.getByTestId('ground3').selectOption('migratieachtergrond');
    await settled(page, /Leeftijd × Huishouden × Migratieachtergrond/);
    const three = await rowHeaders(page, 'groups-table');
    assert.ok(three.length > 30, `${three.length} groups`);
    assert.ok((await page.getByTestId('groups-table').locator('abbr', { hasText: '< 10' }).count()) > 10);
    await a11y(page, 'three-way intersection');
    await page.getByTestId('ground2').selectOption('');
    await settled(page, /, Leeftijd\.$/);
    assert.equal(await page.getByTestId('ground3').isDisabled(), true);
  });

  test('changing the period and the population (team, wijk)', async () => {
    const before2025 = await page.getByTestId('funnel-table').locator('tbody td').first().innerText();
    await page.getByTestId('period').selectOption('2024');
    await settled(page, /2024/);
    const in2024 = await page.getByTestId('funnel-table').locator('tbody td').first().innerText();
    assert.notEqual(in2024, before2025);
    await page.getByTestId('scope').selectOption({ label: 'Team Zuid' });
    await settled(page, /Team Zuid/);
    await page.getByTestId('scope').selectOption({ label: 'Wijk Centrum' });
    await settled(page, /Wijk Centrum/);
    await a11y(page, 'wijk Centrum, 2024');
    await page.getByTestId('scope').selectOption('');
    await page.getByTestId('period').selectOption('2025');
    await settled(page, /2025, Hele gemeente/);
  });

  test('copy a table (tab-separated) and download it as CSV', async () => {
    const table = page.getByTestId('funnel-table');
    await table.getByRole('button', { name: /^Kopieer tabel/ }).click();
    await table.getByRole('status').filter({ hasText: 'klembord' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.split('\r\n');
    assert.deepEqual(lines[0].split('\t'), ['Fase', 'Aantal', 'Kans']);
    assert.equal(lines.length, 10);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('button', { name: /^Download als CSV/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^de-trechter.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.match(csv, /^\ufeffFase;Aantal;Kans\r\n/);
  });

  test('benchmark: against CBS 2018 and against another period', async () => {
    const bench = page.getByTestId('benchmark');
    await bench.getByTestId('national-leeftijd').waitFor();
    assert.equal(
      await bench
        .getByRole('img', { name: /Leeftijd, Voorziening: verschil in procentpunten hier en landelijk/ })
        .count(),
      1,
    );
    assert.ok((await rowHeaders(page, 'national-leeftijd-table')).includes('45 tot AOW-leeftijd'));
    await bench.getByTestId('compare-with').selectOption({ label: 'Periode 2024' });
    await page
      .getByTestId('compare-table')
      .locator('caption', { hasText: /2025 tegen .*2024/ })
      .waitFor({ timeout: 60_000 });
    const headers = await page.getByTestId('compare-table').locator('thead th').allInnerTexts();
    assert.equal(headers.length, 4, headers.join(' | '));
    await bench.getByTestId('compare-with').selectOption({ label: 'Team Zuid' });
    await page
      .getByTestId('compare-table')
      .locator('caption', { hasText: /Team Zuid/ })
      .waitFor({ timeout: 60_000 });
    await a11y(page, 'benchmark');
  });

  test('adjusted comparison: odds ratios with intervals, forest plot and the plain-Dutch explanation', async () => {
    const panel = page.getByTestId('adjusted');
    await panel.getByTestId('adjusted-stage').selectOption('voorziening');
    await panel.getByTestId('adjusted-ground').selectOption('leeftijd');
    const boxes = await panel.getByRole('checkbox').evaluateAll((els) => els.map((e) => e.parentElement?.textContent));
    assert.deepEqual(boxes, ['Opleidingsniveau', 'Nederlandse taal', 'Werkervaring', 'Gezondheidsbeperking']);
    await panel.getByLabel('Gezondheidsbeperking').uncheck();
    await panel.getByRole('button', { name: 'Bereken' }).click();
    await panel.getByTestId('adjusted-table').locator('caption', { hasText: 'Leeftijd, Voorziening' }).waitFor();
    await panel.getByRole('img', { name: /odds ratio per groep tegen 27 tot 45 jaar/ }).waitFor();
    const explanation = await panel.getByTestId('adjusted-explanation').innerText();
    assert.match(
      explanation,
      /45 jaar tot AOW-leeftijd: ook na rekening houden met Opleidingsniveau, Nederlandse taal, Werkervaring/,
    );
    await a11y(page, 'adjusted comparison');
  });

  test('attention mirror per group and per team (not per consultant)', async () => {
    const panel = page.getByTestId('attention');
    await panel.getByTestId('attention-team-table').waitFor();
    assert.deepEqual((await rowHeaders(page, 'attention-team-table')).filter((t) => t !== 'Onbekend').sort(), [
      'Noord',
      'Oost',
      'West',
      'Zuid',
    ]);
    assert.equal(await panel.getByTestId('attention-consultant').count(), 0);
    await a11y(page, 'attention');
  });

  test('exports: the HTML report and the PDF printed by Chromium, with the same query', async () => {
    const links = page.getByTestId('export');
    const html = await links.getByRole('link', { name: 'Rapport als webpagina (HTML)' }).getAttribute('href');
    assert.match(html ?? '', /export\.html\?period=2025&ground=leeftijd/);
    const res = await page.request.get(`${server.url}${html}`);
    assert.equal(res.status(), 200);
    assert.match(await res.text(), /<caption>Per groep: Leeftijd<\/caption>/);
    const pdfHref = await links.getByRole('link', { name: 'Rapport als PDF' }).getAttribute('href');
    const pdf = await page.request.get(`${server.url}${pdfHref}`, { timeout: 120_000 });
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const body = await pdf.body();
    assert.equal(body.subarray(0, 5).toString(), '%PDF-');
    mkdirSync(dirname(PDF_PATH), { recursive: true });
    writeFileSync(PDF_PATH, body);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      PDF_PATH,
      screenshotPath('spiegel-pdf').replace(/\.png$/, ''),
    ]);
  });

  test('no script errors on the page', () => {
    assert.deepEqual(problems, []);
  });
});

describe('what each role is offered', () => {
  test('team leader: own team only, every ground, attention per consultant', async () => {
    const own = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const p = await own.newPage();
    await logIn(p, 'teamleider');
    await p.goto(`${server.url}/spiegel`);
    await settled(p);
    const scopes = await p.getByTestId('scope').locator('option').allInnerTexts();
    assert.equal(scopes[0], 'Mijn team (Noord)');
    assert.ok(
      scopes.every((s) => s.startsWith('Mijn team')),
      scopes.join(' | '),
    );
    await p.getByTestId('attention-consultant-table').waitFor();
    assert.ok((await rowHeaders(p, 'attention-consultant-table')).length >= 3);
    // team Noord by gender: men and women are both shown (the small "anders" group is hidden
    // with the unknown group, not with the men), counts rounded to fives, two labels explained
    const rows = p.getByTestId('groups-table').locator('tbody tr');
    for (const name of ['Man', 'Vrouw']) {
      const cells = await rows
        .filter({ has: p.locator('th', { hasText: new RegExp(`^${name}$`) }) })
        .locator('td')
        .allInnerTexts();
      assert.match(cells[0], /^\d[\d.]*$/, `${name}: ${cells.join(' | ')}`);
      assert.equal(Number(cells[0].replace(/\./g, '')) % 5, 0, `${name} rounded to fives: ${cells[0]}`);
      // the group itself and most of its stages are shown; a stage may be "x" where it would
      // give away the other group's small count at that stage
      const hidden = cells.filter((c) => /< 10|^x$/.test(c)).length;
      assert.ok(hidden <= cells.length / 4, `${name}: ${cells.join(' | ')}`);
    }
    assert.match(await p.getByTestId('rounding-note').innerText(), /afgerond op veelvouden van 5/);
    await p.getByTestId('groups').screenshot({ path: screenshotPath('spiegel-team-noord-geslacht.png') });
    await a11y(p, 'team leader');
    await own.close();
  });

  test('consultant: no mirror in the menu, and /spiegel is not offered', async () => {
    const own = await browser.newContext();
    const p = await own.newPage();
    await logIn(p, 'klantmanager');
    const nav = await p.getByRole('navigation', { name: 'Hoofdmenu' }).innerText();
    assert.doesNotMatch(nav, /Spiegel/);
    await p.goto(`${server.url}/spiegel`);
    await p.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    assert.equal(await p.getByTestId('ground').count(), 0);
    await own.close();
  });
});
