import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, startAppServer, type AppServer } from '../helpers/browser.js';

/**
 * In the browser as the demo consultant: a new vacancy with a requirement judged not needed and
 * raised with the employer → a suggestion that explains itself → proposal → invitation →
 * placement → follow-up at 1 month. Then the policy officer's view of the employer mirror.
 * Every page passes axe (WCAG 2.1 AA).
 */
const SHOTS = '/tmp/shots-werkgevers';
const day = (n: number): string => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

let browser: Browser;
let server: AppServer;
let page: Page;
const problems: string[] = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  server = await startAppServer();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(username: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill('demodam');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
}

async function accessible(name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  assert.deepEqual(await checkA11y(page), [], name);
}

test('vacancy with a requirement not needed → proposal → invitation → placement → follow-up at 1 month', async () => {
  await logIn('klantmanager');
  await page.getByRole('navigation').getByRole('link', { name: 'Werkgevers' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werkgevers' }).waitFor();
  await page.getByRole('heading', { name: 'Signalen van externe trajecten' }).waitFor();
  await accessible('01-werkgevers');

  await page.getByRole('link', { name: 'Hotel Havenzicht' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hotel Havenzicht' }).waitFor();
  const vacancyForm = page.getByRole('form', { name: 'Nieuwe vacature' });
  await vacancyForm.getByLabel('Functie').fill('Medewerker keuken');
  await vacancyForm.getByLabel('Cruciale competenties').fill('samenwerken, zorgvuldig, klantgericht');
  await accessible('02-werkgever');
  await vacancyForm.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Medewerker keuken' }).waitFor();

  const reqForm = page.getByRole('form', { name: 'Eis toevoegen' });
  await reqForm.getByLabel('Soort eis').selectOption('taalniveau');
  await reqForm.getByLabel('Omschrijving').fill('Nederlands op niveau B2');
  await reqForm.getByLabel('Beoordeling').selectOption('niet_nodig');
  await reqForm.getByRole('button', { name: 'Eis toevoegen' }).click();
  await page.getByText('Bespreken met de werkgever').waitFor();
  const answer = page.getByRole('form', { name: 'Antwoord vastleggen: Nederlands op niveau B2' });
  await answer.getByLabel('Antwoord van de werkgever').fill('A2 is genoeg voor dit werk');
  await answer.getByLabel('Uitkomst').selectOption('aangepast');
  await answer.getByRole('button', { name: 'Antwoord vastleggen' }).click();
  await page.getByText('A2 is genoeg voor dit werk (Aangepast)').waitFor();
  assert.equal(await page.getByText('Bespreken met de werkgever').count(), 0);
  await accessible('03-vacature-eis-besproken');

  const suggestion = page.locator('article.ks-suggestion').first();
  await suggestion.getByText(/^Competenties: \d van 3/).waitFor();
  const client = ((await suggestion.getByRole('heading').first().textContent()) ?? '').split(' · ')[0];
  assert.ok(client.length > 0);
  await suggestion
    .getByLabel(`Waarom stelt u ${client} voor?`)
    .fill('Competenties passen en wil graag in de horeca werken');
  await suggestion.getByLabel('Datum voorstel').fill(day(-60));
  await suggestion.getByRole('button', { name: 'Voorstellen' }).click();
  const proposal = page.getByRole('article', { name: client });
  await proposal.getByRole('heading', { name: `${client} · Voorgesteld` }).waitFor();
  await accessible('04-voorgesteld');

  await proposal.getByLabel('Uitgenodigd op').fill(day(-55));
  await proposal.getByRole('button', { name: 'Uitnodiging vastleggen' }).click();
  await proposal.getByRole('heading', { name: `${client} · Uitgenodigd` }).waitFor();
  await proposal.getByLabel('Begonnen op').fill(day(-45));
  await proposal.getByRole('button', { name: 'Aanname vastleggen' }).click();
  await proposal.getByRole('heading', { name: `${client} · Aangenomen` }).waitFor();
  await proposal.getByText('te laat').waitFor();
  await accessible('05-aangenomen-nazorg-te-laat');

  await proposal.getByLabel('Contact op').fill(day(-1));
  await proposal.getByRole('button', { name: 'Vastleggen: werkt er nog' }).click();
  await proposal.getByRole('heading', { name: `${client} · Werkt na 1 maand` }).waitFor();
  await proposal.getByText(/Nazorg na 1 maand\(en\): gesproken op .*, werkt er nog/).waitFor();
  await accessible('06-werkt-na-1-maand');
  assert.deepEqual(problems, []);
});

test('the policy officer sees the employer mirror and the request report, without names of clients', async () => {
  await page.context().clearCookies();
  await logIn('beleid');
  await page.goto(`${server.url}/werkgevers`);
  await page.getByRole('heading', { name: 'Beslismomenten bij werkgevers per groep' }).waitFor();
  await page.getByRole('heading', { name: 'Discriminerende verzoeken' }).waitFor();
  await page.getByRole('table', { name: 'Beslismomenten bij werkgevers per groep' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Signalen van externe trajecten' }).count(), 0);
  await accessible('07-beleid-spiegel');
  assert.deepEqual(problems, []);
});
