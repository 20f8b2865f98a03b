import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { sessionsRepository } from '../../store/users.js';
import { SESSION_COOKIE, currentUser, hashToken, requireLogin } from '../auth.js';
import { LoginBody, SessionAnswer } from '../schemas/session.js';
import { NoContent, problems } from '../schemas/common.js';
import { passwordLogin } from '../session-start.js';

/** Log-in and log-out: POST/GET/DELETE /api/v1/sessions(/current). */
export const sessionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  const sessions = sessionsRepository(db);

  app.post(
    '/sessions',
    {
      schema: {
        tags: ['sessie'],
        summary: 'Inloggen',
        security: [],
        body: LoginBody,
        response: { 201: SessionAnswer, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      return reply
        .status(201)
        .send(await passwordLogin(db, config, app.loginLimiter, request, reply, username, password));
    },
  );

  app.get(
    '/sessions/current',
    {
      preHandler: requireLogin,
      schema: { tags: ['sessie'], summary: 'Wie is ingelogd?', response: { 200: SessionAnswer, ...problems(401) } },
    },
    async (request) => ({ user: currentUser(request), csrfToken: request.csrfToken! }),
  );

  app.delete(
    '/sessions/current',
    {
      preHandler: requireLogin,
      schema: { tags: ['sessie'], summary: 'Uitloggen', response: { 204: NoContent, ...problems(401, 403) } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await sessions.remove(hashToken(token));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
};
