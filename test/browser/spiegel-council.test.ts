import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkA11y, launchBrowser, startAppServer, type AppServer } from '../helpers/browser.js';
import {
  TABLES,
  csvBlocks,
  exportFacts,
  missingInPdf,
  readScreenTable,
  screenFacts,
  sheetRows,
  sorted,
} from '../helpers/report-tables.js';

// A policy officer takes one view of the mirror to the council: the four exports carry every
// section the page shows, with the same numbers; the PDF is tagged; a link reproduces the view.
const SHOTS = '/tmp/shots-council';
const VIEW = '?periode=2025&kenmerk=leeftijd,geslacht&weergave=rate';

let browser: Browser;
let server: AppServer;

async function logIn(p: Page, welcome = /Welkom/): Promise<void> {
  await p.goto(server.url);
  const english = welcome.source !== 'Welkom';
  const [user, password, button] = english
    ? ['User name', 'Password', 'Log in']
    : ['Gebruikersnaam', 'Wachtwoord', 'Inloggen'];
  await p.getByLabel(user).waitFor({ timeout: 20_000 });
  await p.getByLabel(user).fill('beleid');
  await p.getByLabel(password).fill('demodam');
  await p.getByRole('button', { name: button }).click();
  await p.getByRole('heading', { level: 1, name: welcome }).waitFor();
}

async function openView(p: Page, search: string): Promise<void> {
  await p.goto(`${server.url}/spiegel${search}`);
  await p
    .getByTestId('mirror-status')
    .filter({ hasText: /bijgewerkt/ })
    .waitFor({ timeout: 60_000 });
  await p.locator('.ks-mirror--busy').waitFor({ state: 'detached' });
  await p.getByTestId('adjusted-table').waitFor({ timeout: 60_000 });
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  server = await startAppServer({ demoClients: 1500 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The view's four files, fetched as the page's export links give them. */
async function download(page: Page, ext: string, expectName: RegExp) {
  const href = (await page.getByTestId(`export-${ext}`).getAttribute('href'))!;
  const started = Date.now();
  const res = await page.request.get(new URL(href, server.url).toString());
  assert.equal(res.status(), 200, `${ext}: ${await res.text()}`);
  const name = /filename="([^"]+)"/.exec(res.headers()['content-disposition'] ?? '')?.[1] ?? '';
  assert.match(name, expectName);
  return { body: await res.body(), ms: Date.now() - started };
}

/** Every table of the report as rows of cells, read from the HTML in the browser. */
async function htmlTables(context: BrowserContext, html: string): Promise<Map<string, string[][]>> {
  const p = await context.newPage();
  await p.setContent(html);
  const out = new Map<string, string[][]>();
  for (const spec of TABLES) {
    const rows = await p
      .locator('section')
      .filter({ has: p.getByRole('heading', { level: 2, name: spec.name, exact: true }) })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText)));
    out.set(spec.name, rows);
  }
  await p.close();
  return out;
}

