import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { AppContext } from './context.js';
import type { OidcSettings } from '../oidc-settings.js';
import type { Queryable } from '../store/db.js';
import { usersRepository } from '../store/users.js';
import { writeAudit } from '../store/audit.js';
import { hashToken } from './auth.js';
import { mapClaims, type MappedIdentity } from './oidc-claims.js';
import { startSession } from './session-start.js';

/**
 * Log-in through the municipality's identity provider with OpenID Connect: the authorisation
 * code flow with PKCE (S256), state and nonce, through the `openid-client` library (discovery,
 * code exchange, ID token signature, issuer, audience, expiry and nonce checks).
 */
export const OIDC_COOKIE = 'ks_oidc';
const LOGIN_MINUTES = 10;
const COOKIE_PATH = '/api/v1/oidc';

/** Why a log-in through the identity provider was refused; the log-in page shows a text per reason. */
export type OidcRefusal = 'geweigerd' | 'geen-rol' | 'meer-rollen' | 'geen-naam' | 'geen-team' | 'niet-actief';

class Refused extends Error {
  constructor(
    readonly reason: OidcRefusal,
    message: string,
  ) {
    super(message);
  }
}

const isLoopback = (url: string): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

/** Discovery once, retried after a failure (the provider may have been down at start). */
function providerConfiguration(settings: OidcSettings, fetchImpl: typeof fetch | undefined) {
  let pending: Promise<client.Configuration> | null = null;
  return (): Promise<client.Configuration> => {
    pending ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret ? { client_secret: settings.clientSecret } : {},
        settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
        {
          // Plain http only for a provider on this machine (development and the tests).
          // The ID token's signature is checked too (against the provider's published keys), not
          // only its claims: the library would otherwise trust the direct answer of the token endpoint.
          execute: [
            client.enableNonRepudiationChecks,
            ...(isLoopback(settings.issuer) ? [client.allowInsecureRequests] : []),
          ],
          [client.customFetch]: fetchImpl as client.CustomFetch | undefined,
        },
      )
      .catch((err: unknown) => {
        pending = null;
        throw err;
      });
    return pending;
  };
}

/** The team of the provider's claim, by name within the municipality. */
async function teamIdFor(db: Queryable, municipalityId: number, identity: MappedIdentity): Promise<number | null> {
  if (identity.teamName === null) {
    if (identity.role === 'consultant' || identity.role === 'teamleider')
      throw new Refused('geen-team', 'no team claim');
    return null;
  }
  const rows = await db.query<{ id: number }>(
    'SELECT id FROM team WHERE municipality_id = $1 AND lower(name) = lower($2)',
    [municipalityId, identity.teamName],
  );
  if (!rows[0]) throw new Refused('geen-team', `unknown team "${identity.teamName}"`);
  return rows[0].id;
}

async function municipalityId(db: Queryable, settings: OidcSettings): Promise<number> {
  const rows = settings.municipalityCode
    ? await db.query<{ id: number }>('SELECT id FROM municipality WHERE code = $1', [settings.municipalityCode])
    : await db.query<{ id: number }>('SELECT id FROM municipality ORDER BY id LIMIT 2');
  if (rows.length !== 1) throw new Error('OIDC_MUNICIPALITY must name the municipality of the users');
  return rows[0].id;
}

/**
 * The user for this identity: found by issuer and subject; else an existing local account with
 * the same username that has no identity yet is linked; else a new user. The provider decides
 * name, role and team at every log-in; a user that beheer made inactive stays refused.
 */
export async function provisionUser(
  db: Queryable,
  settings: OidcSettings,
  subject: string,
  identity: MappedIdentity,
): Promise<{ id: number; created: boolean }> {
  const users = usersRepository(db);
  const mid = await municipalityId(db, settings);
  const teamId = await teamIdFor(db, mid, identity);
  const known = (await users.findByOidcSubject(subject)) ?? (await users.findByUsername(identity.username));
  if (known && known.oidc_subject !== null && known.oidc_subject !== subject) {
    throw new Refused('geweigerd', 'username belongs to another identity');
  }
  if (known && known.municipality_id !== mid) throw new Refused('geweigerd', 'user of another municipality');
  if (known && !known.active) throw new Refused('niet-actief', 'user is not active');
  const fields = { subject, displayName: identity.displayName, role: identity.role, teamId };
  if (known) {
    await users.syncOidc(known.id, fields);
    return { id: known.id, created: false };
  }
  const row = await users.createOidc({ municipalityId: mid, username: identity.username, ...fields });
  return { id: row.id, created: true };
}

/** The address the provider sent the browser back to, as openid-client reads the answer from it. */
function callbackUrl(settings: OidcSettings, request: FastifyRequest): URL {
  const url = new URL(settings.redirectUri);
  url.search = new URL(request.url, 'http://x').search;
  return url;
}

