import type { FastifyInstance, onSendHookHandler, RouteOptions } from 'fastify';
import { dutchPath } from './api-paths.js';

interface AliasConfig {
  /** Set on the old path's route: the new path it answers for. */
  successor?: string;
}

/**
 * Registers every API route under its Dutch path (src/server/api-paths.ts) and keeps the old
 * path as a deprecated alias for one release: the same handler and checks, marked
 * `deprecated` in OpenAPI, answering with `Deprecation: true` and
 * `Link: <new>; rel="successor-version"`. Call before any route is registered.
 */
export function registerDeprecatedAliases(app: FastifyInstance, apiPrefix: string): void {
  app.addHook('onRoute', function (route: RouteOptions & { routePath?: string; prefix?: string }) {
    if (!route.url.startsWith(`${apiPrefix}/`)) return;
    if ((route.config as AliasConfig | undefined)?.successor !== undefined) return;
    if (route.method === 'HEAD' || (Array.isArray(route.method) && route.method.includes('HEAD'))) return;
    const below = route.url.slice(apiPrefix.length);
    const renamed = dutchPath(below);
    if (renamed === below) return;
    const oldUrl = route.url;
    route.url = `${apiPrefix}${renamed}`;
    (route as { path?: string }).path = route.url;

    const successor = route.url;
    const markDeprecated: onSendHookHandler = async (request, reply, payload) => {
      reply.header('deprecation', 'true');
      reply.header('link', `<${apiPrefix}${dutchPath(request.url.slice(apiPrefix.length))}>; rel="successor-version"`);
      return payload;
    };
    const {
      url: _url,
      path: _path,
      routePath: _routePath,
      prefix,
      ...rest
    } = route as RouteOptions & {
      path?: string;
      routePath?: string;
      prefix?: string;
    };
    this.route({
      ...rest,
      url: oldUrl.slice((prefix ?? '').length),
      schema: { ...(rest.schema ?? {}), deprecated: true } as RouteOptions['schema'],
      config: { ...(rest.config ?? {}), successor } as RouteOptions['config'],
      onSend: [...[rest.onSend ?? []].flat(), markDeprecated],
    });
  });
}
