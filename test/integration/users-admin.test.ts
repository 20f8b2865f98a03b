import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PASSWORD, buildTestApp } from '../helpers/app.js';

const json = <T>(res: { body: string }): T => JSON.parse(res.body) as T;

interface UserItem {
  id: number;
  username: string;
  role: string;
  teamId: number | null;
  active: boolean;
  mustChangePassword: boolean;
}

// One municipality for all steps (a fresh database per test is slow); each step uses its own users.
test('user management by beheer', async (t) => {
  const ta = await buildTestApp(t);

  await t.test('beheer changes role and team; the change holds at once and is in the audit log', async () => {
    const bea = await ta.loginAs('beheer');
    // anna (consultant, team A) becomes team leader of team B.
    const res = await ta.inject({
      method: 'PATCH',
      url: '/api/v1/gebruikers/1',
      headers: bea,
      payload: { role: 'teamleider', teamId: 2 },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((({ role, teamId }) => ({ role, teamId }))(json<UserItem>(res)), {
      role: 'teamleider',
      teamId: 2,
    });
    const anna = await ta.loginAs('anna');
    const team = await ta.inject({ method: 'GET', url: '/api/v1/team/bottom-of-pile', headers: anna });
    assert.notEqual(team.statusCode, 403, 'a team leader has the team page');
    const audit = await ta.db.query<{ detail: string }>(
      `SELECT detail FROM audit_log WHERE resource = 'gebruiker' AND action = 'update'`,
    );
    assert.deepEqual(
      audit.map((a) => a.detail),
      ['gebruiker 1: rol consultant -> teamleider; team 1 -> 2'],
    );
  });

  await t.test(
    'a consultant without a team, an unknown team or an unknown user are refused, naming the field',
    async () => {
      const bea = await ta.loginAs('beheer');
      const noTeam = await ta.inject({
        method: 'PATCH',
        url: '/api/v1/gebruikers/4',
        headers: bea,
        payload: { role: 'consultant' },
      });
      assert.equal(noTeam.statusCode, 400);
      assert.equal(json<{ invalidParams: { name: string }[] }>(noTeam).invalidParams[0].name, 'teamId');
      const unknownTeam = await ta.inject({
        method: 'PATCH',
        url: '/api/v1/gebruikers/1',
        headers: bea,
        payload: { teamId: 99 },
      });
      assert.equal(unknownTeam.statusCode, 400);
      const unknownUser = await ta.inject({
        method: 'PATCH',
        url: '/api/v1/gebruikers/999',
        headers: bea,
        payload: { active: false },
      });
      assert.equal(unknownUser.statusCode, 404);
      const self = await ta.inject({
        method: 'PATCH',
        url: '/api/v1/gebruikers/5',
        headers: bea,
        payload: { active: false },
      });
      assert.equal(self.statusCode, 400, 'the administrator cannot lock themselves out');
      const rows = await ta.db.query<{ role: string; team_id: number }>(
        'SELECT role, team_id FROM app_user WHERE id = 4',
      );
      assert.deepEqual(rows[0], { role: 'beleidsmedewerker', team_id: null }, 'nothing half-written');
    },
  );

  await t.test('only beheer manages users', async () => {
    for (const who of ['anna', 'tl-a', 'beleid']) {
      const h = await ta.loginAs(who);
      const res = await ta.inject({
        method: 'PATCH',
        url: '/api/v1/gebruikers/2',
        headers: h,
        payload: { active: false },
      });
      assert.equal(res.statusCode, 403, who);
      const reset = await ta.inject({ method: 'POST', url: '/api/v1/gebruikers/2/wachtwoord-reset', headers: h });
      assert.equal(reset.statusCode, 403, who);
    }
    const rows = await ta.db.query<{ active: boolean }>('SELECT active FROM app_user WHERE id = 2');
    assert.equal(rows[0].active, true);
  });

  await t.test('deactivation ends the sessions of the user at once and refuses a new log-in', async () => {
    const bram = await ta.loginAs('bram');
    const before = await ta.inject({ method: 'GET', url: '/api/v1/clients', headers: bram });
    assert.equal(before.statusCode, 200);
    const bea = await ta.loginAs('beheer');
    const res = await ta.inject({
      method: 'PATCH',
      url: '/api/v1/gebruikers/2',
      headers: bea,
      payload: { active: false },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(json<UserItem>(res).active, false);
    const after = await ta.inject({ method: 'GET', url: '/api/v1/clients', headers: bram });
    assert.equal(after.statusCode, 401);
    const sessions = await ta.db.query('SELECT 1 FROM user_session WHERE user_id = 2');
    assert.equal(sessions.length, 0);
    const login = await ta.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { username: 'bram', password: PASSWORD },
    });
    assert.equal(login.statusCode, 401);
  });

  await t.test(
    'password reset: old password and sessions gone; the user must choose a new password before anything else',
    async () => {
      const oldSession = await ta.loginAs('anton');
      const bea = await ta.loginAs('beheer');
      const reset = await ta.inject({ method: 'POST', url: '/api/v1/gebruikers/6/wachtwoord-reset', headers: bea });
      assert.equal(reset.statusCode, 200, reset.body);
      const temporary = json<{ temporaryPassword: string }>(reset).temporaryPassword;
      assert.match(temporary, /^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
      assert.equal((await ta.inject({ method: 'GET', url: '/api/v1/clients', headers: oldSession })).statusCode, 401);
      const old = await ta.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { username: 'anton', password: PASSWORD },
      });
      assert.equal(old.statusCode, 401, 'the old password no longer works');

      const login = await ta.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { username: 'anton', password: temporary },
      });
      assert.equal(login.statusCode, 201, login.body);
      assert.equal(json<{ user: { mustChangePassword: boolean } }>(login).user.mustChangePassword, true);
      const h = {
        cookie: `ks_session=${login.cookies.find((c) => c.name === 'ks_session')!.value}`,
        'x-csrf-token': json<{ csrfToken: string }>(login).csrfToken,
      };
      const blocked = await ta.inject({ method: 'GET', url: '/api/v1/clients', headers: h });
      assert.equal(blocked.statusCode, 403);
      assert.equal(json<{ code: string }>(blocked).code, 'PASSWORD_CHANGE_REQUIRED');

      const wrong = await ta.inject({
        method: 'PUT',
        url: '/api/v1/gebruikers/ik/wachtwoord',
        headers: h,
        payload: { currentPassword: 'not-the-one', newPassword: 'a new long password 42' },
      });
      assert.equal(wrong.statusCode, 400);
      const short = await ta.inject({
        method: 'PUT',
        url: '/api/v1/gebruikers/ik/wachtwoord',
        headers: h,
        payload: { currentPassword: temporary, newPassword: 'short' },
      });
      assert.equal(short.statusCode, 400);
      const changed = await ta.inject({
        method: 'PUT',
        url: '/api/v1/gebruikers/ik/wachtwoord',
        headers: h,
        payload: { currentPassword: temporary, newPassword: 'a new long password 42' },
      });
      assert.equal(changed.statusCode, 204, changed.body);
      const open = await ta.inject({ method: 'GET', url: '/api/v1/clients', headers: h });
      assert.equal(open.statusCode, 200, 'the same session goes on after the change');
      const again = await ta.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { username: 'anton', password: 'a new long password 42' },
      });
      assert.equal(again.statusCode, 201);
      assert.equal(json<{ user: { mustChangePassword: boolean } }>(again).user.mustChangePassword, false);
    },
  );
});
