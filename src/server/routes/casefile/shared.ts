import type { Db, Queryable } from '../../../store/db.js';
import { writeAudit, type AuditAction } from '../../../store/audit.js';
import type { SessionUser } from '../../../store/users.js';
import { invalid } from '../../errors.js';

/** Dutch reasons used by more than one route, so that the same mistake reads the same everywhere. */
export const REASONS = {
  endBeforeStart: 'De einddatum ligt vóór de begindatum.',
  empty: 'Dit veld mag niet leeg zijn.',
} as const;

/** Throws a 400 naming `field` when `value` is only spaces. */
export function requireText(field: string, value: string): void {
  if (value.trim().length === 0) throw invalid({ name: field, reason: REASONS.empty });
}

/** Throws a 400 naming `field` when `date` lies before `earliest`. */
export function notBefore(
  field: string,
  date: string | null | undefined,
  earliest: string | null | undefined,
  reason: string,
): void {
  if (date && earliest && date < earliest) throw invalid({ name: field, reason });
}

/**
 * Runs a change of one client's case file in one transaction together with its audit row:
 * both are written, or neither. `fn` may throw an ApiError to refuse; then nothing is written.
 */
export function changeWithAudit<T>(
  db: Db,
  user: SessionUser,
  clientId: number | null,
  action: AuditAction,
  resource: string,
  fn: (tx: Queryable) => Promise<T>,
  detail?: (result: T) => string,
): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await fn(tx);
    await writeAudit(tx, [{ userId: user.id, clientId, action, resource, detail: detail?.(result) }]);
    return result;
  });
}
