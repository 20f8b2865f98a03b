import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../domain/roles.js';
import type { SessionUser } from '../store/users.js';
import { ApiError } from './errors.js';

export const SESSION_COOKIE = 'ks_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook when the request carries a live session. */
    sessionUser: SessionUser | null;
    csrfToken: string | null;
  }
}

export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The logged-in user; throws 401 when there is none (use after requireLogin). */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.sessionUser) throw new ApiError('NOT_LOGGED_IN');
  return request.sessionUser;
}

/**
 * Marks the part of a preHandler that needs no parsed request (session, role, CSRF token). The
 * app runs it already when the request arrives, before the body is read or validated, so a
 * caller without the right log-in learns nothing about what a route accepts.
 */
export const EARLY_CHECK = Symbol('early access check');
type EarlyCheck = preHandlerAsyncHookHandler & { [EARLY_CHECK]?: preHandlerAsyncHookHandler };

export function markEarly<T extends preHandlerAsyncHookHandler>(handler: T, early: preHandlerAsyncHookHandler): T {
  (handler as EarlyCheck)[EARLY_CHECK] = early;
  return handler;
}

export const earlyCheckOf = (handler: unknown): preHandlerAsyncHookHandler | undefined =>
  typeof handler === 'function' ? (handler as EarlyCheck)[EARLY_CHECK] : undefined;

/** What a user whose password was reset may still do: see who is logged in, log out, choose a new password. */
export const PASSWORD_CHANGE_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/v1/sessions/current',
  'DELETE /api/v1/sessions/current',
  'PUT /api/v1/gebruikers/ik/wachtwoord',
]);

/**
 * preHandler: a live session is required, and for every request that changes something the
 * X-CSRF-Token header must equal the session's token (the cookie alone is not enough).
 */
export const requireLogin: preHandlerAsyncHookHandler = async (request: FastifyRequest, _reply: FastifyReply) => {
  if (!request.sessionUser) throw new ApiError('NOT_LOGGED_IN');
  if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken))
      throw new ApiError('CSRF');
  }
  if (
    request.sessionUser.mustChangePassword &&
    !PASSWORD_CHANGE_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`)
  )
    throw new ApiError('PASSWORD_CHANGE_REQUIRED');
};

/** preHandler: logged in (with CSRF check) and one of the given roles. */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  const check: preHandlerAsyncHookHandler = async function (this: unknown, request, reply) {
    await requireLogin.call(this as never, request, reply);
    if (!roles.includes(request.sessionUser!.role)) throw new ApiError('FORBIDDEN_ROLE');
  };
  return markEarly(check, check);
}
markEarly(requireLogin, requireLogin);
