import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';

/** The Fastify instance a route plugin receives, for functions that register one group of its routes. */
export type RouteApp = Parameters<FastifyPluginAsyncTypebox<AppContext>>[0];