test('one view exported as HTML, PDF, XLSX and CSV: every table has the screen’s numbers in every file', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await logIn(page);
  await openView(page, VIEW);
  assert.equal(await page.getByTestId('period').inputValue(), '2025');
  assert.match(await page.getByTestId('national-caveat').innerText(), /2018 of 2019.*verschillen in definitie/s);
  await page.getByTestId('attention-team-table').waitFor({ timeout: 60_000 });

  // what the screen shows, per table
  const screen = new Map<string, ReturnType<typeof screenFacts>>();
  for (const spec of TABLES) {
    const tables = [];
    for (const id of spec.screen) tables.push(await readScreenTable(page, id));
    screen.set(spec.name, screenFacts(tables, spec));
    assert.ok(screen.get(spec.name)!.facts.size >= 3, `screen ${spec.name}: ${JSON.stringify(tables)}`);
  }
  // the intersection is shown, and some of it is hidden
  const groupsShown = [...screen.get('Per groep')!.facts.values()].flat();
  assert.ok(groupsShown.includes('<10') || groupsShown.includes('x'), 'the view has hidden cells');

  const fileName = (ext: string) => new RegExp(`^kansenspiegel-demodam-2025-hele-gemeente-leeftijd-geslacht\\.${ext}$`);
  const sections = TABLES.map((t) => t.name);

  // HTML
  await download(page, 'html', fileName('html'));
  const htmlAnswer = await download(page, 'html', fileName('html'));
  const html = htmlAnswer.body.toString('utf8');
  for (const s of ['Zo leest u dit', 'Het verhaal achter de cijfers', 'verschillen in definitie'])
    assert.ok(html.includes(s), `HTML misses ${s}`);
  assert.doesNotMatch(html, /\bje\b|\bjouw\b/);
  assert.match(html, /Gemaakt met Kansenspiegel op \d{1,2} [a-z]+ \d{4}/);
  writeFileSync(`${SHOTS}/report.html`, html);
  const fromHtml = await htmlTables(context, html);

  // PDF: tagged. How long printing takes is a figure of `npm run bench:pages`, not a pass/fail here.
  const prints = [];
  for (let i = 0; i < 2; i++) prints.push(await download(page, 'pdf', fileName('pdf')));
  const pdf = prints[1];
  console.log(`PDF ${prints.map((p) => p.ms).join(', ')} ms, HTML ${htmlAnswer.ms} ms`);
  writeFileSync(`${SHOTS}/report.pdf`, pdf.body);
  assert.match(execFileSync('pdfinfo', [`${SHOTS}/report.pdf`], { encoding: 'utf8' }), /Tagged:\s+yes/);
  const pdfText = execFileSync('pdftotext', ['-layout', `${SHOTS}/report.pdf`, '-'], { encoding: 'utf8' });
  assert.ok(pdfText.includes('Zo leest u dit'), 'PDF misses the method notes');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', `${SHOTS}/report.pdf`, `${SHOTS}/pdf-page`]);

  // XLSX: one sheet per table, numbers stored as numbers
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await download(page, 'xlsx', fileName('xlsx'))).body as unknown as ExcelJS.Buffer);
  // the story first, then every section of the page in the page's order
  const sheets = wb.worksheets.map((w) => w.name);
  assert.equal(sheets[0], 'Verhaal');
  assert.deepEqual(
    sheets.filter((n) => sections.includes(n)),
    sections,
    `XLSX sheets: ${sheets.join(', ')}`,
  );

  // CSV for Dutch Excel
  const csvBody = (await download(page, 'csv', fileName('csv'))).body;
  assert.deepEqual([...csvBody.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const blocks = csvBlocks(csvBody.toString('utf8'), ';');

  // the PDF's sections, from each heading to the next
  const headingAt = (name: string, from: number) => {
    const m = new RegExp(`^\\s*${name}\\s*$`, 'm').exec(pdfText.slice(from));
    assert.ok(m, `PDF misses the section ${name}`);
    return from + m.index;
  };
  const starts: number[] = [];
  for (const s of [...sections, 'Zo leest u dit']) starts.push(headingAt(s, starts.at(-1) ?? 0));

  TABLES.forEach((spec, k) => {
    const { facts, exact, raw } = screen.get(spec.name)!;
    const expected = sorted(facts);
    // the text files: the numbers with as many decimals as the screen shows
    const asShown = sorted(exact);
    const xlsxRows = sheetRows(wb.getWorksheet(spec.name)!);
    assert.ok(
      xlsxRows.flat().some((v) => typeof v === 'number'),
      `XLSX ${spec.name}: numbers are stored as numbers`,
    );
    assert.deepEqual(sorted(exportFacts(xlsxRows, spec)), expected, `XLSX ${spec.name}`);
    const block = blocks.find((b) => b.title === wb.getWorksheet(spec.name)!.getCell(1, 1).value);
    assert.ok(block, `CSV misses the table ${spec.name}`);
    assert.deepEqual(sorted(exportFacts(block.rows, spec, true)), asShown, `CSV ${spec.name}`);
    assert.deepEqual(sorted(exportFacts(fromHtml.get(spec.name)!, spec, true)), asShown, `HTML ${spec.name}`);
    // the PDF: every number of the screen, in the order of the file's rows
    const keys = xlsxRows.flatMap((r) => spec.exportKeys(r.map((v) => String(v ?? ''))).map(([key]) => key));
    assert.ok(keys.length > 0 && keys.every((key) => raw.has(key)), `PDF ${spec.name}: the screen's rows`);
    const section = pdfText.slice(starts[k], starts[k + 1]);
    assert.deepEqual(missingInPdf(section, keys, raw), [], `PDF ${spec.name}`);
  });
  await context.close();
});

