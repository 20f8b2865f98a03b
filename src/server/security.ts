import type { FastifyInstance } from 'fastify';
import { invalid, type InvalidParam } from './errors.js';

/**
 * Text the database cannot store as sent: NUL (PostgreSQL text refuses it) and lone UTF-16
 * surrogates (they cannot be written as UTF-8, and would silently become U+FFFD).
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isPlain(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Every string in a JSON value that cannot be stored verbatim, by its dotted path. */
export function unstorableStrings(value: unknown, path = '', out: InvalidParam[] = []): InvalidParam[] {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) out.push({ name: path || 'body', reason: 'Bevat tekens die niet bewaard kunnen worden (een NUL-teken of een losse surrogaat-helft).' });
  } else if (isPlain(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (UNSTORABLE.test(k)) out.push({ name: path || 'body', reason: 'Een veldnaam bevat tekens die niet bewaard kunnen worden.' });
      else unstorableStrings(v, path ? `${path}.${k}` : k, out);
    }
  }
  return out;
}

/**
 * Hostile input: a request whose JSON body, query or path holds text that cannot be stored as
 * sent is refused with 400 (naming the field) before any route sees it. Everything else is
 * stored verbatim: SQL is always parameterised and the web app never renders text as HTML.
 */
export function registerSecurity(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problems = [
      ...unstorableStrings(request.params),
      ...unstorableStrings(request.query),
      ...unstorableStrings(request.body),
    ];
    if (problems.length > 0) throw invalid(...problems);
  });
}

export interface LoginLimits {
  /** Failed log-ins from one address within the window before 429. */
  perIp: number;
  /** Failed log-ins for one username (from any address) within the window before 429. */
  perUsername: number;
  windowMinutes: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perIp: 20, perUsername: 10, windowMinutes: 15 };

/**
 * Counts failed log-ins per address and per username in a sliding window (in memory, per
 * process). Complements the account lock-out in the database (5 failures, 15 minutes): the
 * lock-out protects one account, this slows down guessing across many accounts from one place
 * and spraying one account from many places.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS, private readonly now: () => number = Date.now) {}

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMinutes * 60_000;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list); else this.failures.delete(key);
    return list;
  }

  /** True when this address or this username has used up its attempts. */
  blocked(ip: string, username: string): boolean {
    return this.recent(`ip:${ip}`).length >= this.limits.perIp || this.recent(`user:${username.toLowerCase()}`).length >= this.limits.perUsername;
  }

  fail(ip: string, username: string): void {
    for (const key of [`ip:${ip}`, `user:${username.toLowerCase()}`]) this.failures.set(key, [...this.recent(key), this.now()]);
    if (this.failures.size > 100_000) this.failures.clear(); // never grow without bound under a flood
  }

  succeed(username: string): void {
    this.failures.delete(`user:${username.toLowerCase()}`);
  }
}
