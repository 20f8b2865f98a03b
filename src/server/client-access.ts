import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Db } from '../store/db.js';
import { clientsRepository } from '../store/clients.js';
import { writeAudit } from '../store/audit.js';
import { CASE_FILE_ROLES } from '../domain/roles.js';
import { ApiError } from './errors.js';
import { markEarly, requireRole } from './auth.js';

/**
 * preHandler for routes under /clients/:id — logged in, a case-file role, and the client is
 * the consultant's own (or in the team leader's team). A refusal is itself audit-logged.
 */
export function requireClientAccess(db: Db): preHandlerAsyncHookHandler {
  const clients = clientsRepository(db);
  const roleCheck = requireRole(...CASE_FILE_ROLES);
  return markEarly(async function (this: unknown, request: FastifyRequest, reply) {
    await roleCheck.call(this as never, request, reply);
    const clientId = (request.params as { id: number }).id;
    const access = await clients.access(request.sessionUser!, clientId);
    if (access === 'not-found') throw new ApiError('NOT_FOUND');
    if (access === 'forbidden') {
      await writeAudit(db, [
        {
          userId: request.sessionUser!.id,
          clientId,
          action: 'denied',
          resource: 'client',
          detail: `${request.method} ${request.routeOptions.url}`,
        },
      ]);
      throw new ApiError('FORBIDDEN_CLIENT');
    }
  }, roleCheck);
}
