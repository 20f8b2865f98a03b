import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

/**
 * Fastify's own schema compilers (ajv for requests, fast-json-stringify for answers), shared by
 * every app built in this process. Fastify makes new ones per instance and compiles every route's
 * schemas again; here a route schema (the same object, with the same shared schemas) is compiled
 * once per process. A server builds one app, so this changes nothing there; the tests build one
 * app per test case and save about half a second each.
 */

/** One ajv per set of shared schemas and options (the pool of @fastify/ajv-compiler). */
const buildValidator = AjvCompiler();

const fastJsonStringify = SerializerSelector();
type SerializerFactory = ReturnType<typeof fastJsonStringify>;
type RouteSchema = Parameters<SerializerFactory>[0];

/** Compiled answer serialisers per route schema object, per set of shared schemas. */
const serializers = new Map<string, WeakMap<object, ReturnType<SerializerFactory>>>();

function buildSerializer(...args: Parameters<typeof fastJsonStringify>): SerializerFactory {
  const [externalSchemas, options] = args;
  const key = JSON.stringify([externalSchemas, options]);
  let compiled = serializers.get(key);
  if (!compiled) serializers.set(key, (compiled = new WeakMap()));
  const compile = fastJsonStringify(...args);
  const cache = compiled;
  return (route: RouteSchema) => {
    const schema = route.schema as object;
    let serialize = cache.get(schema);
    if (!serialize) cache.set(schema, (serialize = compile(route)));
    return serialize;
  };
}

export const schemaCompilers = { buildValidator, buildSerializer };
