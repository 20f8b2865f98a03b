import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../helpers/app.js';
import { clock } from '../../src/domain/dates.js';

/**
 * Between 00:00 and 02:00 Dutch time the UTC date is still yesterday. A record dated today (in
 * Amsterdam), as every form fills in by default, must be accepted then; tomorrow stays refused.
 */
test('a conversation dated "today in Amsterdam" is accepted while the UTC date is still yesterday', async (t) => {
  const { inject, loginAs } = await buildTestApp(t);
  const headers = await loginAs('anna');
  const real = clock.now;
  t.after(() => {
    clock.now = real;
  });
  // 00:30 on 1 April 2026 in Amsterdam (summer time) is 22:30 on 31 March in UTC.
  clock.now = () => new Date('2026-03-31T22:30:00Z');
  assert.equal(
    new Date('2026-03-31T22:30:00Z').toISOString().slice(0, 10),
    '2026-03-31',
    'the UTC date is still 31 March',
  );

  const today = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/conversations',
    headers,
    payload: { heldOn: '2026-04-01', kind: 'telefoon' },
  });
  assert.equal(today.statusCode, 201, today.body);

  const tomorrow = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/conversations',
    headers,
    payload: { heldOn: '2026-04-02', kind: 'telefoon' },
  });
  assert.equal(tomorrow.statusCode, 400, tomorrow.body);
  assert.deepEqual(
    tomorrow.json().invalidParams.map((p: { name: string }) => p.name),
    ['heldOn'],
  );

  // Winter time: 00:30 on 1 February in Amsterdam is 23:30 on 31 January in UTC.
  clock.now = () => new Date('2026-01-31T23:30:00Z');
  const winter = await inject({
    method: 'POST',
    url: '/api/v1/clients/1/diagnoses',
    headers,
    payload: { givenOn: '2026-02-01', distance: 'kort', reasons: 'Recente werkervaring.' },
  });
  assert.equal(winter.statusCode, 201, winter.body);

  // The file's status is computed on the same Amsterdam day.
  const file = await inject({ method: 'GET', url: '/api/v1/clients/1/file', headers });
  assert.equal(file.statusCode, 200);
});
