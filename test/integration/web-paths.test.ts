import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildTestApp } from '../helpers/app.js';
import { createApiClient } from '../../src/web/api.js';
import { casefileApi } from '../../src/web/api-casefile.js';

/**
 * The client file's forms name the record they change ("conversations", "plans/3/steps"); the
 * web's API client sends that on its Dutch path. Every such address must be a live route of the
 * server under its Dutch name, not only a deprecated alias: a form that posts to an address
 * the server does not know fails only when a user saves.
 */
const FORM_SOURCES = ['src/web/pages/begeleiding/sections.tsx', 'src/web/pages/begeleiding/ClientFilePage.tsx'];

function formCalls(): { method: 'POST' | 'PATCH'; sub: string }[] {
  const calls: { method: 'POST' | 'PATCH'; sub: string }[] = [];
  for (const file of FORM_SOURCES) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/save\([^;]*?,\s*'(POST|PATCH)',\s*[`'](.*?)[`']/gs))
      calls.push({ method: m[1] as 'POST' | 'PATCH', sub: m[2].replace(/\$\{[^}]+\}/g, '3') });
  }
  return calls;
}

test('every change the client file sends reaches a live route under its Dutch path', async (t) => {
  const { app } = await buildTestApp(t);
  await app.ready();
  const doc = app.swagger() as { paths: Record<string, Record<string, { deprecated?: boolean }>> };
  const live: { method: string; pattern: RegExp }[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops))
      if (!op.deprecated)
        live.push({ method: method.toUpperCase(), pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`) });

  const sent: string[] = [];
  const api = createApiClient({
    baseUrl: '/api/v1',
    fetch: (async (url: string) => {
      sent.push(String(url));
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch,
  });
  const calls = formCalls();
  assert.ok(calls.length >= 15, `the forms' calls are found in the source (${calls.length})`);
  const missing: string[] = [];
  for (const call of calls) {
    sent.length = 0;
    await casefileApi(api).change(call.method, 7, call.sub, {});
    const url = sent[0].split('?')[0];
    if (!live.some((r) => r.method === call.method && r.pattern.test(url))) missing.push(`${call.method} ${url}`);
  }
  assert.deepEqual(missing, [], 'addresses the forms send that the server does not serve under its Dutch name');
});
