import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../helpers/app.js';
import { ACCESS, USERS, addResearcher, fillPath, routesOf, type Who } from './security-helpers.js';

const WHO: Who[] = ['anoniem', 'consultant', 'teamleider', 'beleidsmedewerker', 'onderzoeker', 'beheerder'];

test('every role × every API route: the answer matches the access matrix, and every route is in it', async (t) => {
  const app = await buildTestApp(t);
  await addResearcher(app);
  const routes = await routesOf(app);
  const keys = routes.map((r) => `${r.method} ${r.path}`);
  const missing = keys.filter((k) => !(k in ACCESS));
  assert.deepEqual(missing, [], 'routes without an entry in the access matrix (decide who may call them)');
  assert.deepEqual(
    Object.keys(ACCESS).filter((k) => !keys.includes(k)),
    [],
    'matrix entries for routes that no longer exist',
  );

  const headers: Partial<Record<Who, Record<string, string>>> = { anoniem: {} };
  for (const who of WHO.slice(1) as Exclude<Who, 'anoniem'>[]) headers[who] = await app.loginAs(USERS[who]);
  const wrong: string[] = [];
  for (const r of routes) {
    if (r.method === 'DELETE' && r.path === '/api/v1/sessions/current') continue; // logs out; checked below
    const key = `${r.method} ${r.path}`;
    for (const who of WHO) {
      const query = new URLSearchParams(Object.entries(r.query).map(([k, v]) => [k, String(v)])).toString();
      const res = await app.inject({
        method: r.method as 'GET',
        url: `${fillPath(r.path)}${query ? `?${query}` : ''}`,
        headers: headers[who],
        ...(r.body !== undefined ? { payload: r.body as object } : {}),
      });
      const code = res.headers['content-type']?.includes('json') ? (res.json() as { code?: string }).code : undefined;
      // A wrong password (LOGIN_FAILED) means the route was reached; only NOT_LOGGED_IN refuses.
      const refused =
        (res.statusCode === 401 && code === 'NOT_LOGGED_IN') ||
        (res.statusCode === 403 && (code === 'FORBIDDEN_ROLE' || code === 'FORBIDDEN_CLIENT'));
      const allowed = ACCESS[key].includes(who);
      if (allowed === refused)
        wrong.push(`${key} as ${who}: ${res.statusCode} ${code ?? ''} (expected ${allowed ? 'allowed' : 'refused'})`);
      if (res.statusCode >= 500) wrong.push(`${key} as ${who}: ${res.statusCode}`);
    }
  }
  assert.deepEqual(wrong, []);
  const out = await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current' });
  assert.equal(out.statusCode, 401);
});