test('in English the files are in English, with the same numbers as the Dutch ones', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(() => window.localStorage.setItem('kansenspiegel.lang', 'en'));
  const page = await context.newPage();
  await logIn(page, /Welcome/);
  await page.goto(`${server.url}/spiegel${VIEW}`);
  await page
    .getByTestId('mirror-status')
    .filter({ hasText: /has been updated/ })
    .waitFor({ timeout: 60_000 });
  const href = (await page.getByTestId('export-xlsx').getAttribute('href'))!;
  assert.match(href, /[?&]taal=en\b/, 'the page passes its language');
  const get = async (ext: string, lang: 'en' | 'nl') => {
    const url = new URL(href.replace('export.xlsx', `export.${ext}`), server.url);
    if (lang === 'nl') url.searchParams.delete('taal');
    const res = await page.request.get(url.toString());
    assert.equal(res.status(), 200, `${ext} ${lang}`);
    return { body: await res.body(), name: res.headers()['content-disposition'] ?? '' };
  };

  // XLSX: English sheets, headings and group names; every number equal to the Dutch file's
  const load = async (lang: 'en' | 'nl') => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get('xlsx', lang)).body as unknown as ExcelJS.Buffer);
    return wb;
  };
  const [en, nl] = [await load('en'), await load('nl')];
  assert.deepEqual(
    en.worksheets.map((w) => w.name),
    ['Story', 'Funnel', 'Per group', 'Data quality', 'Sources', 'Netherlands', 'Other characteristics', 'Attention'],
  );
  const story = en.getWorksheet('Story')!;
  assert.match(String(story.getCell(1, 1).value), /Demodam, 2025, whole municipality, Age × Gender/);
  assert.match(String(story.getCell(2, 1).value), /^Made on \d{1,2} [A-Z][a-z]+ \d{4}$/);
  const groups = sheetRows(en.getWorksheet('Per group')!);
  const groupNames = new Set(groups.map((r) => String(r[1])));
  assert.ok(groupNames.has('26 or younger · Woman'), [...groupNames].join(' | '));
  assert.deepEqual((en.getWorksheet('Funnel')!.getRow(2).values as unknown[]).slice(1), [
    'Stage',
    'Meaning',
    'Number',
    'Chance (%)',
  ]);
  const nationalGroups = new Set(sheetRows(en.getWorksheet('Netherlands')!).map((r) => String(r[1])));
  assert.ok(nationalGroups.has('Woman') && nationalGroups.has('26 or younger'), [...nationalGroups].join(' | '));
  const numbersOf = (wb: ExcelJS.Workbook) =>
    wb.worksheets.slice(1).map((ws) => sheetRows(ws).map((r) => r.map((v) => (typeof v === 'number' ? v : null))));
  assert.deepEqual(numbersOf(en), numbersOf(nl));
  assert.ok(
    numbersOf(en)
      .flat(2)
      .filter((v) => v !== null).length > 50,
  );

  // CSV in English: comma between fields, decimal point; the same numbers as the Dutch CSV
  const enCsv = await get('csv', 'en');
  assert.match(enCsv.name, /kansenspiegel-demodam-2025-whole-municipality-age-gender\.csv/);
  const enBlocks = csvBlocks(enCsv.body.toString('utf8'), ',');
  const nlBlocks = csvBlocks((await get('csv', 'nl')).body.toString('utf8'), ';');
  assert.deepEqual(
    enBlocks.map((b) => b.title.split(':')[0]),
    [
      'The funnel',
      'Per group',
      'Data quality in this period',
      'Register or questionnaire',
      'Comparison with the Netherlands (CBS 2018)',
      'Age, Provision',
      'Attention mirror',
      'How to read this',
    ],
  );
  let compared = 0;
  nlBlocks.forEach((block, k) => {
    assert.equal(enBlocks[k].rows.length, block.rows.length, `CSV block ${k}`);
    block.rows.forEach((row, i) =>
      row.forEach((field, j) => {
        if (!/^-?\d+(,\d+)?$/.test(field)) return;
        const english = enBlocks[k].rows[i][j];
        assert.match(english, /^-?\d+(\.\d+)?$/, `CSV ${k}/${i}/${j}: ${english}`);
        assert.equal(Number(english), Number(field.replace(',', '.')), `CSV ${k}/${i}/${j}`);
        compared++;
      }),
    );
  });
  assert.ok(compared > 50, `${compared} numbers compared`);

  // HTML: English headings, story and caveat
  const html = (await get('html', 'en')).body.toString('utf8');
  for (const s of [
    '<html lang="en"',
    'The story behind the figures',
    'How to read this',
    'differences in definition',
    'Made with Kansenspiegel on',
  ])
    assert.ok(html.includes(s), `English HTML misses ${s}`);
  assert.doesNotMatch(html, /Het verhaal|Zo leest u dit|Gemaakt met/);
  writeFileSync(`${SHOTS}/report-en.html`, html);
  writeFileSync(`${SHOTS}/report-en.pdf`, (await get('pdf', 'en')).body);
  assert.match(execFileSync('pdftotext', [`${SHOTS}/report-en.pdf`, '-'], { encoding: 'utf8' }), /How to read this/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', `${SHOTS}/report-en.pdf`, `${SHOTS}/pdf-en`]);
  await context.close();
});

