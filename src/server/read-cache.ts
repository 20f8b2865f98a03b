import type { FastifyReply } from 'fastify';
/**
 * Answers kept in memory for as long as the data they were read from has not changed. Each entry
 * carries the database's change count (src/store/data-version.ts) from when its read began; it
 * is served only while that count still stands, so a change made through this process is seen
 * by the next request, never a later one. Bounded: the least recently used entry goes first.
 */
export interface ReadCache<T> {
  /** The kept answer for `key`, or `read()`'s answer (kept when nothing changed meanwhile). */
  remember(key: string, read: () => Promise<T>, keep?: (value: T) => boolean): Promise<T>;
  readonly size: number;
}

export function createReadCache<T>(opts: { max: number; version: () => number | Promise<number> }): ReadCache<T> {
  const entries = new Map<string, { version: number; value: T }>();
  return {
    async remember(key, read, keep = () => true) {
      const version = await opts.version();
      const hit = entries.get(key);
      if (hit && hit.version === version) {
        entries.delete(key); // most recently used goes to the end
        entries.set(key, hit);
        return hit.value;
      }
      const value = await read();
      if ((await opts.version()) === version && keep(value)) {
        entries.delete(key);
        entries.set(key, { version, value });
        if (entries.size > opts.max) entries.delete(entries.keys().next().value!);
      }
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}

/** No cache: every call reads (a server database shared with other writers). */
export function noReadCache<T>(): ReadCache<T> {
  return { remember: (_key, read) => read(), size: 0 };
}

/** On the request: what serialisedBody made its bytes from (checks compare it with what was sent). */
export const SERIALISED_FROM = Symbol('serialisedFrom');

/**
 * A 200 answer serialised once by the route's own response schema (so it holds exactly what the
 * route would send), as bytes that can be kept and sent again without serialising each time.
 */
export function serialisedBody(reply: FastifyReply, value: { [key: string]: unknown }): Buffer {
  (reply.request as unknown as Record<symbol, unknown>)[SERIALISED_FROM] = value;
  return Buffer.from(reply.serializeInput(value, '200') as string, 'utf8');
}

/** Sends bytes made by serialisedBody as the JSON answer. */
export function sendSerialised(reply: FastifyReply, body: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(body);
}
