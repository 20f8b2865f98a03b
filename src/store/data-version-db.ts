import type { Db } from './db.js';
import type { VersionedDb } from './data-version.js';

/**
 * The change count kept by the database itself, for a PostgreSQL server that more than one
 * process may write to (a second instance, a command-line import). Every transaction that changed
 * data raises `data_version.n` once, when it commits, in the same commit as its changes: a
 * deferred trigger on every table (audit rows excepted, as in data-version.ts). A reader that
 * sees the same count before and after its read therefore read data that no commit has changed
 * since; src/server/read-cache.ts keeps an answer only then, and serves it only while the count
 * still stands.
 *
 * Deferred to the commit, the counter's row is locked only for the moment of committing, so a
 * long import does not hold up other writers. A TRUNCATE raises the count at once.
 */

/** Tables whose changes a page does not show (audit rows) or that hold the bookkeeping itself. */
const NOT_WATCHED = new Set(['public.audit_log', 'public.schema_migration', 'public.data_version']);

const BUMP_ONCE = `CREATE OR REPLACE FUNCTION public.data_version_bump_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('kansenspiegel.data_changed', true) IS DISTINCT FROM 'ja' THEN
    UPDATE public.data_version SET n = n + 1 WHERE id = 1;
    PERFORM set_config('kansenspiegel.data_changed', 'ja', true);
  END IF;
  RETURN NULL;
END $$`;

const BUMP = `CREATE OR REPLACE FUNCTION public.data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.data_version SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END $$`;

/**
 * Creates the counter and puts its triggers on every table of the schemas public and monitoring
 * that does not have them yet (so also on tables of later migrations). Idempotent; run after the
 * migrations on a server database.
 */
export async function installChangeCounter(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      'CREATE TABLE IF NOT EXISTS public.data_version (id int PRIMARY KEY CHECK (id = 1), n bigint NOT NULL)',
    );
    await tx.query('INSERT INTO public.data_version (id, n) VALUES (1, 0) ON CONFLICT (id) DO NOTHING');
    await tx.query(BUMP_ONCE);
    await tx.query(BUMP);
    const tables = await tx.query<{ name: string; watched: boolean }>(
      `SELECT format('%I.%I', t.schemaname, t.tablename) AS name,
              EXISTS (SELECT 1 FROM pg_trigger g
                       WHERE g.tgrelid = format('%I.%I', t.schemaname, t.tablename)::regclass
                         AND g.tgname = 'data_version_rows') AS watched
         FROM pg_tables t WHERE t.schemaname IN ('public', 'monitoring') ORDER BY 1`,
    );
    for (const t of tables) {
      if (t.watched || NOT_WATCHED.has(t.name)) continue;
      await tx.query(
        `CREATE CONSTRAINT TRIGGER data_version_rows AFTER INSERT OR UPDATE OR DELETE ON ${t.name}
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.data_version_bump_once()`,
      );
      await tx.query(
        `CREATE TRIGGER data_version_truncate AFTER TRUNCATE ON ${t.name}
           FOR EACH STATEMENT EXECUTE FUNCTION public.data_version_bump()`,
      );
    }
  });
}

/**
 * Shares reads between callers without giving anyone an answer older than their call: a caller
 * that arrives while a read is under way (which may have started before the caller's own change
 * was committed) waits for the next read, which starts once that one ends and serves everyone who
 * arrived meanwhile. Under load, one query answers many requests; each answer still comes from a
 * read that began after the caller asked.
 */
export function sharedFreshReads<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p = read();
    inFlight = p;
    const clear = () => {
      if (inFlight === p) inFlight = null;
    };
    p.then(clear, clear);
    return p;
  };
  return () => {
    if (!inFlight) return start();
    queued ??= inFlight
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}

/** The database's handle with its change count read from the database (see installChangeCounter). */
export function countedByDatabase(db: Db): VersionedDb {
  const version = sharedFreshReads(
    async () => (await db.query<{ n: number }>('SELECT n FROM public.data_version WHERE id = 1'))[0].n,
  );
  // everything else is the database's own (inherited)
  return Object.assign(Object.create(db) as Db, { dataVersion: version });
}
