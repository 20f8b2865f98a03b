import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';
import { checkA11y, launchBrowser, screenshotPath, startAppServer, type AppServer } from '../helpers/browser.js';

const DEMO_PASSWORD = 'demodam';
/** Words of the special categories (and their field names) that a consultant must never see. */
const SPECIAL_WORDS =
  /geboorteland|birth.?country|nationaliteit|nationality|religion|godsdienst|migrati|statushouder|gezondheidsbeperking|health.?limitation/i;

async function logIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
}

async function apiAs(url: string, username: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await playwrightRequest.newContext({ baseURL: url });
  const answer = await api.post('/api/v1/sessions', { data: { username, password: DEMO_PASSWORD } });
  assert.equal(answer.status(), 201);
  return { api, csrf: ((await answer.json()) as { csrfToken: string }).csrfToken };
}

/** Tab until `predicate` holds for the focused element; fails after `max` presses. */
async function tabTo(page: Page, predicate: string, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  assert.fail(`not reached with Tab: ${predicate}`);
}

/** The JSON without the discrimination grounds (herkomst, religie…): those are what the client experienced, recorded on purpose. */
const withoutGrounds = (json: unknown): string =>
  JSON.stringify(json, (key, value: unknown) => (key === 'grounds' ? undefined : value));

describe('guidance, team and beheer pages in Chromium', () => {
  let browser: Browser;
  let server: AppServer;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  let firstClient: { id: number; name: string };

  before(async () => {
    browser = await launchBrowser();
    server = await startAppServer();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of (401|400|403|409)/.test(m.text())) problems.push(m.text());
    });
    await page.goto(server.url);
    await logIn(page, 'klantmanager');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the caseload: table, search, filters, badges with text; passes axe; no special categories', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn klanten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn klanten' }).waitFor();
    const table = page.getByRole('table', { name: /Klanten, met gesprekken/ });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    const total = await rows.count();
    assert.ok(total > 0);
    const answer = await page.request.get(`${server.url}/api/v1/caseload`);
    const caseload = (await answer.json()) as {
      items: {
        id: number;
        name: string;
        flags: { onderOpDeStapel: boolean; meetmomentNodig: { wave: string } | null };
      }[];
    };
    assert.equal(total, caseload.items.length, 'one row per client');
    assert.doesNotMatch(withoutGrounds(caseload), SPECIAL_WORDS);
    firstClient = [...caseload.items].sort((a, b) => a.name.localeCompare(b.name, 'nl'))[0]!;

    const stapel = caseload.items.filter((c) => c.flags.onderOpDeStapel).length;
    await page.getByLabel('Onder op de stapel').check();
    await page.getByText(`${stapel} van ${total} klanten`).waitFor();
    assert.equal(await rows.count(), stapel);
    if (stapel > 0)
      assert.equal(await table.getByText('Onder op de stapel').count(), stapel, 'the flag is a badge with text');
    await page.getByLabel('Onder op de stapel').uncheck();
    // measurement moment due (from the questionnaire schedule): filter and badge
    const due = caseload.items.filter((c) => c.flags.meetmomentNodig !== null).length;
    await page.getByLabel('Meetmoment').check();
    await page.getByText(`${due} van ${total} klanten`).waitFor();
    assert.equal(await rows.count(), due);
    if (due > 0)
      assert.equal(
        await table.getByText(/^Meetmoment T[012]/).count(),
        due,
        'the measurement moment is a badge with text',
      );
    await page.getByLabel('Meetmoment').uncheck();

    const part = firstClient.name.split(' ')[0]!;
    await page.getByLabel('Zoek op naam').fill(part);
    await page
      .getByText(new RegExp(`^\\d+ van ${total} klanten$`))
      .filter({ hasNotText: `${total} van ${total}` })
      .waitFor();
    assert.ok((await rows.count()) >= 1);
    assert.ok((await rows.allInnerTexts()).every((t) => t.toLowerCase().includes(part.toLowerCase())));
    await page.getByLabel('Zoek op naam').fill('');
    await page.getByLabel('Sorteer op').selectOption('last');

    assert.doesNotMatch(await page.getByRole('main').innerText(), SPECIAL_WORDS);
    assert.deepEqual(await checkA11y(page), []);
    await page.getByLabel('Sorteer op').selectOption('name');
    await page.screenshot({ path: screenshotPath('caseload.png'), fullPage: false });
  });

  test('keyboard only: open a client from the caseload and add a conversation', async () => {
    await page.goto(`${server.url}/klanten`);
    await page.getByRole('table').waitFor();
    await tabTo(page, `document.activeElement?.textContent === ${JSON.stringify(firstClient.name)}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: firstClient.name }).waitFor();
    assert.equal(
      await page.evaluate('document.activeElement?.tagName'),
      'H1',
      'the heading of the file takes the focus',
    );
    await tabTo(page, `document.activeElement?.textContent === 'Gesprek toevoegen'`);
    await page.keyboard.press('Space');
    const form = page.getByRole('form', { name: 'Gesprek toevoegen' });
    await form.waitFor();
    assert.equal(
      await page.evaluate('document.activeElement?.getAttribute("type")'),
      'date',
      'the focus is on the first field',
    );
    await tabTo(page, `document.activeElement?.tagName === 'TEXTAREA'`, 10);
    await page.keyboard.type('Telefonisch gesproken over de sollicitatie.');
    await tabTo(page, `document.activeElement?.textContent === 'Opslaan'`, 10);
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await page
      .getByRole('list', { name: 'Gesprekken' })
      .getByText('Telefonisch gesproken over de sollicitatie.')
      .waitFor();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen: Gesprekken.' }).waitFor({ state: 'attached' });
  });

  test('the client file: sections with a local menu, forms with errors next to the field; passes axe', async () => {
    await page.goto(`${server.url}/klanten/${firstClient.id}`);
    await page.getByRole('heading', { level: 1, name: firstClient.name }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Op deze pagina' });
    assert.equal(await nav.getByRole('link').count(), 13);
    for (const h of [
      'Persoonsgegevens',
      'Intake',
      'Diagnoseadvies',
      'Plan van aanpak',
      'Voorzieningen',
      'Meetmoment (vragenlijst)',
      'Gesprekken',
      'Participatieladder',
      'Discriminatie besproken',
      'Werk en uitstroom',
      'Feedback van de klant',
    ]) {
      await page.getByRole('heading', { level: 2, name: h }).waitFor();
    }
    const fileJson = await (await page.request.get(`${server.url}/api/v1/clients/${firstClient.id}/file`)).json();
    assert.doesNotMatch(withoutGrounds(fileJson), SPECIAL_WORDS);
    assert.doesNotMatch(await page.getByRole('main').innerText(), SPECIAL_WORDS);
    await page.screenshot({ path: screenshotPath('client-file.png'), fullPage: false });

    // A form open, refused by the API: the message stands next to the field, the summary takes the focus, the input stays.
    await page.getByRole('button', { name: 'Werkperiode toevoegen' }).click();
    const work = page.getByRole('form', { name: 'Werkperiode toevoegen' });
    await work.getByLabel('Werkgever').fill('Bakkerij De Korenschoof');
    await work.getByLabel('Eerste werkdag').fill('2025-05-01');
    await work.getByLabel('Laatste werkdag').fill('2025-04-01');
    await work.getByLabel('Uren per week').fill('20');
    await work.getByRole('button', { name: 'Opslaan' }).click();
    const summary = work.getByRole('alert');
    await summary.getByText('De einddatum ligt vóór de begindatum.').waitFor();
    assert.equal(
      await summary.evaluate((el) => el === document.activeElement),
      true,
      'the error summary takes the focus',
    );
    const end = work.getByLabel('Laatste werkdag');
    assert.equal(await end.getAttribute('aria-invalid'), 'true');
    assert.match(
      await end.evaluate(
        (el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent ?? '',
      ),
      /vóór de begindatum/,
    );
    assert.equal(await work.getByLabel('Werkgever').inputValue(), 'Bakkerij De Korenschoof', 'what was typed stays');
    await page.getByRole('button', { name: 'Gesprek toevoegen' }).click();
    await page.getByRole('button', { name: 'Voorziening aanvragen' }).click();
    await page.getByRole('search', { name: 'Keuzehulp: zoek een voorziening' }).waitFor();
    await page.getByText(/voorzieningen gevonden/).waitFor();
    assert.deepEqual(await checkA11y(page), []);
    await work.getByRole('button', { name: 'Annuleren' }).click();
  });

  test('a version conflict on personal data keeps the input and offers to reload', async () => {
    await page.goto(`${server.url}/klanten/${firstClient.id}`);
    await page.getByRole('button', { name: 'Persoonsgegevens wijzigen' }).click();
    const form = page.getByRole('form', { name: 'Persoonsgegevens wijzigen' });
    await form.getByLabel('Woonplaats').fill('Demodam-Oost');
    // Someone else changes the same client in the meantime.
    const other = await apiAs(server.url, 'klantmanager');
    const current = (await (await other.api.get(`/api/v1/clients/${firstClient.id}/file`)).json()) as {
      client: { version: number };
    };
    const change = await other.api.patch(`/api/v1/clients/${firstClient.id}`, {
      data: { version: current.client.version, houseNumber: '12' },
      headers: { 'x-csrf-token': other.csrf },
    });
    assert.equal(change.status(), 200);
    await other.api.dispose();

    await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await form.getByText(/^Iemand anders heeft dit intussen gewijzigd/).waitFor();
    assert.equal(await form.getByLabel('Woonplaats').inputValue(), 'Demodam-Oost');
    await form.getByRole('button', { name: 'Laad opnieuw' }).click();
    await page.getByText(/12, /).first().waitFor();
  });

  test('a client of another team: a clear "geen toegang" page, and 403 from the API', async () => {
    const lead = await apiAs(server.url, 'teamleider');
    const team = (await (await lead.api.get('/api/v1/caseload')).json()) as { items: { id: number }[] };
    await lead.api.dispose();
    const ours = new Set(team.items.map((c) => c.id));
    const otherId = [...Array(300).keys()].map((i) => i + 1).find((id) => !ours.has(id))!;
    const answer = await page.request.get(`${server.url}/api/v1/clients/${otherId}/file`);
    assert.equal(answer.status(), 403);
    await page.goto(`${server.url}/klanten/${otherId}`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    assert.match(await page.getByRole('main').innerText(), /U hebt geen toegang tot dit dossier/);
    assert.deepEqual(await checkA11y(page), []);
  });

  test('the team leader: team page, bottom of the pile, printable intervision without name, BSN, address or birth date', async () => {
    const leadContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const lead = await leadContext.newPage();
    try {
      await lead.goto(server.url);
      await logIn(lead, 'teamleider');
      await lead.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Team' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
      await lead.getByRole('table', { name: /Per klantmanager/ }).waitFor();
      assert.deepEqual(await checkA11y(lead), []);
      await lead.screenshot({ path: screenshotPath('team.png'), fullPage: false });

      // The caseload with a consultant filter.
      await lead.goto(`${server.url}/klanten`);
      await lead.getByRole('heading', { level: 1, name: 'Klanten van het team' }).waitFor();
      const consultant = lead.getByLabel('Klantmanager');
      await consultant.locator('option').nth(1).waitFor({ state: 'attached' }); // the filters appear once the caseload is loaded
      const options = await consultant.locator('option').allInnerTexts();
      assert.ok(options.length >= 2);
      await consultant.selectOption({ index: 1 });
      await lead
        .getByText(/^\d+ van \d+ klanten$/)
        .filter({ hasNotText: /^(\d+) van \1 klanten$/ })
        .waitFor(); // the filter has been applied
      const shown = await lead.locator('tbody tr td:nth-child(2)').allInnerTexts();
      assert.ok(shown.every((name) => name === options[1]));
      assert.deepEqual(await checkA11y(lead), []);

      await lead.goto(`${server.url}/team`);
      // the searchable picker: open the list with the arrow key, take the first client
      const picker = lead.getByRole('combobox', { name: 'Klant voor de casus' });
      await picker.focus();
      await lead.keyboard.press('ArrowDown');
      const first = lead.getByRole('listbox', { name: 'Klant voor de casus' }).getByRole('option').first();
      const caseId = /klantnummer (\d+)/.exec(await first.innerText())![1]!;
      await lead.keyboard.press('Enter');
      await lead.getByRole('button', { name: 'Maak casusbeschrijving' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Casus voor intervisie' }).waitFor();
      await lead.getByRole('heading', { level: 2, name: 'Vragen voor de bespreking' }).waitFor();
      const file = (await (await lead.request.get(`${server.url}/api/v1/clients/${caseId}/file`)).json()) as {
        client: {
          givenName: string;
          familyName: string;
          bsn: string;
          birthDate: string;
          street: string | null;
          postcode: string | null;
        };
      };
      const text = await lead.getByRole('main').innerText();
      for (const secret of [
        file.client.familyName,
        file.client.bsn,
        file.client.birthDate,
        file.client.street,
        file.client.postcode,
      ]) {
        if (secret) assert.ok(!text.includes(secret), `the case does not show "${secret}"`);
      }
      assert.deepEqual(await checkA11y(lead), []);
      await lead.emulateMedia({ media: 'print' });
      assert.equal(
        await lead.getByRole('button', { name: 'Afdrukken' }).isVisible(),
        false,
        'the print button is not printed',
      );
      assert.equal(
        await lead.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(),
        false,
        'the menu is not printed',
      );
      await lead.screenshot({ path: screenshotPath('intervision.png'), fullPage: true });
      await lead.emulateMedia({ media: 'screen' });
    } finally {
      await leadContext.close();
    }
  });

  test('beheer: catalogue, life domains, teams and users; add a provision for one target group; passes axe', async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await adminContext.newPage();
    try {
      await admin.goto(server.url);
      await logIn(admin, 'beheer');
      await admin.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
      for (const h of ['Voorzieningen', 'Leefgebieden', 'Teams', 'Gebruikers'])
        await admin.getByRole('heading', { level: 2, name: h }).waitFor();
      assert.deepEqual(await checkA11y(admin), []);

      await admin.getByRole('button', { name: 'Voorziening toevoegen' }).click();
      const form = admin.getByRole('form', { name: 'Voorziening toevoegen' });
      await form.getByLabel('Code').fill('taalmaatje');
      await form.getByLabel('Naam').fill('Taalmaatje');
      await form.getByLabel('SRG-type (CBS)').selectOption('59');
      await form.getByLabel('Wat het van de klant vraagt').fill('Eén uur per week afspreken.');
      await form.getByLabel('Alleen voor doelgroep').selectOption('jongeren_tot_27');
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await form.waitFor({ state: 'detached' });
      await admin.getByRole('heading', { level: 3, name: /Taalmaatje/ }).waitFor();
      await admin.getByText('Alleen voor: jongeren tot 27 jaar').waitFor();

      await admin.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
      const user = admin.getByRole('form', { name: 'Gebruiker toevoegen' });
      await user.getByLabel('Naam', { exact: false }).first().fill('Sam de Vries');
      await user.getByLabel('Gebruikersnaam').fill('sam');
      await user.getByLabel('Rol').selectOption('consultant');
      await user.getByLabel('Eerste wachtwoord').fill('een-lang-wachtwoord');
      await user.getByRole('button', { name: 'Opslaan' }).click();
      await user.getByText('Een klantmanager of teamleider hoort bij een team.').first().waitFor();
      assert.deepEqual(await checkA11y(admin), []);
      await user.getByLabel('Team', { exact: false }).first().selectOption({ index: 1 });
      await user.getByRole('button', { name: 'Opslaan' }).click();
      await user.waitFor({ state: 'detached' });
      await admin.getByRole('rowheader', { name: 'Sam de Vries' }).waitFor();
      await admin.screenshot({ path: screenshotPath('beheer.png'), fullPage: false });
    } finally {
      await adminContext.close();
    }
  });

  test('no script errors on the way', () => {
    assert.deepEqual(problems, []);
  });
});
