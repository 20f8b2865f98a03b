import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** One limiter for every route that accepts a password (log-in, leaving kiosk mode). */
    loginLimiter: LoginLimiter;
  }
}
import { ApiError, invalid, type InvalidParam } from './errors.js';

/**
 * Text the database cannot store as sent: NUL (PostgreSQL text refuses it) and lone UTF-16
 * surrogates (they cannot be written as UTF-8, and would silently become U+FFFD).
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
/** The largest id of an integer column. */
const MAX_ID = 2_147_483_647;

/** True when every percent-escape in the URL decodes to valid UTF-8. */
export function validUtf8Url(url: string): boolean {
  if (!url.includes('%')) return true;
  const bytes: number[] = [];
  for (let i = 0; i < url.length; i++) {
    const hex = url.slice(i + 1, i + 3);
    if (url[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(url[i], 'latin1'));
    }
  }
  try {
    STRICT_UTF8.decode(Uint8Array.from(bytes));
    return true;
  } catch {
    return false;
  }
}

function isPlain(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Every string in a JSON value that cannot be stored verbatim, by its dotted path. */
export function unstorableStrings(value: unknown, path = '', out: InvalidParam[] = []): InvalidParam[] {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value))
      out.push({
        name: path || 'body',
        reason: 'Bevat tekens die niet bewaard kunnen worden (een NUL-teken of een losse surrogaat-helft).',
      });
  } else if (isPlain(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (UNSTORABLE.test(k))
        out.push({ name: path || 'body', reason: 'Een veldnaam bevat tekens die niet bewaard kunnen worden.' });
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
  // JSON bodies must be valid UTF-8: a malformed byte is refused, not stored as U+FFFD.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = STRICT_UTF8.decode(body as Buffer);
    } catch {
      done(invalid({ name: 'body', reason: 'De tekst is geen geldige UTF-8.' }), undefined);
      return;
    }
    parseJson(request, text, done);
  });
  app.addHook('preValidation', async (request) => {
    if (!validUtf8Url(request.url))
      throw invalid({ name: 'url', reason: 'Het adres bevat tekens die geen geldige UTF-8 zijn.' });
    // An id beyond what the database can hold cannot exist: 404, like any other unknown id.
    for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
      if (
        (name === 'id' || name.endsWith('Id')) &&
        typeof value === 'string' &&
        /^\d+$/.test(value) &&
        Number(value) > MAX_ID
      )
        throw new ApiError('NOT_FOUND');
    }
    const problems = [
      ...unstorableStrings(request.params),
      ...unstorableStrings(request.query),
      ...unstorableStrings(request.body),
    ];
    if (problems.length > 0) throw invalid(...problems);
  });
}

export interface LoginLimits {
  /** Failed log-ins from one address (any usernames) within the window before that address gets 429. */
  perIp: number;
  /** Failures for one username from one address (or one known browser) before delays start. */
  pairFree: number;
  /** Failures for one username from browsers it has never logged in on, from all addresses, before delays start. */
  accountFree: number;
  /** The longest delay, in seconds. */
  maxDelaySeconds: number;
  /** Failures older than this are forgotten. */
  windowMinutes: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perIp: 20,
  pairFree: 3,
  accountFree: 10,
  maxDelaySeconds: 900,
  windowMinutes: 15,
};

/** The delay after `failures` failures with `free` of them allowed: 0, then 2, 4, 8, ... seconds, capped. */
export function delaySeconds(failures: number, free: number, max: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free + 1), max);
}

interface Counter {
  failures: number;
  last: number;
}

/**
 * Limits password guessing without giving anyone a way to lock a user out by name. Counted in
 * memory per process, and never by whether the username exists (the answers for an unknown and
 * for an existing account are the same):
 *
 * - per address: 20 failures within 15 minutes → 429 for that address (any username);
 * - per username *and* address: after 3 failures a growing delay (2, 4, 8, ... s, at most 15
 *   minutes) before the next attempt from that address; the user at another address is not held up;
 * - per username from browsers that never logged in as that user (all addresses together): after
 *   10 failures the same growing delay, against guessing from many addresses;
 * - a browser that logged in as this user before carries a signed device cookie for it: it is
 *   only held up by its own failures (the same delays), so guessing elsewhere never locks the
 *   user out of a browser they already use.
 */
export class LoginLimiter {
  private readonly counters = new Map<string, Counter>();
  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private get(key: string): Counter | null {
    const c = this.counters.get(key);
    if (!c) return null;
    if (this.now() - c.last > this.limits.windowMinutes * 60_000) {
      this.counters.delete(key);
      return null;
    }
    return c;
  }

  private keys(ip: string, username: string, device: string | null): { key: string; free: number }[] {
    const name = username.toLowerCase();
    if (device) return [{ key: `device:${device}:${name}`, free: this.limits.pairFree }];
    return [
      { key: `pair:${ip}:${name}`, free: this.limits.pairFree },
      { key: `user:${name}`, free: this.limits.accountFree },
    ];
  }

  /** Seconds to wait before this attempt is taken; 0 when it may go ahead. */
  wait(ip: string, username: string, device: string | null): number {
    let wait = 0;
    if (!device) {
      const perIp = this.get(`ip:${ip}`);
      if (perIp && perIp.failures >= this.limits.perIp)
        wait = Math.ceil((perIp.last + this.limits.windowMinutes * 60_000 - this.now()) / 1000);
    }
    for (const { key, free } of this.keys(ip, username, device)) {
      const c = this.get(key);
      if (!c) continue;
      const until = c.last + delaySeconds(c.failures, free, this.limits.maxDelaySeconds) * 1000;
      wait = Math.max(wait, Math.ceil((until - this.now()) / 1000));
    }
    return Math.max(wait, 0);
  }

  /** Counts a failed attempt (wrong password, unknown or inactive user, unusable kiosk token). */
  fail(ip: string, username: string, device: string | null): void {
    const keys = this.keys(ip, username, device).map((k) => k.key);
    if (!device) keys.push(`ip:${ip}`);
    for (const key of keys) {
      const c = this.get(key);
      this.counters.set(key, { failures: (c?.failures ?? 0) + 1, last: this.now() });
    }
    if (this.counters.size > 100_000) this.counters.clear(); // never grow without bound under a flood
  }

  /** A successful log-in clears the counts of this username from this address or browser. */
  succeed(ip: string, username: string, device: string | null): void {
    for (const { key } of this.keys(ip, username, device)) if (!key.startsWith('user:')) this.counters.delete(key);
  }
}
