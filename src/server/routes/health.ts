import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';

/** GET /api/v1/health: the process answers and the database answers. */
export const healthRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['beheer'],
        summary: 'Werkt de dienst?',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) },
      },
    },
    async () => {
      await db.query('SELECT 1');
      return { status: 'ok' as const, database: db.kind };
    },
  );
};
