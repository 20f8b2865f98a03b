import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../helpers/app.js';
import { RENAMED_PREFIXES } from '../../src/server/api-paths.js';

// The API speaks the Dutch terms of docs/begrippen.md; the old English paths answer the same
// for one more release, marked as deprecated.
const PAIRS: [old: string, renamed: string][] = [
  ['/clients', '/klanten'],
  ['/clients/count', '/klanten/count'],
  ['/clients/1', '/klanten/1'],
  ['/clients/1/file', '/klanten/1/dossier'],
  ['/clients/1/measurements', '/klanten/1/meetmomenten'],
  ['/caseload?consultantId=1', '/mijn-klanten?consultantId=1'],
  ['/instruments', '/voorzieningen'],
  ['/life-domains', '/leefgebieden'],
  ['/measurements/due', '/meetmomenten/aan-de-beurt'],
  ['/questionnaire/definition', '/vragenlijst/definitie'],
];

test('old and new paths give the same answer; the old one says it is deprecated and where to go', async (t) => {
  const ta = await buildTestApp(t);
  const headers = await ta.loginAs('anna');
  for (const [old, renamed] of PAIRS) {
    const a = await ta.inject({ method: 'GET', url: `/api/v1${old}`, headers });
    const b = await ta.inject({ method: 'GET', url: `/api/v1${renamed}`, headers });
    assert.equal(b.statusCode, 200, `${renamed}: ${b.body}`);
    assert.equal(a.statusCode, b.statusCode, old);
    assert.deepEqual(a.json(), b.json(), `${old} and ${renamed}`);
    assert.equal(a.headers.deprecation, 'true', old);
    assert.equal(a.headers.link, `</api/v1${renamed}>; rel="successor-version"`, old);
    assert.equal(b.headers.deprecation, undefined, renamed);
  }
});

test('writing through an old path still works and lands in the same case file', async (t) => {
  const ta = await buildTestApp(t);
  const headers = await ta.loginAs('anna');
  const body = { heldOn: '2025-03-01', kind: 'gesprek', summary: 'Kennismaking' };
  const viaOld = await ta.inject({ method: 'POST', url: '/api/v1/clients/1/conversations', headers, payload: body });
  const viaNew = await ta.inject({ method: 'POST', url: '/api/v1/klanten/1/gesprekken', headers, payload: body });
  assert.equal(viaOld.statusCode, viaNew.statusCode, viaOld.body);
  assert.equal(viaOld.headers.deprecation, 'true');
  const file = (await ta.inject({ method: 'GET', url: '/api/v1/klanten/1/dossier', headers })).json() as {
    conversations: unknown[];
  };
  assert.equal(file.conversations.length, 2);
});

test('OpenAPI lists the Dutch paths and marks every old path deprecated', async (t) => {
  const ta = await buildTestApp(t);
  const spec = (await ta.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, { deprecated?: boolean }>>;
  };
  const paths = Object.keys(spec.paths);
  for (const [old, renamed] of RENAMED_PREFIXES) {
    const oldPaths = paths.filter((p) => p === `/api/v1${old.replace(/:(\w+)/g, '{$1}')}`);
    for (const p of oldPaths) for (const op of Object.values(spec.paths[p])) assert.equal(op.deprecated, true, p);
    const newPath = `/api/v1${renamed.replace(/:(\w+)/g, '{$1}')}`;
    if (oldPaths.length > 0) {
      assert.ok(paths.includes(newPath), newPath);
      for (const op of Object.values(spec.paths[newPath])) assert.notEqual(op.deprecated, true, newPath);
    }
  }
  assert.ok(paths.includes('/api/v1/klanten/{id}/dossier'));
});
