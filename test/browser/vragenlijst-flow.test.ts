import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startAppServer, type AppServer } from '../helpers/browser.js';

const DEMO_PASSWORD = 'demodam';
const PHONE = { width: 375, height: 740 };

async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

interface DueItem {
  clientId: number;
  name: string;
  wave: string;
}

/** Rows of the consultant's list, in the order shown. */
async function dueRows(page: Page): Promise<DueItem[]> {
  return page.evaluate(
    async () => ((await (await fetch('/api/v1/measurements/due')).json()) as { items: DueItem[] }).items,
  );
}

async function noSideScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `the page is ${width}px wide on a ${PHONE.width}px screen`);
}

describe('the client questionnaire in Chromium: link, phone, Arabic, kiosk, outcome mirror', () => {
  let browser: Browser;
  let server: AppServer;
  let staff: Page;
  let staffContext: BrowserContext;
  let items: DueItem[] = [];

  before(async () => {
    browser = await launchBrowser();
    server = await startAppServer();
    staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    staff = await staffContext.newPage();
    await logIn(staff, server.url, 'klantmanager');
    items = await dueRows(staff);
    assert.ok(items.length >= 3, `the consultant has ${items.length} measurement moments due; the test needs 3`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function linkFor(item: DueItem): Promise<string> {
    await staff.goto(`${server.url}/vragenlijsten`);
    const row = staff.locator(`tr[data-client="${item.clientId}"]`);
    await row.getByRole('button', { name: `Link maken voor ${item.name}` }).click();
    return (await row.getByTestId('link-url').innerText()).trim();
  }

  test('by one-time link on a phone in Dutch: a draft survives a closed tab, the link works once', async () => {
    const link = await linkFor(items[0]);
    assert.match(link, /\/v\/[A-Za-z0-9_-]{40,}$/);
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Vragenlijst: hoe gaat het met u?' }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    await noSideScroll(page);
    const health = page.locator('fieldset[data-item="gezondheid"]');
    await health.getByLabel('7', { exact: true }).check();
    await page.locator('fieldset[data-item="sociale_contacten"]').getByLabel('Ja', { exact: true }).check();
    await page.locator('fieldset[data-item="discriminatie"]').getByLabel('Ja', { exact: true }).check();
    await page.locator('fieldset[data-item="discriminatie_gronden"]').getByLabel('Mijn afkomst of cultuur').check();
    await page.locator('fieldset[data-item="uren_zoeken"] input').fill('2');
    await page.locator('fieldset[data-item="geboorteland"] select').selectOption('NL');
    await page.locator('fieldset[data-item="geboorteland_moeder"] select').selectOption('MA');
    await page.locator('fieldset[data-item="culturele_achtergrond"]').getByLabel('Marokkaans').check();
    assert.equal(
      (await page.locator('button', { hasText: 'Voorlezen' }).count()) > 0,
      true,
      'a read-aloud button where speechSynthesis exists',
    );

    // The tab is closed half-way; the same link opened again has the answers back.
    await page.close();
    const again = await phone.newPage();
    await again.goto(link);
    await again.getByText('We hebben de antwoorden teruggezet').waitFor();
    assert.equal(
      await again.locator('fieldset[data-item="gezondheid"]').getByLabel('7', { exact: true }).isChecked(),
      true,
    );
    await again.screenshot({ path: screenshotPath('vragenlijst-telefoon-nl.png'), fullPage: false });
    await again.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await again.getByTestId('vragenlijst-klaar').waitFor();
    assert.equal(
      await again.evaluate(
        () => Object.keys(localStorage).filter((k) => k.startsWith('kansenspiegel.vragenlijst.')).length,
      ),
      0,
      'draft cleared on submit',
    );

    // Used once: the link no longer opens the questionnaire, and sending again is refused.
    await again.goto(link);
    await again.getByTestId('link-ongeldig').waitFor();
    const token = link.split('/').pop()!;
    const status = await again.evaluate(
      async (t) =>
        (
          await fetch(`/api/v1/vragenlijst/${t}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ language: 'nl', answers: { gezondheid: 5 } }),
          })
        ).status,
      token,
    );
    assert.equal(status, 404);
    // A link that does not exist (or has expired) shows the same message.
    await again.goto(`${server.url}/v/${'x'.repeat(43)}`);
    await again.getByTestId('link-ongeldig').waitFor();
    await phone.close();
  });

  test('in Arabic on a phone: right to left', async () => {
    const link = await linkFor(items[1]);
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'استبيان: كيف حالك؟' }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getByTestId('vragenlijst').getAttribute('dir'), 'rtl');
    await noSideScroll(page);
    await page.locator('fieldset[data-item="gezondheid"]').getByLabel('8', { exact: true }).check();
    await page.locator('fieldset[data-item="sociale_contacten"]').getByLabel('نعم', { exact: true }).check();
    await page.locator('fieldset[data-item="werk_moeite"]').getByLabel('صعب', { exact: true }).check();
    await page.screenshot({ path: screenshotPath('vragenlijst-telefoon-ar.png'), fullPage: false });
    await page.getByRole('button', { name: 'إرسال الإجابات' }).click();
    await page.getByTestId('vragenlijst-klaar').getByText('شكرًا لك').waitFor();
    await phone.close();
  });

  test('kiosk mode: no case file from the kiosk page; leaving needs the password', async () => {
    const item = items[2];
    await staff.goto(`${server.url}/vragenlijsten`);
    await staff
      .locator(`tr[data-client="${item.clientId}"]`)
      .getByRole('button', { name: `Kiosk voor ${item.name}` })
      .click();
    await staff.waitForURL(`${server.url}/kiosk`);
    await staff.getByRole('heading', { level: 1, name: 'Vragenlijst: hoe gaat het met u?' }).waitFor();
    assert.equal(await staff.getByRole('link', { name: /Klanten/ }).count(), 0, 'no menu in kiosk mode');

    // The page's session is gone: the case-file API refuses, and /klanten asks for a log-in.
    const caseload = await staff.evaluate(async () => (await fetch('/api/v1/caseload')).status);
    assert.equal(caseload, 401);
    const clientFile = await staff.evaluate(async (id) => (await fetch(`/api/v1/clients/${id}`)).status, item.clientId);
    assert.equal(clientFile, 401);
    await staff.goto(`${server.url}/klanten`);
    await staff.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    assert.equal(await staff.getByText(item.name).count(), 0);

    await staff.goto(`${server.url}/kiosk`);
    await staff.locator('fieldset[data-item="gezondheid"]').getByLabel('6', { exact: true }).check();
    await staff.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await staff.getByText('Geef de laptop terug aan uw klantmanager').waitFor();

    await staff.getByRole('button', { name: 'Alleen voor de klantmanager: kiosk verlaten' }).click();
    await staff.getByLabel('Wachtwoord klantmanager').fill('fout');
    await staff.getByRole('button', { name: 'Kiosk verlaten' }).click();
    await staff.getByText('Het wachtwoord klopt niet.').waitFor();
    await staff.getByLabel('Wachtwoord klantmanager').fill(DEMO_PASSWORD);
    await staff.getByRole('button', { name: 'Kiosk verlaten' }).click();
    await staff.waitForURL(`${server.url}/vragenlijsten`);
    await staff.getByRole('heading', { level: 1, name: 'Vragenlijsten (meetmomenten)' }).waitFor();
    const left = await dueRows(staff);
    assert.equal(
      left.some((i) => i.clientId === item.clientId && i.wave === item.wave),
      false,
      'the kiosk wave is done',
    );
  });

  test('the outcome mirror for a policy officer: response per wave, groups, narrative', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await logIn(page, server.url, 'beleid');
    await page.goto(`${server.url}/meetmomenten`);
    await page.getByRole('heading', { level: 1, name: 'Meetmomenten: uitkomsten per groep' }).waitFor();
    await page.getByLabel('Start begeleiding').selectOption('2025');
    await page.getByTestId('respons-totaal').waitFor();
    const narrative = await page.getByTestId('verhaal').innerText();
    assert.match(narrative, /Respons: T0/);
    assert.match(narrative, /Aantallen onder de 10 tonen we niet/);
    await page.screenshot({ path: screenshotPath('meetmomenten-klein.png'), fullPage: true });
    await context.close();
  });
});
