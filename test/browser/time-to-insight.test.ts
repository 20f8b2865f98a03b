import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startAppServer, type AppServer } from '../helpers/browser.js';
import { bsns } from '../fixtures/import/generate.js';

/**
 * Time to insight: from a fresh install (empty database, no demo) to the mirror by migration
 * background and its PDF. `kansenspiegel init` makes the municipality and its first beheerder;
 * everything after that goes through the browser: the beheerder replaces the one-time password,
 * adds the teams and a beleid account, and imports 5,000 clients, their benefit periods and a
 * register extract of birth countries; the policy officer opens the mirror and the PDF.
 */

const PEOPLE = 5000;
const DIR = '/tmp/shots-i13/time-to-insight';
const BEHEER_PASSWORD = 'beheer-eigen-wachtwoord-2026';
const BELEID_PASSWORD = 'beleid-eerste-wachtwoord-2026';
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
let installStarted: number;

before(async () => {
  browser = await launchBrowser();
  installStarted = Date.now();
  // A fresh install: no demo; the municipality and its first beheerder from `kansenspiegel init`.
  server = await startAppServer({
    env: { DEMO: '0' },
    init: ['--gemeente', 'Proefstad', '--code', 'GM9998', '--beheerder', 'fbeheer', '--naam', 'Fenna Beheer'],
  });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(username: string, password: string) {
  await page.goto(server.url);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** The first log-in of the beheerder: the one-time password from `init`, then an own password. */
async function firstLogIn() {
  const oneTime = /Eenmalig wachtwoord: (\S+)/.exec(server.initOutput ?? '')?.[1];
  assert.ok(oneTime, `init printed a one-time password: ${server.initOutput}`);
  assert.doesNotMatch(server.output(), /Demo-accounts/, 'no demo accounts');
  await logIn('fbeheer', oneTime);
  await page.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' }).waitFor();
  await page.getByLabel('Tijdelijk wachtwoord').fill(oneTime);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(BEHEER_PASSWORD);
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill(BEHEER_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
}

/** Beheer: the four teams of the extract and the policy officer's account. */
async function organise() {
  const teams = page.locator('section#teams');
  for (const name of TEAMS) {
    await teams.getByRole('button', { name: 'Team toevoegen' }).click();
    await teams.getByLabel('Naam van het team').fill(name);
    await teams.getByRole('button', { name: 'Opslaan' }).click();
    await teams.getByRole('rowheader', { name, exact: true }).waitFor();
  }
  const users = page.locator('section#gebruikers');
  await users.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
  await users.getByLabel(/^Naam /).fill('Bas Beleid');
  await users.getByLabel('Gebruikersnaam').fill('bbeleid');
  await users.getByLabel('Rol').selectOption('beleidsmedewerker');
  await users.getByLabel('Eerste wachtwoord').fill(BELEID_PASSWORD);
  await users.getByRole('button', { name: 'Opslaan' }).click();
  await page.locator('section#gebruikers-beheren').getByRole('cell', { name: 'bbeleid', exact: true }).waitFor();
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

test(`time to insight: a fresh install, ${PEOPLE} people imported in Beheer, the mirror by migration background and its PDF`, async () => {
  const files = writeFixtures();
  const started = Date.now();
  await firstLogIn();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await page.getByRole('heading', { level: 2, name: 'Gegevens inlezen' }).waitFor();
  await organise();
  await importFile('clients', files.clients, PEOPLE);
  await importFile('benefit_periods', files.benefits, PEOPLE);
  await importFile('register_facts', files.register, PEOPLE);
  const imported = Date.now();

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByText('U bent uitgelogd.').waitFor(); // the log-out has been answered
  await logIn('bbeleid', BELEID_PASSWORD);
  await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
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

  // Data quality: every fact from the register for all 5,000 (a multiple of 5, published as is);
  // no answers, nobody unknown.
  const sources = page.getByTestId('fact-sources');
  await sources.scrollIntoViewIfNeeded();
  assert.match(
    await sources.innerText(),
    /Staat een gegeven in de registratie én in een vragenlijst, dan telt de registratie/,
  );
  const sourceRows = await page.getByTestId('fact-sources-table').locator('tbody tr').all();
  const split = new Map<string, string[]>();
  for (const row of sourceRows) split.set(await row.locator('th').innerText(), await row.locator('td').allInnerTexts());
  for (const fact of [
    'Geboorteland',
    'Geboorteland van de moeder',
    'Geboorteland van de vader',
    'Nationaliteit',
    'Statushouder',
  ])
    assert.deepEqual(split.get(fact), ['5.000', '0', '0', '0'], fact);
  await sources.screenshot({ path: `${DIR}/fact-sources.png` });

  const pdfHref = await page.getByRole('link', { name: 'Rapport als PDF' }).getAttribute('href');
  const pdf = await page.request.get(`${server.url}${pdfHref}`, { timeout: 300_000 });
  assert.equal(pdf.status(), 200);
  const body = await pdf.body();
  assert.equal(body.subarray(0, 5).toString(), '%PDF-');
  const seconds = (Date.now() - started) / 1000;
  const install = (started - installStarted) / 1000;
  console.log(
    `time to insight: ${(install + seconds).toFixed(1)} s (install and start ${install.toFixed(1)} s, first log-in, organisation and imports ${((imported - started) / 1000).toFixed(1)} s, mirror and PDF ${((Date.now() - imported) / 1000).toFixed(1)} s)`,
  );
  assert.ok(install + seconds < 600, `took ${install + seconds} s, more than 10 minutes`);
  writeFileSync(`${DIR}/report.pdf`, body);
  const text = execFileSync('pdftotext', ['-layout', `${DIR}/report.pdf`, '-'], { encoding: 'utf8' });
  assert.match(text, /Registratie of vragenlijst/, 'the PDF has the split too');
  assert.match(text, /Proefstad/);
});
