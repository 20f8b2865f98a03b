import { createHash } from 'node:crypto';
import type { Db, Queryable } from './db.js';

export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'export' | 'denied' | 'import';

export interface AuditEntry {
  /** null for the system itself (e.g. the retention run). */
  userId: number | null;
  clientId: number | null;
  action: AuditAction;
  resource: string;
  detail?: string;
}

/** All audit writers queue behind this lock, so the hash chain has one order. */
const AUDIT_LOCK = 7_210_001;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash of a detail text (null stays null), kept so the detail can be erased later. */
export const contentHash = (detail: string | null): string | null => (detail === null ? null : sha256(detail));

/** The canonical form of one row that the chain hashes: fixed order, JSON-escaped. */
export function rowHash(prevHash: string | null, row: { at: string; userId: number | null; clientId: number | null; action: string; resource: string; contentHash: string | null }): string {
  return sha256(JSON.stringify([prevHash ?? '', row.at, row.userId, row.clientId, row.action, row.resource, row.contentHash]));
}

const isDb = (q: Queryable): q is Db => typeof (q as Partial<Db>).transaction === 'function';

async function appendChained(tx: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const [last] = await tx.query<{ row_hash: string | null }>('SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1');
  let prev = last?.row_hash ?? null;
  const at = new Date().toISOString();
  const prevs: (string | null)[] = [];
  const hashes: string[] = [];
  const contents: (string | null)[] = [];
  for (const e of entries) {
    const ch = contentHash(e.detail ?? null);
    const h = rowHash(prev, { at, userId: e.userId, clientId: e.clientId, action: e.action, resource: e.resource, contentHash: ch });
    prevs.push(prev);
    hashes.push(h);
    contents.push(ch);
    prev = h;
  }
  await tx.query(
    `INSERT INTO audit_log (at, user_id, client_id, action, resource, detail, content_hash, prev_hash, row_hash)
     SELECT $1::timestamptz, u, c, a, r, d, ch, ph, rh
       FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
            WITH ORDINALITY AS x(u, c, a, r, d, ch, ph, rh, n)
      ORDER BY n`,
    [
      at,
      entries.map((e) => e.userId),
      entries.map((e) => e.clientId),
      entries.map((e) => e.action),
      entries.map((e) => e.resource),
      entries.map((e) => e.detail ?? null),
      contents, prevs, hashes,
    ],
  );
}

/**
 * Writes audit rows (one per person touched), chained: each row stores
 * sha256(previous row's hash || canonical row). Call inside the same transaction as a change;
 * called with the database itself it opens a short transaction of its own.
 */
export async function writeAudit(db: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (isDb(db)) await db.transaction((tx) => appendChained(tx, entries));
  else await appendChained(db, entries);
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** Rows from before the chain existed (migration 006), at the start of the log. */
  unchained: number;
  /** The first row whose hash does not follow from its content and the row before it. */
  firstBroken: { id: number; reason: string } | null;
}

/** Walks the whole audit log in id order and recomputes the chain. Reads in pages. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<AuditVerification> {
  let lastId = 0;
  let prev: string | null = null;
  let chained = false;
  let checked = 0;
  let unchained = 0;
  for (;;) {
    const rows = await db.query<{
      id: number; at: string; user_id: number | null; client_id: number | null; action: string; resource: string;
      detail: string | null; content_hash: string | null; prev_hash: string | null; row_hash: string | null;
    }>(
      `SELECT id, at, user_id, client_id, action, resource, detail, content_hash, prev_hash, row_hash
         FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`, [lastId, pageSize]);
    if (rows.length === 0) break;
    for (const r of rows) {
      lastId = r.id;
      checked++;
      const broken = (reason: string): AuditVerification => ({ ok: false, checked, unchained, firstBroken: { id: r.id, reason } });
      if (r.row_hash === null) {
        if (chained) return broken('hash ontbreekt (rij na het begin van de keten)');
        unchained++;
        continue;
      }
      if (chained && r.prev_hash !== prev) return broken('verwijst niet naar de rij ervoor (rij verwijderd of ingevoegd)');
      if (r.detail !== null && contentHash(r.detail) !== r.content_hash) return broken('de inhoud (detail) is gewijzigd');
      const expected = rowHash(r.prev_hash, {
        at: r.at, userId: r.user_id, clientId: r.client_id, action: r.action, resource: r.resource, contentHash: r.content_hash,
      });
      if (expected !== r.row_hash) return broken('de rij is gewijzigd (hash klopt niet)');
      chained = true;
      prev = r.row_hash;
    }
  }
  return { ok: true, checked, unchained, firstBroken: null };
}
