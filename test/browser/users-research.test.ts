import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, screenshotPath, startAppServer, type AppServer } from '../helpers/browser.js';

const DEMO_PASSWORD = 'demodam';
const NEW_PASSWORD = 'mijn eigen nieuwe wachtwoord';

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

describe('Beheer resets a password, the user must choose a new one; the researcher downloads the export', () => {
  let browser: Browser;
  let server: AppServer;

  before(async () => {
    browser = await launchBrowser();
    server = await startAppServer({ demoClients: 300 });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const freshPage = async (): Promise<Page> =>
    (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();

  test('password reset in the users panel, then the change-password page at the next log-in', async () => {
    const admin = await freshPage();
    await admin.goto(server.url);
    await logIn(admin, 'beheer', DEMO_PASSWORD);
    await admin.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
    await admin.goto(`${server.url}/beheer`);
    const panel = admin.locator('#gebruikers-beheren');
    await panel.waitFor();
    admin.once('dialog', (dialog) => void dialog.accept());
    await panel
      .getByRole('button', { name: /^Wachtwoord resetten: .*/ })
      .first()
      .waitFor();
    const row = panel.getByRole('row').filter({ has: admin.getByRole('cell', { name: 'klantmanager', exact: true }) });
    await row.getByRole('button', { name: /^Wachtwoord resetten/ }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    const temporary = /is: (\S{4}-\S{4}-\S{4}-\S{4})\./.exec(await alert.innerText())?.[1];
    assert.ok(temporary, await alert.innerText());
    await row.getByText('Kiest nieuw wachtwoord').waitFor();
    assert.deepEqual(await checkA11y(admin), []);
    await admin.screenshot({ path: screenshotPath('beheer-users-panel.png'), fullPage: true });

    const user = await freshPage();
    await user.goto(server.url);
    await logIn(user, 'klantmanager', DEMO_PASSWORD);
    await user.getByRole('alert').waitFor();
    assert.match(await user.getByRole('alert').innerText(), /klopt niet/, 'the old password no longer works');
    await logIn(user, 'klantmanager', temporary);
    await user.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' }).waitFor();
    assert.deepEqual(await checkA11y(user), []);
    await user.screenshot({ path: screenshotPath('change-password.png'), fullPage: true });
    await user.getByLabel('Tijdelijk wachtwoord').fill(temporary);
    await user.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
    await user.getByLabel('Nieuw wachtwoord nog een keer').fill(NEW_PASSWORD);
    await user.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await user.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
    const clients = await user.request.get(`${server.url}/api/v1/clients`);
    assert.equal(clients.status(), 200, 'the app is open again');
  });

  test('the researcher sees what protects the export, checks it and downloads the CSV', async () => {
    const page = await freshPage();
    await page.goto(server.url);
    await logIn(page, 'onderzoek', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Onderzoeksexport' }).click();
    await page.getByRole('heading', { level: 1, name: 'Onderzoeksexport' }).waitFor();
    assert.match(await page.locator('main').innerText(), /l-diversiteit, l = 2/);

    await page.getByLabel('Minimale groepsgrootte (k)').fill('3');
    await page.getByRole('button', { name: 'Bekijk wat de export bevat' }).click();
    await page.getByText('Vul een heel getal van 10 tot 1000 in.').waitFor();

    await page.getByLabel('Minimale groepsgrootte (k)').fill('10');
    await page.getByRole('button', { name: 'Bekijk wat de export bevat' }).click();
    await page.getByRole('heading', { level: 2, name: 'Wat de export bevat' }).waitFor();
    const smallest = Number(
      (await page.locator('.ks-facts__row', { hasText: 'Kleinste groep' }).locator('dd').innerText()).replace(
        /\./g,
        '',
      ),
    );
    assert.ok(smallest >= 10, `the smallest group has at least k = 10 people (${smallest})`);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download als CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'onderzoeksexport-k10.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const [header] = csv.split('\r\n');
    assert.match(header, /^nummer;leeftijd;/);
    assert.doesNotMatch(header, /bsn|naam|name/i);
    assert.deepEqual(await checkA11y(page), []);
    await page.screenshot({ path: screenshotPath('onderzoek.png'), fullPage: true });
  });
});
