import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type Locator,
  type Page,
} from 'playwright-core';
import { launchBrowser, startAppServer, type AppServer } from '../helpers/browser.js';

/**
 * One whole trajectory for one client, in the browser as the demo consultant, from intake to
 * outflow; then the mirror of that year (as a policy officer, through the API) must have moved
 * by exactly this one person at each stage the walk reached.
 */
const DEMO_PASSWORD = 'demodam';
const YEAR = '2025';
const STAGES = ['plan', 'voorziening', 'contact_4', 'werkzaam_1m', 'werkzaam_6m', 'uitstroom'] as const;
/** Days after the start of the walk: conversations, end of work (> 6 months after its start at day 10), outflow. */
const CONVERSATIONS = [4, 40, 80, 120];
const WORK_END = 205;
const WALK_DAYS = 215;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface FileJson {
  client: { id: number };
  status: string;
  benefitPeriods: { startDate: string; endDate: string | null; endReason: string | null }[];
  plans: { createdOn: string; status: string }[];
  instrumentAllocations: {
    startedOn: string | null;
    endedOn: string | null;
    satisfaction: number | null;
    clientWish: string | null;
  }[];
  workPeriods: { startDate: string }[];
  conversations: { heldOn: string }[];
}

async function logIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
}

/** Stage totals of the year's mirror, freshly computed (refresh=true skips the 5-minute cache). */
async function stageTotals(api: APIRequestContext): Promise<Record<string, number | null>> {
  const answer = await api.get(`/api/v1/spiegel?period=${YEAR}&ground=geslacht&refresh=true`);
  assert.equal(answer.status(), 200, await answer.text());
  const body = (await answer.json()) as {
    result: { population: number; totals: { stage: string; reached: number | null }[] };
  };
  return Object.fromEntries(body.result.totals.map((t) => [t.stage, t.reached]));
}

/** Opens the form behind a button, fills it through its labels, saves, and waits until it closed. */
async function addRecord(
  page: Page,
  button: string,
  fill: (form: Locator) => Promise<void>,
  scope: Page | Locator = page,
): Promise<void> {
  await scope.getByRole('button', { name: button, exact: true }).click();
  const form = scope.getByRole('form', { name: button, exact: true });
  await form.waitFor();
  await fill(form);
  await form.getByRole('button', { name: /^(Opslaan|Wijzigingen opslaan|Status opslaan)$/ }).click();
  await form.waitFor({ state: 'detached' });
}