/** The error and its cause (which claim was wrong), for the log and the audit log. */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  const causeText =
    cause instanceof Error ? describeError(cause) : cause !== undefined ? JSON.stringify(cause).slice(0, 200) : '';
  return `${err.name}: ${err.message}${causeText ? ` (${causeText})` : ''}`;
}

export const oidcRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config, oidcFetch }) => {
  const settings = config.oidc;
  app.get(
    '/oidc/status',
    {
      schema: {
        tags: ['sessie'],
        summary: 'Of inloggen via de identity provider van de gemeente (OpenID Connect) aan staat',
        security: [],
        response: { 200: Type.Object({ enabled: Type.Boolean() }) },
      },
    },
    async () => ({ enabled: settings !== null }),
  );
  if (!settings) return;
  const configuration = providerConfiguration(settings, oidcFetch);

  app.get(
    '/oidc/inloggen',
    {
      schema: {
        tags: ['sessie'],
        summary: 'Inloggen via de identity provider: stuurt de browser door (code flow met PKCE, state en nonce)',
        security: [],
        response: { 302: Type.Null({ description: 'Door naar de identity provider' }) },
      },
    },
    async (_request, reply) => {
      const provider = await configuration();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const verifier = client.randomPKCECodeVerifier();
      await db.query('DELETE FROM oidc_login WHERE expires_at < now()');
      await db.query(
        `INSERT INTO oidc_login (state_hash, nonce, code_verifier, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
        [hashToken(state), nonce, verifier, LOGIN_MINUTES],
      );
      const target = client.buildAuthorizationUrl(provider, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      // Lax: the provider's redirect back is a top-level navigation from another site.
      void reply.setCookie(OIDC_COOKIE, state, {
        httpOnly: true,
        sameSite: 'lax',
        path: COOKIE_PATH,
        secure: new URL(settings.redirectUri).protocol === 'https:',
        maxAge: LOGIN_MINUTES * 60,
      });
      return reply.redirect(target.href, 302);
    },
  );

  app.get(
    '/oidc/terugkeer',
    {
      schema: {
        tags: ['sessie'],
        summary:
          'Terugkeer van de identity provider: controleert state, code (PKCE) en ID-token (handtekening, uitgever, ontvanger, geldigheid, nonce) en opent een sessie',
        security: [],
        response: { 302: Type.Null({ description: 'Door naar de start of naar het inlogscherm met een reden' }) },
      },
    },
    async (request, reply) => {
      void reply.clearCookie(OIDC_COOKIE, { path: COOKIE_PATH });
      try {
        const userId = await completeLogin(request);
        await startSession(db, config, request, reply, userId);
        return reply.redirect('/', 302);
      } catch (err) {
        const reason: OidcRefusal = err instanceof Refused ? err.reason : 'geweigerd';
        const message = describeError(err);
        request.log.warn({ reason, message }, 'OpenID Connect log-in refused');
        await writeAudit(db, [
          {
            userId: null,
            clientId: null,
            action: 'denied',
            resource: 'inloggen-oidc',
            detail: `${reason}: ${message}`.slice(0, 500),
          },
        ]);
        return reply.redirect(`/?oidc=${reason}`, 302);
      }
    },
  );

  /** Checks the answer of the provider and returns the user to log in. */
  async function completeLogin(request: FastifyRequest): Promise<number> {
    const state = new URL(request.url, 'http://x').searchParams.get('state') ?? '';
    const cookieState = request.cookies[OIDC_COOKIE] ?? '';
    if (!state || state !== cookieState) throw new Refused('geweigerd', 'state does not match this browser');
    const rows = await db.query<{ nonce: string; code_verifier: string }>(
      'DELETE FROM oidc_login WHERE state_hash = $1 AND expires_at > now() RETURNING nonce, code_verifier',
      [hashToken(state)],
    );
    if (!rows[0]) throw new Refused('geweigerd', 'unknown, used or expired state');
    const tokens = await client.authorizationCodeGrant(await configuration(), callbackUrl(settings!, request), {
      pkceCodeVerifier: rows[0].code_verifier,
      expectedState: state,
      expectedNonce: rows[0].nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Refused('geweigerd', 'no ID token');
    const mapped = mapClaims(claims, settings!);
    if (!mapped.ok) throw new Refused(mapped.reason, `claims: ${mapped.reason}`);
    const subject = `${claims.iss}|${claims.sub}`;
    const user = await db.transaction((tx) => provisionUser(tx, settings!, subject, mapped.identity));
    if (user.created) {
      await writeAudit(db, [
        {
          userId: user.id,
          clientId: null,
          action: 'create',
          resource: 'gebruiker',
          detail: `gebruiker ${user.id} via de identity provider; rol ${mapped.identity.role}`,
        },
      ]);
    }
    return user.id;
  }
};
