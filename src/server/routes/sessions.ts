import argon2 from 'argon2';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { sessionsRepository, usersRepository } from '../../store/users.js';
import { ApiError } from '../errors.js';
import { SESSION_COOKIE, currentUser, hashToken, requireLogin } from '../auth.js';
import { LoginBody, SessionAnswer } from '../schemas/session.js';
import { problems } from '../schemas/common.js';
import { LoginLimiter } from '../security.js';
import { acceptPassword, startSession } from '../session-start.js';

// Verifying against a real hash when the user is unknown keeps the answer time the same.
const DUMMY_HASH = await argon2.hash('not-a-real-password');

/** Log-in and log-out: POST/GET/DELETE /api/v1/sessions(/current). */
export const sessionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  const users = usersRepository(db);
  const sessions = sessionsRepository(db);
  const limiter = new LoginLimiter();

  app.post('/sessions', {
    schema: { tags: ['sessie'], summary: 'Inloggen', body: LoginBody, response: { 201: SessionAnswer, ...problems(400, 401, 423, 429) } },
  }, async (request, reply) => {
    const { username, password } = request.body;
    if (limiter.blocked(request.ip, username)) throw new ApiError('RATE_LIMITED');
    const user = await users.findByUsername(username);
    const ok = await argon2.verify(user?.password_hash ?? DUMMY_HASH, password);
    if (!user || !user.active || !ok) limiter.fail(request.ip, username);
    const accepted = await acceptPassword(db, user, ok);
    limiter.succeed(username);
    return reply.status(201).send(await startSession(db, config, request, reply, accepted.id));
  });

  app.get('/sessions/current', {
    preHandler: requireLogin,
    schema: { tags: ['sessie'], summary: 'Wie is ingelogd?', response: { 200: SessionAnswer, ...problems(401) } },
  }, async (request) => ({ user: currentUser(request), csrfToken: request.csrfToken! }));

  app.delete('/sessions/current', {
    preHandler: requireLogin,
    schema: { tags: ['sessie'], summary: 'Uitloggen', response: { ...problems(401, 403) } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await sessions.remove(hashToken(token));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
};
