import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { demodamDb } from '../helpers/demo-db.js';
import { buildTestApp } from '../helpers/app.js';
import { SERIALISED_FROM } from '../../src/server/read-cache.js';

/**
 * Every JSON route under /api/v1 declares the schema of its success answer, so the OpenAPI
 * document is complete, the web can take its types from the schemas, and the serialiser knows
 * what to write.
 *
 * The rule, read from the OpenAPI document (/api/v1/openapi.json):
 * - a route that answers JSON declares a schema for its 2xx status;
 * - a route that answers 204 declares `204` with an empty schema (`NoContent`): it has no body,
 *   but the declaration says what success looks like, and a route without any 2xx is a gap;
 * - routes that answer something else than JSON are listed below with what they answer;
 * - a schema that accepts anything (`{}`) is only allowed for the free-form answers listed below.
 * The OpenAPI document itself (GET /api/v1/openapi.json, hidden from the document) is not counted.
 */
const NON_JSON: Record<string, string> = {
  'GET /api/v1/spiegel/export.csv': 'text/csv',
  'GET /api/v1/spiegel/export.html': 'text/html',
  'GET /api/v1/spiegel/export.pdf': 'application/pdf', // or a 503 problem when Chromium is missing
  'GET /api/v1/spiegel/export.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'GET /api/v1/imports/{id}/rejected.csv': 'text/csv',
};

/** Answers whose shape is free-form on purpose (see the description on their schema). */
// The inzage document under its Dutch path and its deprecated alias.
const FREE_FORM = new Set<string>(['GET /api/v1/klanten/{id}/inzage', 'GET /api/v1/clients/{id}/inzage']);

type Operation = {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Record<string, unknown> }> }>;
};

async function operations(app: FastifyInstance): Promise<Map<string, Operation>> {
  await app.ready();
  const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const out = new Map<string, Operation>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) out.set(`${method.toUpperCase()} ${path}`, op);
  }
  return out;
}

/** What is wrong with the success answer of one route, or null. */
function successProblem(op: Operation): string | null {
  const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  if (success.length === 0) return 'declares no 2xx answer';
  if (success.some(([status]) => status === '204')) return null;
  const withSchema = success.filter(([, r]) => r.content?.['application/json']?.schema !== undefined);
  if (withSchema.length === 0) return `declares ${success.map(([s]) => s).join(', ')} without a JSON schema`;
  return null;
}

const isFreeForm = (schema: Record<string, unknown> | undefined) =>
  schema !== undefined && Object.keys(schema).filter((k) => k !== 'description').length === 0;

describe('API response schemas', () => {
  test('every JSON route under /api/v1 declares a response schema for its success status', async (t) => {
    const { app } = await buildTestApp(t);
    const ops = await operations(app);
    assert.ok(ops.size > 60, `the OpenAPI document lists the routes (${ops.size})`);
    const missing: string[] = [];
    const freeForm: string[] = [];
    for (const [route, op] of ops) {
      if (!route.split(' ')[1].startsWith('/api/v1/')) continue;
      if (route in NON_JSON) continue;
      const problem = successProblem(op);
      if (problem) {
        missing.push(`${route}: ${problem}`);
        continue;
      }
      const schemas = Object.entries(op.responses ?? {})
        .filter(([s]) => /^2\d\d$/.test(s))
        .map(([, r]) => r.content?.['application/json']?.schema);
      if (schemas.some(isFreeForm) && !FREE_FORM.has(route)) freeForm.push(route);
    }
    assert.deepEqual(missing, [], `routes without a response schema:\n  ${missing.join('\n  ')}`);
    assert.deepEqual(
      freeForm,
      [],
      `routes whose answer schema accepts anything (describe the answer, or list it in FREE_FORM):\n  ${freeForm.join('\n  ')}`,
    );
    for (const route of [...Object.keys(NON_JSON), ...FREE_FORM])
      assert.ok(ops.has(route), `${route} is listed here but is no route`);
  });
});

/**
 * The serialiser writes only what the schema lists: a field the schema forgets disappears from
 * the answer without an error. These tests record what each handler returned (preSerialization)
 * and compare it with what went over the wire, field by field, for a representative answer of
 * each route.
 */