describe('a whole trajectory in the browser moves the mirror', () => {
  let browser: Browser;
  let server: AppServer;
  let page: Page;
  let policy: APIRequestContext;
  const problems: string[] = [];

  before(async () => {
    browser = await launchBrowser();
    // Exact counts (rounding base 1, threshold suppression stays): this test follows one person
    // through the stages, which the protected mirror's rounding to fives is there to hide.
    server = await startAppServer({ env: { MIRROR_ROUNDING_BASE: '1' } });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of (401|400)/.test(m.text())) problems.push(m.text());
    });
    policy = await playwrightRequest.newContext({ baseURL: server.url });
    const login = await policy.post('/api/v1/sessions', { data: { username: 'beleid', password: DEMO_PASSWORD } });
    assert.equal(login.status(), 201);
  });

  after(async () => {
    await policy?.dispose();
    await browser?.close();
    await server?.stop();
  });

  test('intake → diagnosis → plan → instrument → conversations → ladder → work → outflow, and the mirror follows', async () => {
    const before = await stageTotals(policy);

    await page.goto(server.url);
    await logIn(page, 'klantmanager');

    // A client of the demo consultant for whom the walk fits in 2025: benefit running since at
    // most early 2025, no instrument started, no work begun, fewer than 4 conversations and no
    // benefit ended in 2025. A plan made earlier is allowed (that stage then stays the same);
    // a client without one is preferred.
    const caseload = (await (await page.request.get(`${server.url}/api/v1/caseload`)).json()) as {
      items: { id: number; status: string }[];
    };
    const in2025 = (d: string | null | undefined) => !!d && d >= '2025-01-01' && d <= '2025-12-31';
    const candidates: { file: FileJson; start: string; hadPlan: boolean }[] = [];
    for (const item of caseload.items.filter((c) => c.status === 'actief')) {
      const file = (await (await page.request.get(`${server.url}/api/v1/clients/${item.id}/file`)).json()) as FileJson;
      const open = file.benefitPeriods.find((b) => b.endDate === null);
      if (!open) continue;
      const start = open.startDate < '2025-01-06' ? '2025-01-06' : addDays(open.startDate, 1);
      if (addDays(start, WALK_DAYS) > '2025-12-31') continue;
      if (
        file.instrumentAllocations.some((a) => in2025(a.startedOn)) ||
        file.workPeriods.some((w) => in2025(w.startDate))
      )
        continue;
      if (
        file.conversations.filter((c) => in2025(c.heldOn)).length >= 4 ||
        file.benefitPeriods.some((b) => in2025(b.endDate))
      )
        continue;
      candidates.push({
        file,
        start,
        hadPlan: file.plans.some((p) => p.createdOn <= '2025-12-31' && p.status !== 'concept'),
      });
    }
    candidates.sort((a, b) => Number(a.hadPlan) - Number(b.hadPlan));
    const chosen = candidates[0];
    assert.ok(chosen, 'the demo consultant has a client for whom the walk fits in 2025');
    const id = chosen.file.client.id;
    const day = (offset: number) => addDays(chosen.start, offset);
    const expected: Record<string, number> = {
      plan: chosen.hadPlan ? 0 : 1,
      voorziening: 1,
      contact_4: 1,
      werkzaam_1m: 1,
      werkzaam_6m: 1,
      uitstroom: 1,
    };

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn klanten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn klanten' }).waitFor();
    await page.goto(`${server.url}/klanten/${id}`);
    await page.getByRole('heading', { level: 2, name: 'Intake' }).waitFor();

    await addRecord(page, 'Intake vastleggen', async (form) => {
      await form.getByLabel('Datum van het eerste gesprek').fill(day(0));
      await form.getByLabel('Wensen van de klant').fill('Werken in de zorg, overdag.');
      await form
        .getByLabel(/^Score /)
        .first()
        .selectOption('3');
    });
    await addRecord(page, 'Diagnoseadvies geven', async (form) => {
      await form.getByLabel('Datum advies').fill(day(1));
      await form.getByLabel('Afstand tot werk').selectOption('kort');
      await form.getByLabel('Redenen').fill('Recente werkervaring in de zorg; taalniveau B1.');
    });
    await addRecord(page, 'Nieuw plan van aanpak', async (form) => {
      await form.getByLabel('Datum plan').fill(day(2));
      await form.getByLabel('Eerste doel').fill('Betaald werk in de zorg binnen een jaar.');
    });
    const newPlan = page.getByRole('article').filter({ hasText: 'Betaald werk in de zorg binnen een jaar.' });
    await addRecord(
      page,
      'Stap toevoegen',
      async (form) => {
        await form.getByLabel('Stap', { exact: false }).first().fill('Cv bijwerken');
        await form.getByLabel('Afgesproken datum').fill(day(30));
      },
      newPlan,
    );
    await page.getByRole('button', { name: 'Markeer als gezet: Cv bijwerken' }).click();
    await page.getByRole('button', { name: 'Zet terug: Cv bijwerken' }).waitFor();

    // The keuzehulp: search, filter, see for whom each provision is open, choose one.
    await page.getByRole('button', { name: 'Voorziening aanvragen' }).click();
    const keuzehulp = page.getByRole('search', { name: 'Keuzehulp: zoek een voorziening' });
    await keuzehulp.waitFor();
    await page.locator('.ks-instrument .ks-badge', { hasText: 'Alleen voor: statushouders' }).first().waitFor(); // a reservation is shown as such
    await keuzehulp.getByLabel('Soort (SRG-type)').selectOption('29');
    await keuzehulp.getByLabel('Zoek op woorden').fill('werkervaring');
    await keuzehulp.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('button', { name: 'Kies Werkervaringsplaats' }).click();
    const allocation = page.getByRole('form', { name: 'Aanvraag voor Werkervaringsplaats' });
    await allocation.getByLabel('Datum aanvraag').fill(day(3));
    await allocation.getByRole('button', { name: 'Opslaan' }).click();
    await allocation.getByText('Vul "Wens van de klant zelf" in.').first().waitFor(); // the wish is required
    await allocation.getByLabel('Waarom deze voorziening').fill('Recente werkervaring in Nederland opdoen.');
    await allocation.getByLabel('Wens van de klant zelf').fill('Graag in een verpleeghuis in de wijk.');
    await allocation.getByRole('button', { name: 'Opslaan' }).click();
    await allocation.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 3, name: 'Werkervaringsplaats' }).waitFor();
    await addRecord(page, 'Verloop vastleggen', async (form) => {
      await form.getByLabel('Startdatum').fill(day(5));
      await form.getByLabel('Einddatum').fill(day(60));
      await form.getByLabel('Uitkomst').selectOption('afgerond');
      await form.getByLabel('Tevredenheid van de klant').selectOption('4');
    });

    for (const offset of CONVERSATIONS) {
      await addRecord(page, 'Gesprek toevoegen', async (form) => {
        await form.getByLabel('Datum gesprek').fill(day(offset));
        await form.getByLabel('Soort gesprek').selectOption('gesprek');
        await form.getByLabel('Plaats').fill('Wijkcentrum');
        await form.getByLabel('Samenvatting').fill(`Voortgang besproken op ${day(offset)}.`);
      });
    }
    await addRecord(page, 'Trede vastleggen', async (form) => {
      await form.getByLabel('Trede', { exact: false }).first().selectOption('4');
      await form.getByLabel('Datum').fill(day(100));
    });
    await addRecord(page, 'Werkperiode toevoegen', async (form) => {
      await form.getByLabel('Werkgever').fill('Zorggroep Demodam');
      await form.getByLabel('Eerste werkdag').fill(day(10));
      await form.getByLabel('Laatste werkdag').fill(day(WORK_END));
      await form.getByLabel('Uren per week').fill('32');
    });
    await addRecord(page, 'Uitstroom vastleggen (einde uitkering)', async (form) => {
      await form.getByLabel('Laatste dag van de uitkering').fill(day(WALK_DAYS));
      await form.getByLabel('Reden').selectOption('werk');
    });

    // What the page shows now.
    const main = page.getByRole('main');
    const text = await main.innerText();
    assert.match(text, /Uitgestroomd/);
    assert.match(text, /Zorggroep Demodam: .* 2025 tot .* 2025, 32 uur per week/);
    assert.match(text, /2025: trede 4, Onbetaald werk/);
    assert.match(text, /Wens van de klant: Graag in een verpleeghuis in de wijk\./);
    assert.equal(
      await page
        .getByRole('list', { name: 'Gesprekken' })
        .getByRole('listitem')
        .filter({ hasText: 'Voortgang besproken op' })
        .count(),
      CONVERSATIONS.length,
    );

    // The API has it all, as recorded.
    const file = (await (await page.request.get(`${server.url}/api/v1/clients/${id}/file`)).json()) as FileJson;
    assert.equal(file.status, 'uitgestroomd');
    assert.deepEqual(
      file.instrumentAllocations.map((a) => [a.startedOn, a.endedOn, a.satisfaction]),
      [[day(5), day(60), 4]],
    );
    assert.equal(file.benefitPeriods[0]?.endReason, 'werk');

    const afterWalk = await stageTotals(policy);
    for (const stage of STAGES) {
      const was = before[stage];
      const now = afterWalk[stage];
      assert.ok(now !== null && now !== undefined, `stage ${stage} is shown after the walk`);
      if (was !== null && was !== undefined)
        assert.equal(now, was + expected[stage]!, `stage ${stage}: ${was} → ${now}`);
      else assert.ok(now >= 10, `stage ${stage} was suppressed and is now at the threshold`);
    }
    assert.deepEqual(problems, []);
  });
});
