import assert from 'node:assert/strict';
import { sign } from 'node:crypto';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { PASSWORD, seedSmall } from '../helpers/app.js';
import { freshDb } from '../helpers/db.js';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';

const REDIRECT_URI = 'http://127.0.0.1:9/api/v1/oidc/terugkeer';
const ROLE_MAP = 'KS-Klantmanager=consultant,KS-Teamleider=teamleider,KS-Beleid=beleidsmedewerker,KS-Beheer=beheerder';

const accounts: Record<string, Record<string, unknown>> = {
  kim: { preferred_username: 'kim', name: 'Kim Klaassen', roles: ['Iedereen', 'KS-Klantmanager'], team: 'Team B' },
  beleid: { preferred_username: 'beleid', name: 'Bert Beleid', roles: ['KS-Beleid'] },
  nobody: { preferred_username: 'nobody', name: 'Niemand', roles: ['Iedereen'] },
};

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** How the next token answer is altered before the app sees it (null: not at all). */
let alterIdToken: ((idToken: string) => string) | null = null;

/** An ID token with other claims, signed with the provider's own key (so only the claims are wrong). */
function resigned(provider: TestProvider, change: (claims: Record<string, unknown>) => void) {
  return (idToken: string): string => {
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    change(claims);
    const input = `${b64({ alg: 'RS256', kid: provider.kid, typ: 'JWT' })}.${b64(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), provider.signingKey).toString('base64url')}`;
  };
}

const interceptingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const url = input instanceof Request ? input.url : String(input);
  if (!alterIdToken || !url.endsWith('/token') || !response.ok) return response;
  const body = (await response.json()) as { id_token: string };
  body.id_token = alterIdToken(body.id_token);
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
};

/** The browser's part: start at the app, log in at the provider's form, come back with a code. */
async function authorize(app: FastifyInstance, account: string): Promise<{ callback: string; stateCookie: string }> {
  const start = await app.inject({ method: 'GET', url: '/api/v1/oidc/inloggen' });
  assert.equal(start.statusCode, 302, start.body);
  const stateCookie = start.cookies.find((c) => c.name === 'ks_oidc')!;
  const jar = new Map<string, string>();
  let url = start.headers.location!;
  let form: { action: string } | null = null;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(REDIRECT_URI)) {
      return { callback: url.slice('http://127.0.0.1:9'.length), stateCookie: `ks_oidc=${stateCookie.value}` };
    }
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response: Response = form
      ? await fetch(form.action, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ prompt: 'login', login: account, password: 'any' }).toString(),
        })
      : await fetch(url, { redirect: 'manual', headers: { cookie } });
    form = null;
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).href;
      continue;
    }
    const html: string = await response.text();
    const action: string | undefined = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    assert.ok(action, `no log-in form at the provider: ${response.status} ${html.slice(0, 300)}`);
    form = { action: new URL(action.replace(/&amp;/g, '&'), url).href };
  }
  throw new Error('the provider did not send the browser back');
}

async function finish(app: FastifyInstance, a: { callback: string; stateCookie: string }) {
  const res = await app.inject({ method: 'GET', url: a.callback, headers: { cookie: a.stateCookie } });
  assert.equal(res.statusCode, 302, res.body);
  const session = res.cookies.find((c) => c.name === 'ks_session' && c.value);
  return { location: res.headers.location, session: session ? `ks_session=${session.value}` : null };
}

async function whoIs(app: FastifyInstance, cookie: string) {
  const res = await app.inject({ method: 'GET', url: '/api/v1/sessions/current', headers: { cookie } });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { user: { id: number; username: string; role: string; teamName: string | null } }).user;
}

