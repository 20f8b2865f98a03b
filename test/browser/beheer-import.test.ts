import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, screenshotPath, startAppServer, type AppServer } from '../helpers/browser.js';
import { bsns } from '../fixtures/import/generate.js';

const SHOTS = '/tmp/shots-inlezen';

/**
 * An XLSX as a municipality might export it: its own column names, gender as M/V, the household
 * as CBS labels ("Eenpersoonshuishouden", "Paar met kinderen") and one label that means nothing
 * here ("Woongroep"), one row with an impossible birth date and one without a team.
 */
async function municipalXlsx(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Export');
  ws.addRow(['Burgerservicenummer', 'Voornaam', 'Achternaam', 'Geboortedatum', 'Geslacht', 'Huishouden', 'Team']);
  const gen = bsns(61_000_000);
  const ids = Array.from({ length: 6 }, () => gen.next().value as string);
  ws.addRow([ids[0], 'Ada', 'Aksoy', '1980-04-01', 'V', 'Eenpersoonshuishouden', 'Noord']);
  ws.addRow([ids[1], 'Bob', 'Bakker', '1975-05-02', 'M', 'Paar met kinderen', 'Oost']);
  ws.addRow([ids[2], 'Cem', 'Celik', '1990-02-30', 'M', 'Eenpersoonshuishouden', 'Zuid']);
  ws.addRow([ids[3], 'Dina', 'Dekker', '1985-07-03', 'V', 'Woongroep', 'West']);
  ws.addRow([ids[4], 'Eva', 'Ek', '1999-08-04', 'V', 'Eenpersoonshuishouden', '']);
  ws.addRow([ids[5], 'Fay', 'Fortuin', '1970-09-05', 'V', 'Paar met kinderen', 'Noord']);
  await wb.xlsx.writeFile(path);
  return ids;
}

let browser: Browser;
let server: AppServer;
let page: Page;
const problems: string[] = [];

before(async () => {
  browser = await launchBrowser();
  server = await startAppServer({ demoClients: 300 });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('Beheer: an XLSX with a mapping and a recoding, the dry run shows the rejected rows, then the import', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const file = `${SHOTS}/klanten-gemeente.xlsx`;
  await municipalXlsx(file);
  await page.goto(server.url);
  await page.getByLabel('Gebruikersnaam').fill('beheer');
  await page.getByLabel('Wachtwoord').fill('demodam');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: 'Beheer' }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Gegevens inlezen' }).waitFor();

  await page.getByLabel('Wat staat er in het bestand?').selectOption('clients');
  await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(file);
  const columns = page.getByTestId('import-columns');
  await columns.waitFor();
  // Suggested mapping from the column names; the value counts per column are shown.
  assert.equal(await page.getByLabel('Gegeven voor kolom Burgerservicenummer').inputValue(), 'bsn');
  assert.equal(await page.getByLabel('Gegeven voor kolom Geslacht').inputValue(), 'gender');
  assert.match(await columns.innerText(), /Eenpersoonshuishouden \(3\)/);
  // The administrator maps one column by hand.
  await page.getByLabel('Gegeven voor kolom Huishouden').selectOption('household');
  await page.getByLabel('Gegeven voor kolom Geslacht').selectOption('gender');

  // Recoding: suggestions for M/V and the CBS labels; "Woongroep" gets none and is left so.
  const recode = page.getByTestId('import-recode');
  await recode.waitFor();
  assert.equal(await page.getByLabel('"M" in kolom Geslacht (2 keer) betekent').inputValue(), 'man');
  assert.equal(await page.getByLabel('"V" in kolom Geslacht (4 keer) betekent').inputValue(), 'vrouw');
  assert.equal(
    await page.getByLabel('"Eenpersoonshuishouden" in kolom Huishouden (3 keer) betekent').inputValue(),
    'alleenstaand',
  );
  assert.equal(
    await page.getByLabel('"Paar met kinderen" in kolom Huishouden (2 keer) betekent').inputValue(),
    'paar_met_kinderen',
  );
  assert.equal(await page.getByLabel('"Woongroep" in kolom Huishouden (1 keer) betekent').inputValue(), '');
  await page.locator('#inlezen').screenshot({ path: `${SHOTS}/import-mapping.png` });

  await page.getByRole('button', { name: 'Proef doen' }).click();
  const result = page.getByTestId('import-result');
  await result.getByText('Uitkomst van de proef').waitFor();
  assert.match(await result.innerText(), /6 regels gelezen\. 3 zouden nieuw zijn.*3 regels worden afgekeurd/s);
  const rejected = page.getByTestId('import-rejected');
  await rejected.waitFor();
  const rows = await rejected.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 3);
  assert.match(rows[0], /^4\tbirth_date\t1990-02-30 bestaat niet/);
  assert.match(rows[1], /^5\thousehold\tOnbekende waarde "Woongroep"/);
  assert.match(rows[2], /^6\tteam\tDit veld is verplicht/);
  await page.locator('#inlezen').screenshot({ path: `${SHOTS}/import-dry-run.png` });
  assert.deepEqual(await checkA11y(page), []);

  await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await result.getByText('Uitkomst van het inlezen').waitFor();
  assert.match(await result.innerText(), /Ingelezen: 6 regels\. 3 nieuw/);
  const history = page.getByTestId('import-history');
  // the list is read again after the import; wait for its new row before reading it
  await history.locator('tr', { hasText: 'klaar' }).waitFor();
  assert.match(await history.innerText(), /clients\tklanten-gemeente\.xlsx\tklaar/);
  assert.match(await history.innerText(), /clients\tklanten-gemeente\.xlsx\tproef/);
  await page.locator('#inlezen').screenshot({ path: screenshotPath('beheer-import.png') });
  assert.deepEqual(problems, []);
});
