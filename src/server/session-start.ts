import argon2 from 'argon2';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Queryable } from '../store/db.js';
import { sessionsRepository, usersRepository, type SessionUser, type UserRow } from '../store/users.js';
import { ApiError } from './errors.js';
import { SESSION_COOKIE, hashToken, newToken } from './auth.js';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

/**
 * Checks an account's password with lock-out: an inactive or locked account is refused, and a
 * wrong password counts towards the lock (5 failures lock the account for 15 minutes).
 * Call it with the result of a password check that was done whether or not the user exists.
 */
export async function acceptPassword(db: Queryable, user: UserRow | null, passwordOk: boolean): Promise<UserRow> {
  if (!user || !user.active) throw new ApiError('LOGIN_FAILED');
  if (user.locked_until && new Date(user.locked_until) > new Date()) throw new ApiError('ACCOUNT_LOCKED');
  const users = usersRepository(db);
  if (!passwordOk) {
    await users.recordFailedLogin(user.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
    throw new ApiError('LOGIN_FAILED');
  }
  await users.recordSuccessfulLogin(user.id);
  return user;
}

/** Verifies a password against a stored argon2 hash. */
export const verifyPassword = (hash: string, password: string): Promise<boolean> => argon2.verify(hash, password);

/**
 * Opens a session for a user whose password was accepted: a random token in an httpOnly,
 * SameSite=Strict cookie (only its hash is stored) and a CSRF token in the answer.
 */
export async function startSession(db: Queryable, config: Config, request: FastifyRequest, reply: FastifyReply, userId: number): Promise<{ user: SessionUser; csrfToken: string }> {
  const sessions = sessionsRepository(db);
  const token = newToken();
  const csrfToken = newToken();
  await sessions.create(hashToken(token), userId, csrfToken, config.sessionHours);
  const found = await sessions.find(hashToken(token));
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https', maxAge: config.sessionHours * 3600,
  });
  return { user: found!.user, csrfToken };
}