test('OpenID Connect log-in against a real provider (oidc-provider)', async (t) => {
  const provider = await startTestProvider({ redirectUri: REDIRECT_URI, accounts });
  const db = await freshDb();
  await seedSmall(db);
  const config = {
    ...loadConfig({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_ROLE_MAP: ROLE_MAP,
    }),
    demo: false,
  };
  const app = await buildApp({ db, config, oidcFetch: interceptingFetch });
  t.after(async () => {
    await app.close();
    await db.drop();
    await provider.stop();
  });
  const refusals = async () =>
    (
      await db.query<{ detail: string }>(`SELECT detail FROM audit_log WHERE resource = 'inloggen-oidc' ORDER BY id`)
    ).map((r) => r.detail);

  await t.test('a new user is made with the role and team of the claims; the redirect goes to the start', async () => {
    const done = await finish(app, await authorize(app, 'kim'));
    assert.equal(done.location, '/');
    assert.ok(done.session, 'a session cookie');
    const kim = await whoIs(app, done.session);
    assert.deepEqual(
      { username: kim.username, role: kim.role, teamName: kim.teamName },
      {
        username: 'kim',
        role: 'consultant',
        teamName: 'Team B',
      },
    );
    const row = await db.query<{ password_hash: string | null; oidc_subject: string }>(
      `SELECT password_hash, oidc_subject FROM app_user WHERE username = 'kim'`,
    );
    assert.deepEqual(row[0], { password_hash: null, oidc_subject: `${provider.issuer}|kim` });
  });

  await t.test('the provider decides the role at every log-in', async () => {
    accounts.kim.roles = ['KS-Teamleider'];
    const done = await finish(app, await authorize(app, 'kim'));
    assert.equal((await whoIs(app, done.session!)).role, 'teamleider');
  });

  await t.test('an existing local account is linked by username, and its local log-in still works', async () => {
    const done = await finish(app, await authorize(app, 'beleid'));
    const user = await whoIs(app, done.session!);
    assert.deepEqual({ id: user.id, role: user.role }, { id: 4, role: 'beleidsmedewerker' });
    const local = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { username: 'beleid', password: PASSWORD },
    });
    assert.equal(local.statusCode, 201);
  });

  await t.test('no known role in the claims: refused, nobody made', async () => {
    const done = await finish(app, await authorize(app, 'nobody'));
    assert.deepEqual(done, { location: '/?oidc=geen-rol', session: null });
    assert.equal((await db.query(`SELECT 1 FROM app_user WHERE username = 'nobody'`)).length, 0);
  });

  const refusedTokens: [string, () => (idToken: string) => string, RegExp][] = [
    [
      'tampered signature',
      () => (idToken) => {
        const [h, p, s] = idToken.split('.');
        return `${h}.${p}.${s.slice(0, -6)}${s.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
      },
      /signature/i,
    ],
    [
      'claims changed after signing (another subject)',
      () => (idToken) => {
        const [h, p, sig] = idToken.split('.');
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
        return `${h}.${b64({ ...claims, sub: 'beheer', preferred_username: 'beheer' })}.${sig}`;
      },
      /signature/i,
    ],
    ['wrong audience', () => resigned(provider, (c) => (c.aud = 'another-application')), /"aud"/],
    ['wrong issuer', () => resigned(provider, (c) => (c.iss = 'https://idp.example.org')), /"iss"/],
    [
      'expired',
      () =>
        resigned(provider, (c) => {
          c.iat = Math.floor(Date.now() / 1000) - 7200;
          c.exp = Math.floor(Date.now() / 1000) - 3600;
        }),
      /"exp"/,
    ],
    ['wrong nonce', () => resigned(provider, (c) => (c.nonce = 'a-nonce-of-another-log-in')), /nonce/],
  ];
  for (const [name, alter, expected] of refusedTokens) {
    await t.test(`ID token refused: ${name}`, async () => {
      const before = (await refusals()).length;
      const a = await authorize(app, 'kim');
      alterIdToken = alter();
      try {
        assert.deepEqual(await finish(app, a), { location: '/?oidc=geweigerd', session: null });
      } finally {
        alterIdToken = null;
      }
      const added = (await refusals()).slice(before);
      assert.equal(added.length, 1);
      assert.match(added[0], expected);
    });
  }

  await t.test('state of another browser, or a callback used twice: refused', async () => {
    const mine = await authorize(app, 'kim');
    const other = await authorize(app, 'kim');
    const crossed = await finish(app, { callback: mine.callback, stateCookie: other.stateCookie });
    assert.deepEqual(crossed, { location: '/?oidc=geweigerd', session: null });
    const noCookie = await finish(app, { callback: other.callback, stateCookie: 'ks_oidc=' });
    assert.equal(noCookie.session, null);
    const first = await finish(app, other);
    assert.ok(first.session, 'the right browser gets in');
    const replay = await finish(app, other);
    assert.deepEqual(replay, { location: '/?oidc=geweigerd', session: null });
    assert.match((await refusals()).at(-1)!, /used or expired state/);
  });

  await t.test('a user that beheer made inactive stays refused', async () => {
    await db.query(`UPDATE app_user SET active = false WHERE username = 'kim'`);
    const done = await finish(app, await authorize(app, 'kim'));
    assert.deepEqual(done, { location: '/?oidc=niet-actief', session: null });
  });
});
