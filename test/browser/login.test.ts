import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { checkA11y, launchBrowser, screenshotPath, startAppServer, type AppServer } from '../helpers/browser.js';

/** The demo accounts of Demodam all have this password. */
const DEMO_PASSWORD = 'demodam';

async function text(locator: Locator): Promise<string> {
  await locator.waitFor();
  return (await locator.innerText()).trim();
}

async function heading1(page: Page, name: string | RegExp): Promise<string> {
  return text(page.getByRole('heading', { level: 1, name }));
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** The texts of the element's accessible description (aria-describedby). */
async function descriptionOf(locator: Locator): Promise<string> {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
      .join(' '),
  );
}

describe('log-in, start page and log-out in Chromium', () => {
  let browser: Browser;
  let server: AppServer;
  let page: Page;
  const pageProblems: string[] = [];

  before(async () => {
    browser = await launchBrowser(); // first: no Chromium fails at once, before the server starts
    server = await startAppServer();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('pageerror', (err) => pageProblems.push(`script error: ${err.message}`));
    page.on('console', (message) => {
      // The session check answers 401 before logging in: that is expected, anything else is not.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) pageProblems.push(message.text());
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the log-in page is in Dutch, has landmarks and a title, and passes axe (WCAG 2.1 AA)', async () => {
    await page.goto(server.url);
    assert.equal(await heading1(page, 'Inloggen'), 'Inloggen');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.equal(await page.title(), 'Inloggen – Kansenspiegel');
    for (const landmark of ['banner', 'main', 'contentinfo'] as const) {
      assert.equal(await page.getByRole(landmark).count(), 1, `one ${landmark} landmark`);
    }
    assert.equal(await page.getByRole('link', { name: 'Direct naar de inhoud' }).getAttribute('href'), '#inhoud');
    assert.deepEqual(await checkA11y(page), []);
    await page.screenshot({ path: screenshotPath('login.png'), fullPage: true });
  });

  test('the language switch turns the page into English and back', async () => {
    await page.getByRole('button', { name: /^EN\b/ }).click();
    assert.equal(await heading1(page, 'Log in'), 'Log in');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), 'Log in – Kansenspiegel');
    assert.equal(await page.getByLabel('User name').count(), 1);
    assert.equal(await page.getByRole('button', { name: /^EN\b/ }).getAttribute('aria-pressed'), 'true');

    await page.getByRole('button', { name: /^NL\b/ }).click();
    assert.equal(await heading1(page, 'Inloggen'), 'Inloggen');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  });

  test('an empty form says which field to fill in, linked to that field', async () => {
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const username = page.getByLabel('Gebruikersnaam');
    await page.getByText('Vul uw gebruikersnaam in.').waitFor();
    assert.equal(await username.getAttribute('aria-invalid'), 'true');
    assert.equal(await descriptionOf(username), 'Vul uw gebruikersnaam in.');
    assert.equal(await descriptionOf(page.getByLabel('Wachtwoord')), 'Vul uw wachtwoord in.');
    assert.equal(
      await username.evaluate((el) => el === document.activeElement),
      true,
      'the focus is on the first empty field',
    );
  });

  test('a wrong password gets a clear Dutch message and stays on the log-in page', async () => {
    await logIn(page, 'klantmanager', 'niet-het-wachtwoord');
    assert.equal(await text(page.getByRole('alert')), 'Gebruikersnaam of wachtwoord klopt niet.');
    assert.equal(await heading1(page, 'Inloggen'), 'Inloggen');
    assert.equal(await page.getByLabel('Wachtwoord').inputValue(), '', 'the wrong password is cleared');
    assert.equal(
      await page.getByLabel('Gebruikersnaam').getAttribute('aria-invalid'),
      null,
      'the field messages are gone',
    );
    assert.deepEqual(await checkA11y(page), []);
  });

  test('the right password opens the start page: welcome, role and the number of clients', async () => {
    await logIn(page, 'klantmanager', DEMO_PASSWORD);
    const welcome = await heading1(page, /^Welkom, /);
    assert.match(welcome, /^Welkom, \S/);
    assert.equal(await page.title(), 'Start – Kansenspiegel');
    assert.equal(
      await page.getByRole('heading', { level: 1 }).evaluate((el) => el === document.activeElement),
      true,
      'after logging in the focus is on the page heading',
    );

    const banner = page.getByRole('banner');
    assert.match(await text(banner), /Klantmanager/);
    assert.match(await text(banner), /Uitloggen/);
    assert.equal(
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn klanten' }).count(),
      1,
    );

    // Only the clients still being guided, and how many flowed out, as the caseload's statuses say.
    const countText = await text(page.getByText(/^U begeleidt \d/));
    const match = /^U begeleidt ([\d.]+) klanten?(?: \(([\d.]+) uitgestroomd\))?\.$/.exec(countText);
    assert.ok(match, countText);
    const answer = await page.request.get(`${server.url}/api/v1/caseload`);
    assert.equal(answer.status(), 200);
    const { items } = (await answer.json()) as { items: { status: string }[] };
    const left = items.filter((c) => c.status === 'uitgestroomd').length;
    assert.ok(items.length - left > 0, 'the demo consultant has clients');
    assert.equal(
      Number(match[1]!.replace(/\./g, '')),
      items.length - left,
      `the page counts the clients still guided (${countText})`,
    );
    assert.equal(Number((match[2] ?? '0').replace(/\./g, '')), left, `and says how many flowed out (${countText})`);

    assert.deepEqual(await checkA11y(page), []);
    await page.screenshot({ path: screenshotPath('start.png'), fullPage: true });
  });

  test('the start page switches to English too', async () => {
    await page.getByRole('button', { name: /^EN\b/ }).click();
    assert.match(await heading1(page, /^Welcome, /), /^Welcome, \S/);
    assert.match(await text(page.getByRole('banner')), /Consultant/);
    assert.match(
      await text(page.getByText(/^You guide \d/)),
      /^You guide [\d,]+ clients?( \([\d,]+ left the benefit\))?\.$/,
    );
    assert.equal(await page.title(), 'Start – Kansenspiegel');
    await page.getByRole('button', { name: /^NL\b/ }).click();
    assert.match(await heading1(page, /^Welkom, /), /^Welkom, /);
  });

  test('logging out works with the keyboard only and leads back to the log-in page', async () => {
    const logout = page.getByRole('button', { name: 'Uitloggen' });
    let reached = false;
    for (let presses = 0; presses < 30 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await logout.evaluate((el) => el === document.activeElement);
    }
    assert.ok(reached, 'the Uitloggen button can be reached with Tab');
    const focusStyle = await logout.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(focusStyle, 'none', 'the focused button shows a focus outline');
    await page.keyboard.press('Enter');

    assert.equal(await heading1(page, 'Inloggen'), 'Inloggen');
    await page.getByText('U bent uitgelogd.').waitFor();
    assert.equal(await page.title(), 'Inloggen – Kansenspiegel');
    const session = await page.request.get(`${server.url}/api/v1/sessions/current`);
    assert.equal(session.status(), 401, 'the session has ended on the server');
  });

  test('every other role sees the parts of the application it uses', async () => {
    const expected = {
      teamleider: {
        role: 'Teamleider',
        tasks: ['Mijn klanten', 'Team', 'Spiegel', 'Vragenlijsten', 'Meetmomenten', 'Leren', 'Werkgevers'],
        count: /begeleidt \d[\d.]* klanten?( \(\d[\d.]* uitgestroomd\))?\.$/,
      },
      beleid: {
        role: 'Beleidsmedewerker',
        tasks: ['Spiegel', 'Meetmomenten', 'Teamgewoonten', 'Werkgevers'],
        count: null,
      },
      onderzoek: {
        role: 'Onderzoeker',
        tasks: ['Spiegel', 'Meetmomenten', 'Werkgevers', 'Onderzoeksexport'],
        count: null,
      },
      beheer: { role: 'Functioneel beheerder', tasks: ['Beheer'], count: null },
    };
    for (const [username, want] of Object.entries(expected)) {
      const context = await browser.newContext();
      const rolePage = await context.newPage();
      try {
        await rolePage.goto(server.url);
        await logIn(rolePage, username, DEMO_PASSWORD);
        await heading1(rolePage, /^Welkom, /);
        assert.match(await text(rolePage.getByRole('banner')), new RegExp(want.role), username);
        const tasks = rolePage.getByRole('main').getByRole('heading', { level: 3 });
        assert.deepEqual(
          (await tasks.allInnerTexts()).map((t) => t.trim()),
          want.tasks,
          username,
        );
        if (want.count) assert.match(await text(rolePage.getByText(want.count)), want.count, username);
        else
          assert.equal(
            await rolePage.getByText(/begeleidt|klanten kon niet/).count(),
            0,
            `${username} sees no client count`,
          );
      } finally {
        await context.close();
      }
    }
  });

  test('no script errors and no Content-Security-Policy refusals on the way', () => {
    assert.deepEqual(pageProblems, []);
  });
});
