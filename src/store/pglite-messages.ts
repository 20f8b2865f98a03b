/**
 * The messages between the main thread and the thread that runs PGlite (pglite-worker.ts), and
 * how an error crosses between them with its PostgreSQL fields (code, detail, constraint, ...).
 */

export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params: readonly unknown[]; tx?: number; background?: boolean }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

/** What the worker posts once, after PGlite has started (or failed to). */
export type WorkerHello = { ready: true } | { ready: false; error: WireError };

export interface WireError {
  name: string;
  message: string;
  stack?: string;
  /** PostgreSQL fields and other plain own properties of the error. */
  fields: Record<string, string | number | boolean>;
}

export function errorToWire(err: unknown): WireError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  const fields: WireError['fields'] = {};
  for (const [key, value] of Object.entries(err)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { name: err.name, message: err.message, stack: err.stack, fields };
}

/** An Error again, with the same message, name and fields, so that `err.code === '23505'` still works. */
export function errorFromWire(wire: WireError): Error {
  const err = new Error(wire.message);
  Object.assign(err, wire.fields);
  Object.defineProperty(err, 'name', { value: wire.name, enumerable: false, configurable: true, writable: true });
  if (wire.stack) err.stack = wire.stack;
  return err;
}
