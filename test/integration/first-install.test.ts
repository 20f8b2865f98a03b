import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { firstInstall } from '../../src/store/first-install.js';
import { freshDb } from '../helpers/db.js';

const NEW_PASSWORD = 'een eigen lang wachtwoord';

test('a fresh install: the municipality and its first beheerder, a one-time password to replace first, refused once there are users', async (t) => {
  const db = await freshDb();
  t.after(() => db.drop());

  // bad input: every problem named by its option, nothing written
  await assert.rejects(
    firstInstall(db, { municipalityName: ' ', municipalityCode: '0344', username: 'Jan de Vries' }),
    (err: Error) => /--gemeente/.test(err.message) && /--code/.test(err.message) && /--beheerder/.test(err.message),
  );
  assert.equal((await db.query('SELECT 1 FROM municipality')).length, 0);

  const made = await firstInstall(db, {
    municipalityName: 'Utrecht',
    municipalityCode: 'GM0344',
    username: 'jdevries',
    displayName: 'Jan de Vries',
  });
  assert.match(made.oneTimePassword, /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
  const [user] = await db.query<{ role: string; must_change_password: boolean; password_hash: string }>(
    'SELECT role, must_change_password, password_hash FROM app_user',
  );
  assert.equal(user.role, 'beheerder');
  assert.equal(user.must_change_password, true);
  assert.ok(!user.password_hash.includes(made.oneTimePassword), 'only a hash is stored');
  const audit = await db.query<{ detail: string }>(`SELECT detail FROM audit_log WHERE resource = 'gebruiker'`);
  assert.match(audit[0].detail, /installatie: gemeente GM0344 Utrecht/);

  // a second run refuses: accounts are made in Beheer from now on
  await assert.rejects(
    firstInstall(db, { municipalityName: 'Utrecht', municipalityCode: 'GM0344', username: 'tweede' }),
    /al 1 gebruiker/,
  );
  assert.equal((await db.query('SELECT 1 FROM app_user')).length, 1);

  // log in with the one-time password: nothing but a new password until it is chosen
  const app = await buildApp({ db, config: { ...loadConfig({}), demo: false } });
  t.after(() => app.close());
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { username: 'jdevries', password: made.oneTimePassword },
  });
  assert.equal(login.statusCode, 201, login.body);
  assert.equal(login.json().user.mustChangePassword, true);
  assert.equal(login.json().user.municipalityName, 'Utrecht');
  const cookie = login.cookies.find((c) => c.name === 'ks_session')!;
  const headers = { cookie: `ks_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken as string };
  const before = await app.inject({ method: 'GET', url: '/api/v1/teams', headers });
  assert.equal(before.statusCode, 403, before.body);
  const changed = await app.inject({
    method: 'PUT',
    url: '/api/v1/gebruikers/ik/wachtwoord',
    headers,
    payload: { currentPassword: made.oneTimePassword, newPassword: NEW_PASSWORD },
  });
  assert.ok(changed.statusCode < 300, changed.body);
  const again = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { username: 'jdevries', password: NEW_PASSWORD },
  });
  assert.equal(again.json().user.mustChangePassword, false);
  const c2 = again.cookies.find((c) => c.name === 'ks_session')!;
  const teams = await app.inject({
    method: 'GET',
    url: '/api/v1/teams',
    headers: { cookie: `ks_session=${c2.value}` },
  });
  assert.equal(teams.statusCode, 200, teams.body);
});
