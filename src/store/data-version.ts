import type { Db, Queryable } from './db.js';

/**
 * A database handle that counts the changes made through it. Every statement that can change
 * data (INSERT, UPDATE, DELETE, TRUNCATE, MERGE, COPY, DDL; a WITH that holds one of those)
 * raises the version once it has settled, and a transaction that held one raises it once it
 * has committed or rolled back. Audit rows are not a change of the data a page shows, so
 * `INSERT INTO audit_log` leaves the version alone.
 *
 * A reader that remembers an answer together with the version it saw when it started knows the
 * answer is still current as long as the version has not moved (see src/server/read-cache.ts).
 * This only holds when every change goes through this handle: the embedded database, which one
 * process owns, or a server database with one application instance and no other writers.
 */
export interface VersionedDb extends Db {
  /** In this process (embedded: trackChanges) or read from the database (server: data-version-db.ts). */
  dataVersion(): number | Promise<number>;
}

const CHANGE =
  /^\s*(INSERT|UPDATE|DELETE|TRUNCATE|MERGE|COPY|CREATE|ALTER|DROP|GRANT|REVOKE|REFRESH|VACUUM|CLUSTER|REINDEX|CALL|DO|LOCK)\b/i;
const CHANGE_IN_WITH = /\b(INSERT\s+INTO|UPDATE\s+\w|DELETE\s+FROM|MERGE\s+INTO)\b/i;
const AUDIT_ONLY = /^\s*INSERT\s+INTO\s+audit_log\b/i;
/** Reads that take a lock or look at sequences only (the audit writer's own statements). */
const READ = /^\s*(SELECT|WITH|EXPLAIN|SHOW|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET\s+LOCAL|VALUES)\b/i;

/** Whether a statement can change data a page shows (pure; exported for its tests). */
export function changesData(sql: string): boolean {
  const text = sql.replace(/--[^\n]*\n/g, '\n');
  if (AUDIT_ONLY.test(text)) return false;
  if (CHANGE.test(text)) return true;
  if (/^\s*WITH\b/i.test(text)) return CHANGE_IN_WITH.test(text);
  // anything not known to be a plain read counts as a change: a wrong guess only costs a reload
  return !READ.test(text);
}

export function trackChanges(db: Db): VersionedDb {
  let version = 0;
  const bump = () => {
    version++;
  };
  const tracked = (q: Queryable, onChange: () => void): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      if (!changesData(sql)) return q.query<T>(sql, params);
      onChange();
      try {
        return await q.query<T>(sql, params);
      } finally {
        onChange();
      }
    },
  });
  const top = tracked(db, bump);
  return Object.assign(Object.create(db) as Db, {
    kind: db.kind,
    query: top.query,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      let changed = false;
      try {
        return await db.transaction((tx) =>
          fn(
            tracked(tx, () => {
              changed = true;
              bump();
            }),
          ),
        );
      } finally {
        if (changed) bump();
      }
    },
    background: db.background && tracked(db.background, bump),
    close: () => db.close(),
    dataVersion: () => version,
  });
}
