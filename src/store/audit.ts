import type { Queryable } from './db.js';

export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'export' | 'denied';

export interface AuditEntry {
  userId: number;
  clientId: number | null;
  action: AuditAction;
  resource: string;
  detail?: string;
}

/** Writes audit rows (one per person touched). Call inside the same transaction as a change. */
export async function writeAudit(db: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO audit_log (user_id, client_id, action, resource, detail)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[])`,
    [
      entries.map((e) => e.userId),
      entries.map((e) => e.clientId),
      entries.map((e) => e.action),
      entries.map((e) => e.resource),
      entries.map((e) => e.detail ?? null),
    ],
  );
}
