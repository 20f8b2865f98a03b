import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { caseloadRoutes } from './caseload.js';
import { clientFileRoutes } from './client-file.js';
import { recordRoutes } from './records.js';
import { planRoutes } from './plans.js';
import { catalogueRoutes } from './catalogue.js';

/**
 * The daily work under /api/v1: caseload and team views, the client file and its changes,
 * plans, the instrument catalogue and the configurable lists. These routes read the case
 * file only; the monitoring schema (special categories) is never touched here.
 */
export const casefileRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  await app.register(caseloadRoutes, ctx);
  await app.register(clientFileRoutes, ctx);
  await app.register(recordRoutes, ctx);
  await app.register(planRoutes, ctx);
  await app.register(catalogueRoutes, ctx);
};