test('a shared link reproduces the view in a new browser; axe finds nothing at 200% zoom', async () => {
  const first = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await first.newPage();
  await logIn(page);
  await openView(page, '');
  // the default period is the last complete year; the current year is offered to date
  const year = new Date().getFullYear();
  assert.equal(await page.getByTestId('period').inputValue(), String(year - 1));
  await page.getByTestId('ground').selectOption('leeftijd');
  await page.getByTestId('ground2').selectOption('geslacht');
  await page.getByLabel('Kans: welk deel van de groep de fase bereikt').check();
  await page
    .getByTestId('mirror-status')
    .filter({ hasText: /Leeftijd × Geslacht/ })
    .waitFor({ timeout: 60_000 });
  const shared = page.url();
  assert.match(shared, /kenmerk=leeftijd%2Cgeslacht/);
  const rowsThere = await page.getByTestId('groups-table').locator('tbody th').allInnerTexts();
  const folded = await page.getByTestId('groups-folded').count();
  await page.screenshot({ path: `${SHOTS}/spiegel-1366.png`, fullPage: false });
  await first.close();

  // 200% zoom: half the CSS pixels, twice the device pixels
  const second = await browser.newContext({ viewport: { width: 683, height: 450 }, deviceScaleFactor: 2 });
  const other = await second.newPage();
  await logIn(other);
  await other.goto(shared);
  await other
    .getByTestId('mirror-status')
    .filter({ hasText: /Leeftijd × Geslacht/ })
    .waitFor({ timeout: 60_000 });
  assert.equal(await other.getByTestId('ground').inputValue(), 'leeftijd');
  assert.equal(await other.getByTestId('ground2').inputValue(), 'geslacht');
  assert.ok(await other.getByLabel('Kans: welk deel van de groep de fase bereikt').isChecked());
  assert.deepEqual(await other.getByTestId('groups-table').locator('tbody th').allInnerTexts(), rowsThere);
  assert.equal(await other.getByTestId('groups-folded').count(), folded);
  await other.getByTestId('adjusted-table').waitFor({ timeout: 60_000 });
  assert.deepEqual(await checkA11y(other), [], 'axe at 200% zoom');
  // chart text stays at least 12 px
  const sizes = await other
    .locator('.ks-chart text')
    .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  assert.ok(sizes.length > 0 && Math.min(...sizes) >= 12, `smallest chart text ${Math.min(...sizes)} px`);
  await other.screenshot({ path: `${SHOTS}/spiegel-200pct.png`, fullPage: false });
  await other.getByTestId('groups').screenshot({ path: `${SHOTS}/groups-200pct.png` });
  await second.close();
});
