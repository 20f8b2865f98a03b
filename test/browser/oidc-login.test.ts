import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  checkA11y,
  freePort,
  launchBrowser,
  screenshotPath,
  startAppServer,
  type AppServer,
} from '../helpers/browser.js';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';

const accounts: Record<string, Record<string, unknown>> = {
  'kim.klaassen': {
    preferred_username: 'kim.klaassen',
    name: 'Kim Klaassen',
    roles: ['KS-Klantmanager'],
    team: 'Noord',
  },
  'bo.beleid': { preferred_username: 'bo.beleid', name: 'Bo Beleid', roles: ['Iedereen', 'KS-Beleid'] },
  'nog.geen.rol': { preferred_username: 'nog.geen.rol', name: 'Nog Geen Rol', roles: ['Iedereen'] },
};

/** At the provider's own (development) log-in form: any password. */
async function logInAtProvider(page: Page, account: string): Promise<void> {
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

describe('log-in through the identity provider (OpenID Connect) in Chromium', () => {
  let browser: Browser;
  let server: AppServer;
  let provider: TestProvider;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/api/v1/oidc/terugkeer`;
    provider = await startTestProvider({ redirectUri, accounts });
    server = await startAppServer({
      demoClients: 100,
      port,
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_REDIRECT_URI: redirectUri,
        OIDC_ROLE_MAP: 'KS-Klantmanager=consultant,KS-Beleid=beleidsmedewerker,KS-Beheer=beheerder',
      },
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  });

  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    return page;
  }

  test('the log-in page offers the municipality account first, and passes axe', async () => {
    await freshPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Inloggen met uw account van de gemeente' }).waitFor();
    assert.equal(await page.getByLabel('Gebruikersnaam').count(), 1, 'local accounts stay');
    assert.deepEqual(await checkA11y(page), []);
    await page.screenshot({ path: screenshotPath('oidc-login.png'), fullPage: true });
  });

  test('a policy officer from the provider gets the mirror, a consultant of team Noord the caseload', async () => {
    const cases: [string, string, string, string][] = [
      ['bo.beleid', 'Bo Beleid', 'Beleidsmedewerker', 'Spiegel'],
      ['kim.klaassen', 'Kim Klaassen', 'Klantmanager', 'Mijn klanten'],
    ];
    for (const [account, name, roleLabel, menuItem] of cases) {
      await freshPage();
      await page.goto(server.url);
      await page.getByRole('link', { name: 'Inloggen met uw account van de gemeente' }).click();
      await logInAtProvider(page, account);
      const heading = page.getByRole('heading', { level: 1, name: /^Welkom, / });
      await heading.waitFor();
      assert.match(await heading.innerText(), new RegExp(name.split(' ')[0]));
      const banner = await page.getByRole('banner').innerText();
      assert.match(banner, new RegExp(roleLabel), account);
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      assert.equal(await nav.getByRole('link', { name: menuItem }).count(), 1, `${account}: ${menuItem}`);
      assert.equal(new URL(page.url()).pathname, '/');
      await page.screenshot({ path: screenshotPath(`oidc-${account}.png`), fullPage: true });
      await page.context().close();
    }
  });

  test('no role in the claims: back on the log-in page with a clear message, not logged in', async () => {
    await freshPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Inloggen met uw account van de gemeente' }).click();
    await logInAtProvider(page, 'nog.geen.rol');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /geeft geen rol in Kansenspiegel/);
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Inloggen' }).count(), 1);
    assert.equal(new URL(page.url()).search, '', 'the reason is taken from the address');
    await page.screenshot({ path: screenshotPath('oidc-geen-rol.png'), fullPage: true });
    const session = await page.request.get(`${server.url}/api/v1/sessions/current`);
    assert.equal(session.status(), 401);
  });
});
