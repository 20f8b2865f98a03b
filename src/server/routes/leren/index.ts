import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { caseDiscussionRoutes, caseRoutes, caseVoteRoutes } from './cases.js';
import { reflectionRoutes } from './reflections.js';
import { habitRoutes } from './habits.js';

/** The learning team under /api/v1/leren: dilemma cases, reflection, the team's mirror of its habits. */
export const learningRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  await app.register(caseRoutes, ctx);
  await app.register(caseVoteRoutes, ctx);
  await app.register(caseDiscussionRoutes, ctx);
  await app.register(reflectionRoutes, ctx);
  await app.register(habitRoutes, ctx);
};
