import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { PGLITE_PARSERS } from './pg-types.js';
import { errorToWire, type WorkerHello, type WorkerReply, type WorkerRequest } from './pglite-messages.js';
import { PriorityGate } from './pglite-priority.js';

/**
 * Runs PGlite (PostgreSQL compiled to WebAssembly) in a thread of its own, so that a long query
 * does not hold up the HTTP server in the main thread. The main thread talks to it through
 * pglite-thread.ts. Interactive requests are handed to PGlite as they arrive; PGlite itself
 * orders them: a query outside a transaction waits while a transaction is open, as it does in the
 * main thread. Background reads (marked by the caller) wait their turn (pglite-priority.ts).
 */

interface Start {
  dataDir?: string;
  loadDataDir?: ArrayBuffer;
}

interface OpenTransaction {
  tx: Transaction;
  /** Ends the transaction: true commits, false rolls back. */
  decide: (commit: boolean) => void;
  /** Settles once PGlite has committed or rolled back. */
  done: Promise<void>;
}

const port = parentPort!;
const start = workerData as Start;
const transactions = new Map<number, OpenTransaction>();
const priority = new PriorityGate();
/** An open transaction counts as interactive work until it ends. */
const transactionHolds = new Map<number, () => void>();
let nextTransaction = 1;

/** Thrown inside PGlite's transaction callback to make it roll back. */
const ROLL_BACK = Symbol('roll back');

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

/** Opens a transaction and keeps it open until the main thread sends 'end'. */
function begin(db: PGlite): Promise<number> {
  const id = nextTransaction++;
  return new Promise<number>((opened, failed) => {
    let decide!: (commit: boolean) => void;
    const decision = new Promise<boolean>((resolve) => (decide = resolve));
    const done = db
      .transaction(async (tx) => {
        transactions.set(id, { tx, decide, done });
        opened(id);
        if (!(await decision)) throw ROLL_BACK;
      })
      .then(
        () => undefined,
        (err: unknown) => {
          if (err !== ROLL_BACK) throw err;
        },
      )
      .finally(() => transactions.delete(id));
    // A BEGIN that fails never reaches the callback; then the 'begin' request fails.
    done.catch(failed);
  });
}

async function end(tx: number, commit: boolean): Promise<void> {
  const open = transactions.get(tx);
  if (!open) throw new Error('Transaction is closed');
  open.decide(commit);
  await open.done;
}

async function query(db: PGlite, sql: string, params: readonly unknown[], tx?: number): Promise<unknown[]> {
  const target = tx === undefined ? db : transactions.get(tx)?.tx;
  if (!target) throw new Error('Transaction is closed');
  return (await target.query(sql, params as unknown[])).rows;
}

async function handle(db: PGlite, request: WorkerRequest): Promise<void> {
  try {
    switch (request.op) {
      case 'query':
        return reply({ id: request.id, ok: true, value: await query(db, request.sql, request.params, request.tx) });
      case 'begin': {
        const release = priority.hold();
        try {
          const tx = await begin(db);
          transactionHolds.set(tx, release);
          return reply({ id: request.id, ok: true, value: tx });
        } catch (err) {
          release();
          throw err;
        }
      }
      case 'end':
        try {
          await end(request.tx, request.commit);
        } finally {
          transactionHolds.get(request.tx)?.();
          transactionHolds.delete(request.tx);
        }
        return reply({ id: request.id, ok: true, value: null });
      case 'dump': {
        const bytes = await (await db.dumpDataDir('none')).arrayBuffer();
        return reply({ id: request.id, ok: true, value: bytes }, [bytes]);
      }
      case 'close':
        await db.close();
        return reply({ id: request.id, ok: true, value: null });
    }
  } catch (err) {
    reply({ id: request.id, ok: false, error: errorToWire(err) });
  }
}

try {
  const db = await PGlite.create({
    dataDir: start.dataDir,
    loadDataDir: start.loadDataDir ? new Blob([start.loadDataDir]) : undefined,
    parsers: PGLITE_PARSERS,
  });
  port.on('message', (request: WorkerRequest) => {
    if (request.op === 'query' && request.background && request.tx === undefined) {
      void priority.background(() => handle(db, request));
      return;
    }
    const release = priority.hold();
    void handle(db, request).finally(release);
  });
  port.postMessage({ ready: true } satisfies WorkerHello);
} catch (err) {
  port.postMessage({ ready: false, error: errorToWire(err) } satisfies WorkerHello);
}
