import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { employerListRoutes, employerPartRoutes, employerRoutes } from './employers.js';
import { suggestionRoutes, vacancyRoutes } from './vacancies.js';
import { followUpRoutes, proposalRoutes } from './proposals.js';
import { requestRoutes } from './requests.js';
import { signalRoutes, trackRoutes } from './tracks.js';
import { employerMirrorRoutes } from './mirror.js';

/**
 * Employers and placement under /api/v1: employers, vacancies with judged requirements,
 * matching, proposals with follow-up, discriminatory requests, external tracks and the
 * employer's decision moments in the mirror.
 */
export const werkgeverRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  await app.register(employerRoutes, ctx);
  await app.register(employerListRoutes, ctx);
  await app.register(employerPartRoutes, ctx);
  await app.register(vacancyRoutes, ctx);
  await app.register(suggestionRoutes, ctx);
  await app.register(proposalRoutes, ctx);
  await app.register(followUpRoutes, ctx);
  await app.register(requestRoutes, ctx);
  await app.register(trackRoutes, ctx);
  await app.register(signalRoutes, ctx);
  await app.register(employerMirrorRoutes, ctx);
};
