import type { Queryable } from '../../../store/db.js';
import type { SessionUser } from '../../../store/users.js';
import { writeAudit } from '../../../store/audit.js';
import { clientsRepository } from '../../../store/clients.js';
import { isOverdue } from '../../../domain/placement.js';
import type { Proposal } from '../../../store/employers/proposals.js';
import { ApiError } from '../../errors.js';

/** One audit row per person whose data is shown. */
export async function auditReads(
  db: Queryable,
  user: SessionUser,
  clientIds: readonly number[],
  resource: string,
): Promise<void> {
  const unique = [...new Set(clientIds)];
  if (unique.length === 0) return;
  await writeAudit(
    db,
    unique.map((clientId) => ({ userId: user.id, clientId, action: 'read' as const, resource })),
  );
}

/** Throws 404 or 403 (audit-logged) unless the user may work with this client. */
export async function requireOwnClient(db: Queryable, user: SessionUser, clientId: number, route: string) {
  const access = await clientsRepository(db).access(user, clientId);
  if (access === 'not-found') throw new ApiError('NOT_FOUND', 'Deze klant bestaat niet.');
  if (access === 'forbidden') {
    await writeAudit(db, [{ userId: user.id, clientId, action: 'denied', resource: 'client', detail: route }]);
    throw new ApiError('FORBIDDEN_CLIENT');
  }
}

/** A proposal as the API answers it: follow-ups marked overdue on `today` (never once it has ended). */
export const proposalOut = (p: Proposal, today: string) => ({
  id: p.id,
  vacancyId: p.vacancyId,
  vacancyTitle: p.vacancyTitle,
  employerId: p.employerId,
  employerName: p.employerName,
  clientId: p.clientId,
  clientName: p.clientName,
  proposedOn: p.proposedOn,
  decisionReason: p.decisionReason,
  matchSummary: p.matchSummary,
  invitedOn: p.invitedOn,
  hiredOn: p.hiredOn,
  stoppedOn: p.stoppedOn,
  stoppedStage: p.stoppedStage,
  stoppedReason: p.stoppedReason,
  stage: p.stage,
  followUps: p.followUps.map((f) => ({ ...f, overdue: p.stoppedOn === null && isOverdue(f, today) })),
});

/** Whether a proposal's client is within the user's own caseload (consultant) or team (team leader). */
export const inScope = (user: SessionUser, p: { consultantId: number | null; teamId: number }): boolean =>
  user.role === 'consultant' ? p.consultantId === user.id : user.role === 'teamleider' && p.teamId === user.teamId;
