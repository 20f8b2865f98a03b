import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, screenshotPath, startAppServer, type AppServer } from '../helpers/browser.js';

/**
 * The learning team in Chromium on the demo: the team leader of team Noord writes a case and a
 * copy that differs only in the client's name; three consultants of the team choose (none sees
 * colleagues' choices before choosing); the team-meeting view shows the three votes and their
 * reasons, without names. Every page passes axe.
 */
const DEMO_PASSWORD = 'demodam';
const TITLE = 'Stage of direct werk? (test)';
const SITUATION =
  'Yusuf (24) heeft geen startkwalificatie en wil graag als monteur werken. Een garage biedt een leerwerkplek.';

async function logIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
}

describe('the learning team in Chromium', () => {
  let browser: Browser;
  let server: AppServer;
  const problems: string[] = [];
  let caseId = 0;

  async function pageAs(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
    await page.goto(server.url);
    await logIn(page, username);
    return page;
  }

  before(async () => {
    browser = await launchBrowser();
    server = await startAppServer();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a team leader writes a case and a variant that differs only in the name', async () => {
    const page = await pageAs('teamleider');
    await page.getByRole('link', { name: 'Leren', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Leren als team' }).waitFor();
    assert.deepEqual(await checkA11y(page), [], 'axe on the case library');
    await page.getByRole('link', { name: 'Nieuwe casus' }).click();
    await page.getByLabel('Titel').fill(TITLE);
    await page.getByLabel('Situatie').fill(SITUATION);
    await page.getByLabel('Werkervaring').check();
    await page.getByLabel('Werkwijze 1').fill('Eerst een mbo-opleiding');
    await page.getByLabel('Werkwijze 2').fill('De leerwerkplek nu aannemen');
    assert.deepEqual(await checkA11y(page), [], 'axe on the new case');
    await page.screenshot({ path: screenshotPath('leren-nieuwe-casus.png'), fullPage: true });
    await page.getByRole('button', { name: 'Casus opslaan' }).click();
    await page
      .getByRole('heading', { level: 1, name: new RegExp(`Bespreken in het team: ${TITLE.replace(/[?()]/g, '.')}`) })
      .waitFor();
    caseId = Number(/\/leren\/casussen\/(\d+)\/bespreking/.exec(page.url())?.[1]);
    assert.ok(caseId > 0);

    await page.getByLabel('Welk kenmerk verschilt?').selectOption('naam');
    await page.getByLabel('Situatie').fill(SITUATION.replace('Yusuf', 'Bas'));
    await page.getByRole('button', { name: 'Variant opslaan' }).click();
    await page.getByText('De variant is opgeslagen.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Variant: andere naam' }).waitFor();
    await page.context().close();
  });

  test('three consultants choose; nobody sees colleagues’ choices before choosing', async () => {
    const reasons = ['Een diploma blijft', 'Werk leert hem het vak', 'Hij wil zelf graag aan de slag'];
    for (const [i, username] of ['klantmanager', 'km01', 'km02'].entries()) {
      const page = await pageAs(username);
      await page.goto(`${server.url}/leren`);
      await page.getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByText('U ziet de keuzes van collega’s nadat u zelf hebt gekozen.').waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Zo kozen collega’s' }).count(), 0);
      assert.equal(await page.getByText(/keer gekozen/).count(), 0, 'no counts before choosing');
      if (i === 0) {
        assert.deepEqual(await checkA11y(page), [], 'axe on a case before choosing');
        await page.screenshot({ path: screenshotPath('leren-casus-voor-keuze.png'), fullPage: true });
      }
      await page.getByLabel(i === 0 ? 'Eerst een mbo-opleiding' : 'De leerwerkplek nu aannemen').check();
      await page.getByLabel('Waarom kiest u dit? (kort)').fill(reasons[i]);
      await page.getByRole('button', { name: 'Kies deze werkwijze' }).click();
      await page.getByRole('heading', { level: 2, name: 'Zo kozen collega’s' }).waitFor();
      if (i === 2) {
        assert.deepEqual(await checkA11y(page), [], 'axe on a case after choosing');
        await page.screenshot({ path: screenshotPath('leren-casus-na-keuze.png'), fullPage: true });
      }
      await page.context().close();
    }
  });

  test('the team-meeting view shows the votes and the reasons without names', async () => {
    const page = await pageAs('teamleider');
    await page.goto(`${server.url}/leren/casussen/${caseId}/bespreking`);
    await page.getByRole('heading', { level: 3, name: 'Redenen' }).first().waitFor();
    const text = await page.locator('main').innerText();
    for (const reason of ['Een diploma blijft', 'Werk leert hem het vak', 'Hij wil zelf graag aan de slag'])
      assert.ok(text.includes(reason), `reason "${reason}" is shown`);
    assert.doesNotMatch(text, /klantmanager|km01|km02/i, 'no user names in the meeting view');
    const counts = await page.locator('table').first().locator('td').allInnerTexts();
    const total = counts.map(Number).reduce((a, b) => a + b, 0);
    assert.equal(total, 3, 'the three votes, pooled over the two versions');
    assert.equal(await page.getByRole('table', { name: 'Variant: andere naam' }).count(), 0, 'no votes per version');
    await page.getByText('Te weinig keuzes om te vergelijken').first().waitFor();
    assert.deepEqual(await checkA11y(page), [], 'axe on the meeting view');
    await page.screenshot({ path: screenshotPath('leren-bespreking.png'), fullPage: true });

    await page.context().close();
    assert.deepEqual(problems, []);
  });
});
