import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type preHandlerAsyncHookHandler } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from './context.js';
import { customFormats } from './formats.js';
import { schemaCompilers } from './schema-compilers.js';
import { registerProblemHandler } from './problem.js';
import { Problem } from './schemas/common.js';
import { SESSION_COOKIE, earlyCheckOf, hashToken, requireLogin } from './auth.js';
import { sessionsRepository } from '../store/users.js';
import { countedByDatabase } from '../store/data-version-db.js';
import { trackChanges, type VersionedDb } from '../store/data-version.js';
import { createReadCache, noReadCache, type ReadCache } from './read-cache.js';
import { healthRoutes } from './routes/health.js';
import { sessionRoutes } from './routes/sessions.js';
import { registerDeprecatedAliases } from './deprecated-aliases.js';
import { clientRoutes } from './routes/clients.js';
import { casefileRoutes } from './routes/casefile/index.js';
import { userRoutes } from './routes/users.js';
import { spiegelRoutes } from './routes/spiegel.js';
import { createHeavyGate } from './workers/gate.js';
import { importRoutes } from './routes/import.js';
import { avgRoutes } from './routes/avg.js';
import { werkgeverRoutes } from './routes/werkgevers/index.js';
import { LoginLimiter, registerSecurity } from './security.js';
import { configureAudit } from '../store/audit.js';

export const API_PREFIX = '/api/v1';

/** The built web app (dist/web), found from src/ (tsx) and from dist/src (compiled). */
function webRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../../web'), join(here, '../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** TRUST_PROXY as Fastify takes it: a number of hops becomes "trust the nearest n senders". */
function trustProxyOption(
  value: AppContext['config']['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return value;
}

export interface BuildOptions {
  logger?: boolean;
}

export async function buildApp(given: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  // One gate for all heavy work of this app: the mirror, outcomes and PDF share the cores.
  const ctx: AppContext = {
    ...given,
    // with the read cache, every change moves the data version it keys on: counted in this
    // process on the embedded database (only this process writes it), by the database on a server
    db: given.readCache
      ? given.db.kind === 'pglite'
        ? trackChanges(given.db)
        : countedByDatabase(given.db)
      : given.db,
    heavyGate: given.heavyGate ?? createHeavyGate({ perUser: 1, total: 2 }),
  };
  configureAudit({ secret: ctx.config.auditSecret });
  const app = Fastify({
    logger: opts.logger ? { level: 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy named in TRUST_PROXY, request.ip is the client's address (for the
    // log-in limits) and request.protocol what the proxy received (for the Secure cookie).
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    ajv: { customOptions: { formats: customFormats, allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
    schemaController: { compilersFactory: schemaCompilers },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerProblemHandler(app);
  registerDeprecatedAliases(app, API_PREFIX);
  // Which access check each API route makes before anything of the request is read: none for
  // public routes (OpenAPI `security: []`), the route's own role check, or at least a log-in.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API_PREFIX)) return;
    const schema = route.schema as { security?: unknown[]; hide?: boolean } | undefined;
    const isPublic = (Array.isArray(schema?.security) && schema.security.length === 0) || schema?.hide === true;
    const early = [route.preHandler].flat().map(earlyCheckOf).find(Boolean);
    route.config = { ...(route.config ?? {}), ...{ accessCheck: isPublic ? null : (early ?? requireLogin) } };
  });
  registerSecurity(app);
  await app.register(cookie);
  app.addSchema(Problem);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kansenspiegel API',
        version: '1.0.0',
        description: 'Begeleiding naar werk en de spiegel van gelijke kansen.',
      },
      servers: [{ url: '/' }],
      components: { securitySchemes: { sessie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ sessie: [] }],
    },
  });

  app.decorate('loginLimiter', new LoginLimiter());
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('csrfToken', null);
  const sessions = sessionsRepository(ctx.db);
  // Live sessions are kept until any change (a log-in, log-out, password or account change moves
  // the data version); an unknown token is always looked up, and expiry is checked every time.
  const liveSessions: ReadCache<Awaited<ReturnType<typeof sessions.find>>> = ctx.readCache
    ? createReadCache({ max: 2000, version: () => (ctx.db as VersionedDb).dataVersion() })
    : noReadCache();
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const hash = hashToken(token);
    const found = await liveSessions.remember(
      hash,
      () => sessions.find(hash),
      (s) => s !== null,
    );
    if (found && found.expiresAt > Date.now()) {
      request.sessionUser = found.user;
      request.csrfToken = found.csrfToken;
    }
  });
  app.addHook('onRequest', async function (request, reply) {
    const check = (request.routeOptions.config as { accessCheck?: preHandlerAsyncHookHandler | null } | undefined)
      ?.accessCheck;
    if (check) await check.call(this, request, reply);
  });
  app.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
    if (request.url.startsWith(API_PREFIX)) reply.header('cache-control', 'no-store');
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes, ctx);
      await api.register(sessionRoutes, ctx);
      await api.register(clientRoutes, ctx);
      await api.register(casefileRoutes, ctx);
      await api.register(userRoutes, ctx);
      await api.register(spiegelRoutes, ctx);
      await api.register((await import('./routes/spiegel-verdieping.js')).spiegelVerdiepingRoutes, ctx);
      await api.register((await import('./routes/questionnaire.js')).questionnaireRoutes, ctx);
      await api.register(importRoutes, ctx);
      await api.register(avgRoutes, ctx);
      await api.register((await import('./routes/leren/index.js')).learningRoutes, ctx);
      await api.register(werkgeverRoutes, ctx);
      await api.register((await import('./oidc.js')).oidcRoutes, ctx);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: API_PREFIX },
  );

  const root = webRoot();
  if (root) {
    await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
    // The web app routes in the browser: every non-API GET gets index.html.
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}