function lostFields(raw: unknown, sent: unknown, path = '$'): string[] {
  if (Array.isArray(raw)) {
    if (!Array.isArray(sent)) return [`${path} (array became ${typeof sent})`];
    return raw.flatMap((v, i) => lostFields(v, sent[i], `${path}[${i}]`));
  }
  if (typeof raw !== 'object' || raw === null || Object.getPrototypeOf(raw) !== Object.prototype) return [];
  if (typeof sent !== 'object' || sent === null) return [`${path} (object became ${String(sent)})`];
  const out: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (!(key in sent)) out.push(`${path}.${key}`);
    else out.push(...lostFields(value, (sent as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return out;
}

function recordPayloads(app: FastifyInstance): Map<string, unknown> {
  const raw = new Map<string, unknown>();
  app.addHook('preSerialization', async (request, _reply, payload) => {
    // a deep copy: what the handler returned, before the serialiser saw it
    raw.set(request.id, JSON.parse(JSON.stringify(payload)) as unknown);
    return payload;
  });
  // answers the route serialised itself, to keep and send again as bytes (src/server/read-cache.ts)
  app.addHook('onSend', async (request, _reply, payload) => {
    const from = (request as unknown as Record<symbol, unknown>)[SERIALISED_FROM];
    if (from !== undefined) raw.set(request.id, JSON.parse(JSON.stringify(from)) as unknown);
    return payload;
  });
  return raw;
}

/** Fields a schema leaves out on purpose. */
const INTENDED_DROPS: Record<string, string[]> = {
  // the session answer names the municipality; its internal id stays on the server
  '/sessions/current': ['$.user.municipalityId'],
};

async function keepsFields(
  app: FastifyInstance,
  raw: Map<string, unknown>,
  headers: Record<string, string>,
  url: string,
  status = 200,
): Promise<unknown> {
  const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 300)}`);
  const sent = res.json() as unknown;
  const returned = [...raw.values()].at(-1);
  raw.clear();
  assert.ok(returned !== undefined, `${url}: the handler's answer was recorded`);
  const lost = lostFields(returned, sent).filter((f) => !(INTENDED_DROPS[url] ?? []).includes(f));
  assert.deepEqual(lost, [], `${url}: fields the schema drops`);
  return sent;
}

describe('no answer loses a field to its schema', () => {
  test('case file, team, catalogue, users and measurement routes (small municipality)', async (t) => {
    const testApp = await buildTestApp(t);
    const raw = recordPayloads(testApp.app);
    const anna = await testApp.loginAs('anna');
    const tessa = await testApp.loginAs('tl-a');
    const bea = await testApp.loginAs('beheer');
    const bert = await testApp.loginAs('beleid');
    for (const url of [
      '/health',
      '/sessions/current',
      '/clients',
      '/clients/count',
      '/clients/1',
      '/clients/1/file',
      '/caseload',
      '/instruments',
      '/srg-types',
      '/life-domains',
      '/questionnaire/definition',
      '/clients/1/measurements',
      '/measurements/due',
    ]) {
      await keepsFields(testApp.app, raw, anna, url);
    }
    for (const url of ['/team/overview', '/team/bottom-of-pile', '/team/pagina', '/clients/1/intervision-summary'])
      await keepsFields(testApp.app, raw, tessa, url);
    for (const url of ['/users', '/teams', '/imports', '/data-quality']) await keepsFields(testApp.app, raw, bea, url);
    await keepsFields(testApp.app, raw, bert, '/meetmomenten/uitkomsten?period=2025');
  });

  test('the mirror answers keep every field (small Demodam)', async (t) => {
    const config = { ...loadConfig({}), demo: false };
    const db = await demodamDb({ clients: 1500, pseudonymSecret: config.pseudonymSecret });
    const app = await buildApp({ db, config });
    t.after(async () => {
      await app.close();
      await db.drop();
    });
    const raw = recordPayloads(app);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { username: 'beleid', password: 'demodam' },
    });
    assert.equal(login.statusCode, 201, login.body);
    const headers = { cookie: `ks_session=${login.cookies.find((c) => c.name === 'ks_session')!.value}` };

    await keepsFields(app, raw, headers, '/spiegel/options');
    const mirror = (await keepsFields(app, raw, headers, '/spiegel?period=2025&ground=geslacht')) as {
      result: { cells: object[] };
    };
    // every field of a cell is there, also when the engine's value is null
    const cellKeys = Object.keys(mirror.result.cells[0]).sort();
    const { MirrorCell } = await import('../../src/server/schemas/spiegel.js');
    assert.deepEqual(cellKeys, Object.keys(MirrorCell.properties).sort());
    await keepsFields(app, raw, headers, '/spiegel?period=2025&ground=geslacht*leeftijd');
    await keepsFields(app, raw, headers, '/spiegel/aandacht?period=2025&ground=geslacht');
    await keepsFields(
      app,
      raw,
      headers,
      '/spiegel/aangepast?period=2025&stage=voorziening&ground=geslacht&covariates=leeftijd',
    );
    await keepsFields(app, raw, headers, '/meetmomenten/uitkomsten?period=2025');
    await keepsFields(app, raw, headers, '/data-quality');

    // the research export answers JSON, or the same rows as CSV
    const researcher = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { username: 'onderzoek', password: 'demodam' },
    });
    assert.equal(researcher.statusCode, 201, researcher.body);
    const onderzoek = { cookie: `ks_session=${researcher.cookies.find((c) => c.name === 'ks_session')!.value}` };
    const exported = (await keepsFields(app, raw, onderzoek, '/research-export')) as { rows: object[] };
    assert.ok(exported.rows.length > 0);
    const csv = await app.inject({ method: 'GET', url: '/api/v1/research-export?format=csv', headers: onderzoek });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.equal(csv.body.split('\r\n')[0].split(';')[0], 'nummer');

    for (const [route, type] of Object.entries(NON_JSON)) {
      // the PDF is the HTML report printed by Chromium, which a test machine may not have
      if (!route.startsWith('GET /api/v1/spiegel/') || type === 'application/pdf') continue;
      const res = await app.inject({ method: 'GET', url: `${route.slice(4)}?period=2025&ground=geslacht`, headers });
      assert.equal(res.statusCode, 200, `${route}: ${res.body.slice(0, 200)}`);
      assert.match(String(res.headers['content-type']), new RegExp(`^${type}`), route);
    }
  });
});
