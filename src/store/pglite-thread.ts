import { Worker } from 'node:worker_threads';
import type { Db, Queryable } from './db.js';
import { devWorkerScript } from './dev-worker-script.js';
import { errorFromWire, type WorkerHello, type WorkerReply, type WorkerRequest } from './pglite-messages.js';

/**
 * The embedded database (PGlite) in a worker thread, behind the same Db interface as before:
 * while PostgreSQL works on a query, the main thread goes on reading requests and writing
 * answers. Each call becomes a message to the worker (pglite-worker.ts) and a promise here.
 *
 * Transactions: `transaction(fn)` opens one in the worker; the queries of `fn`'s tx go to it,
 * other queries wait in PGlite until it ends. It commits when `fn` resolves and rolls back (then
 * rethrows) when `fn` throws. If the worker stops, every open and later call rejects with a clear
 * error and one line goes to the log; the process itself stays up.
 */

export type PgliteDb = Db & { dumpDataDir(): Promise<Blob> };

/** A request without its id (the connection numbers them). */
type Call = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Start {
  dataDir?: string;
  loadDataDir?: ArrayBuffer;
}

/**
 * Starts the worker module next to this one: pglite-worker.js in dist/, or pglite-worker.ts under
 * tsx (development and tests), bundled into one JavaScript file first (dev-worker-script.ts).
 */
async function startWorker(start: Start): Promise<Worker> {
  const options = {
    workerData: start,
    transferList: start.loadDataDir ? [start.loadDataDir] : [],
  };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pglite-worker.js', import.meta.url), options);
  return new Worker(await devWorkerScript(new URL('./pglite-worker.ts', import.meta.url)), options);
}

/** Waits for the worker's first message: PGlite has started, or it failed to. */
function started(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onMessage = (hello: WorkerHello) => {
      off();
      if (hello.ready) resolve();
      else reject(errorFromWire(hello.error));
    };
    const onError = (err: Error) => {
      off();
      reject(err);
    };
    const onExit = (code: number) => {
      off();
      reject(new Error(`De ingebouwde database (PGlite) kon niet starten (de thread stopte met code ${code}).`));
    };
    const off = () => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/** Numbered requests to the worker and the promises that wait for their replies. */
class Connection {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  private nextId = 1;
  private referenced = true;
  private stopped: Error | null = null;
  private closing = false;
  private failure = '';

  constructor(
    private readonly worker: Worker,
    private readonly log: (line: string) => void,
  ) {
    worker.on('message', (message: WorkerReply) => this.settle(message));
    worker.on('error', (err: Error) => {
      this.failure = err.message;
    });
    worker.on('exit', (code: number) => this.exited(code));
    this.keepAlive();
  }

  call<T>(request: Call, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      try {
        this.worker.postMessage({ ...request, id }, transfer);
      } catch (err) {
        reject(err as Error); // a parameter that cannot be copied to the thread
        return;
      }
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.keepAlive();
    });
  }

  async close(): Promise<void> {
    if (this.closing || this.stopped) {
      this.stopped ??= new Error('De database is gesloten.');
      return;
    }
    try {
      await this.call({ op: 'close' });
    } finally {
      this.closing = true;
      this.stopped = new Error('De database is gesloten.');
      await this.worker.terminate();
      this.rejectAll(this.stopped);
    }
  }

  private settle(message: WorkerReply): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(errorFromWire(message.error));
    this.keepAlive();
  }

  private exited(code: number): void {
    if (this.closing) return;
    const reason = this.failure || `de thread stopte met code ${code}`;
    this.stopped = Object.assign(
      new Error(`De ingebouwde database (PGlite) is gestopt (${reason}); de opdracht is niet uitgevoerd.`),
      { code: 'PGLITE_STOPPED' },
    );
    this.log(
      `De ingebouwde database (PGlite) is onverwacht gestopt: ${reason}. ` +
        'Verzoeken die de database nodig hebben mislukken; start Kansenspiegel opnieuw.',
    );
    this.rejectAll(this.stopped);
  }

  private rejectAll(err: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(err);
    this.pending.clear();
    this.keepAlive();
  }

  /** The thread keeps the process alive only while a reply is awaited (as PGlite did in-thread). */
  private keepAlive(): void {
    const wanted = this.pending.size > 0;
    if (wanted === this.referenced) return;
    this.referenced = wanted;
    if (wanted) this.worker.ref();
    else this.worker.unref();
  }
}

/** Opens PGlite in its own thread, on dataDir (else in memory), loading a dump first if given. */
export async function openPgliteThread(
  dataDir?: string,
  loadDataDir?: Blob,
  log?: (line: string) => void,
): Promise<PgliteDb> {
  return (await openPgliteWorker(dataDir, loadDataDir, log)).db;
}

/** As openPgliteThread, and also gives the worker itself (tests stop it to see what callers get). */
export async function openPgliteWorker(
  dataDir?: string,
  loadDataDir?: Blob,
  log: (line: string) => void = (line) => console.error(line),
): Promise<{ db: PgliteDb; worker: Worker }> {
  const worker = await startWorker({ dataDir, loadDataDir: loadDataDir ? await loadDataDir.arrayBuffer() : undefined });
  try {
    await started(worker);
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  const connection = new Connection(worker, log);
  const queryVia =
    (tx?: number, background?: boolean): Queryable['query'] =>
    <T>(sql: string, params: readonly unknown[] = []) =>
      connection.call<T[]>({ op: 'query', sql, params, tx, ...(background ? { background } : {}) });
  const db: PgliteDb = {
    kind: 'pglite',
    query: queryVia(),
    background: { query: queryVia(undefined, true) },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const tx = await connection.call<number>({ op: 'begin' });
      let result: T;
      try {
        result = await fn({ query: queryVia(tx) });
      } catch (err) {
        await connection.call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw err;
      }
      await connection.call({ op: 'end', tx, commit: true });
      return result;
    },
    close: () => connection.close(),
    // for test fixtures: dump a migrated database once, load it per test
    dumpDataDir: async () => new Blob([await connection.call<ArrayBuffer>({ op: 'dump' })]),
  };
  return { db, worker };
}
