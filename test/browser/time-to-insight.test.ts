import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startAppServer, type AppServer } from '../helpers/browser.js';
import { bsns } from '../fixtures/import/generate.js';

/**
 * Time to insight: from an installation without clients to the mirror by migration background
 * and its PDF, through the browser only. The municipality's organisation (teams, the beheer and
 * beleid accounts) is there; its people come in through Beheer: 5,000 clients, their benefit
 * periods and a register extract of birth countries.
 */

const PEOPLE = 5000;
const DIR = '/tmp/shots-inlezen/time-to-insight';
const TEAMS = ['Noord', 'Oost', 'Zuid', 'West'];

/** Deterministic extracts: the same files on every run. */
function writeFixtures(): { clients: string; benefits: string; register: string } {
  mkdirSync(DIR, { recursive: true });
  const gen = bsns(80_000_000);
  const ids = Array.from({ length: PEOPLE }, () => gen.next().value as string);
  const clients = ['bsn;given_name;family_name;birth_date;gender;team'];
  const benefits = ['bsn;start_date'];
  const register = ['bsn;birth_country;mother_birth_country;father_birth_country;nationality;statushouder'];
  // five origins in turn: born in Morocco; born in NL to a Turkish-born mother; Dutch; born in
  // Poland; born in NL to a Surinamese-born father
  const origins = [
    ['MA', 'MA', 'MA', 'MA'],
    ['NL', 'TR', 'NL', 'NL'],
    ['NL', 'NL', 'NL', 'NL'],
    ['PL', 'PL', 'PL', 'PL'],
    ['NL', 'NL', 'SR', 'NL'],
  ];
  ids.forEach((bsn, i) => {
    const birth = `${1960 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    clients.push(`${bsn};Voornaam${i};Achternaam${i};${birth};${i % 2 ? 'vrouw' : 'man'};${TEAMS[i % 4]}`);
    benefits.push(`${bsn};2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`);
    register.push(`${bsn};${origins[i % 5].join(';')};${i % 17 === 0 ? 'ja' : 'nee'}`);
  });
  const files = {
    clients: `${DIR}/klanten.csv`,
    benefits: `${DIR}/uitkeringen.csv`,
    register: `${DIR}/brp-geboortelanden.csv`,
  };
  writeFileSync(files.clients, clients.join('\n'));
  writeFileSync(files.benefits, benefits.join('\n'));
  writeFileSync(files.register, register.join('\n'));
  return files;
}

let browser: Browser;
let server: AppServer;
let page: Page;

before(async () => {
  browser = await launchBrowser();
  // One demo client: the organisation and its accounts, practically no people yet.
  server = await startAppServer({ demoClients: 1 });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(username: string) {
  await page.goto(server.url);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill('demodam');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
}

async function importFile(entity: string, file: string, expectInserted: number) {
  await page.getByLabel('Wat staat er in het bestand?').selectOption(entity);
  await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(file);
  await page.getByTestId('import-columns').waitFor();
  await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  const result = page.getByTestId('import-result');
  await result.getByText('Uitkomst van het inlezen').waitFor({ timeout: 300_000 });
  assert.match(await result.innerText(), new RegExp(`${expectInserted} nieuw`));
  assert.match(await result.innerText(), / 0 regels afgekeurd/);
}

test(`time to insight: ${PEOPLE} people imported in Beheer, the mirror by migration background and its PDF`, async () => {
  const files = writeFixtures();
  const started = Date.now();
  await logIn('beheer');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await page.getByRole('heading', { level: 2, name: 'Gegevens inlezen' }).waitFor();
  await importFile('clients', files.clients, PEOPLE);
  await importFile('benefit_periods', files.benefits, PEOPLE);
  await importFile('register_facts', files.register, PEOPLE);
  const imported = Date.now();

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await logIn('beleid');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Spiegel' }).click();
  await page.getByRole('heading', { level: 1, name: 'Spiegel' }).waitFor();
  await page.getByTestId('period').selectOption('2025');
  await page.getByTestId('ground').selectOption('migratieachtergrond');
  console.log(`imports done after ${((imported - started) / 1000).toFixed(1)} s`);
  try {
    await page
      .getByTestId('mirror-status')
      .filter({ hasText: /bijgewerkt/ })
      .waitFor({ timeout: 180_000 });
  } catch (err) {
    await page.screenshot({ path: `${DIR}/mirror-failed.png` });
    throw new Error(`no mirror: ${(await page.locator('main').innerText()).slice(0, 1500)}`, { cause: err });
  }
  await page.locator('.ks-mirror--busy').waitFor({ state: 'detached' });
  const groups = await page.getByTestId('groups').locator('tbody th[scope="row"]').allInnerTexts();
  // CBS until 2022: Morocco, Turkey, Suriname non-western; Poland western; both parents in NL Dutch
  for (const g of [/niet-westers/i, /^westers/i, /nederlands/i])
    assert.ok(
      groups.some((x) => g.test(x)),
      `${g} in ${groups.join(' | ')}`,
    );
  await page.screenshot({ path: screenshotPath('time-to-insight-mirror.png') });
  const pdfHref = await page.getByRole('link', { name: 'Rapport als PDF' }).getAttribute('href');
  const pdf = await page.request.get(`${server.url}${pdfHref}`, { timeout: 300_000 });
  assert.equal(pdf.status(), 200);
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `time to insight: ${seconds.toFixed(1)} s (imports ${((imported - started) / 1000).toFixed(1)} s, mirror and PDF ${((Date.now() - imported) / 1000).toFixed(1)} s)`,
  );
  assert.ok(seconds < 600, `took ${seconds} s, more than 10 minutes`);
});
