import { createHmac, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Queryable } from '../store/db.js';
import { sessionsRepository, usersRepository, type SessionUser, type UserRow } from '../store/users.js';
import { ApiError } from './errors.js';
import { SESSION_COOKIE, hashToken, newToken, safeEqual } from './auth.js';
import type { LoginLimiter } from './security.js';

/** A browser that logged in as a user before: exempt from the delays that guessing elsewhere causes. */
export const DEVICE_COOKIE = 'ks_device';
const DEVICE_DAYS = 365;

// Verifying against a real hash when the user is unknown keeps the answer time the same.
const DUMMY_HASH = await argon2.hash('not-a-real-password');

const deviceMac = (config: Config, username: string, nonce: string): string =>
  createHmac('sha256', config.auditSecret)
    .update(`ks-login-device-v1|${username.toLowerCase()}|${nonce}`)
    .digest('base64url');

/** The device id in this request's device cookie, when the cookie was issued for this username. */
export function knownDevice(config: Config, request: FastifyRequest, username: string): string | null {
  const value = request.cookies[DEVICE_COOKIE];
  if (!value) return null;
  for (const entry of value.split('~').slice(0, 10)) {
    const [nonce, mac] = entry.split('.');
    if (nonce && mac && safeEqual(mac, deviceMac(config, username, nonce))) return nonce;
  }
  return null;
}

function rememberDevice(config: Config, request: FastifyRequest, reply: FastifyReply, username: string): void {
  if (knownDevice(config, request, username)) return;
  const nonce = randomBytes(12).toString('base64url');
  // One cookie holds the last few users of this browser (a shared office laptop).
  const others = (request.cookies[DEVICE_COOKIE] ?? '')
    .split('~')
    .filter((e) => /^[\w-]+\.[\w-]+$/.test(e))
    .slice(-4);
  void reply.setCookie(DEVICE_COOKIE, [...others, `${nonce}.${deviceMac(config, username, nonce)}`].join('~'), {
    httpOnly: true,
    sameSite: 'strict',
    path: '/api/v1',
    secure: request.protocol === 'https',
    maxAge: DEVICE_DAYS * 24 * 3600,
  });
}

function rateLimited(reply: FastifyReply, seconds: number): ApiError {
  void reply.header('retry-after', String(seconds));
  return new ApiError('RATE_LIMITED', `Probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.`);
}

/** Refuses an attempt that the limiter holds up (429 with Retry-After), before any password is checked. */
export function checkLoginLimit(
  limiter: LoginLimiter,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  username: string,
): string | null {
  const device = knownDevice(config, request, username);
  const wait = limiter.wait(request.ip, username, device);
  if (wait > 0) throw rateLimited(reply, wait);
  return device;
}

/**
 * Checks a password for a username and opens a session. Unknown, inactive and wrong all answer
 * 401 LOGIN_FAILED, after the same argon2 work; every failure counts in the limiter (which does
 * not know whether the name exists), and an attempt it holds up answers 429 with Retry-After.
 * There is no lock-out: nobody can block a user by sending wrong passwords for their name.
 */
export async function passwordLogin(
  db: Queryable,
  config: Config,
  limiter: LoginLimiter,
  request: FastifyRequest,
  reply: FastifyReply,
  username: string,
  password: string,
  before?: (user: UserRow) => Promise<void>,
): Promise<{ user: SessionUser; csrfToken: string }> {
  const device = checkLoginLimit(limiter, config, request, reply, username);
  const users = usersRepository(db);
  const user = await users.findByUsername(username);
  const ok = await argon2.verify(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !user.active || !ok) {
    limiter.fail(request.ip, username, device);
    if (user) await users.recordFailedLogin(user.id);
    throw new ApiError('LOGIN_FAILED');
  }
  limiter.succeed(request.ip, username, device);
  await users.recordSuccessfulLogin(user.id);
  if (before) await before(user);
  rememberDevice(config, request, reply, user.username);
  return startSession(db, config, request, reply, user.id);
}

/**
 * Opens a session for a user whose password was accepted: a random token in an httpOnly,
 * SameSite=Strict cookie (only its hash is stored; Secure when the request came over https,
 * directly or through a trusted proxy, TRUST_PROXY) and a CSRF token in the answer.
 */
export async function startSession(
  db: Queryable,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: number,
): Promise<{ user: SessionUser; csrfToken: string }> {
  const sessions = sessionsRepository(db);
  const token = newToken();
  const csrfToken = newToken();
  await sessions.create(hashToken(token), userId, csrfToken, config.sessionHours);
  const found = await sessions.find(hashToken(token));
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    maxAge: config.sessionHours * 3600,
  });
  return { user: found!.user, csrfToken };
}
