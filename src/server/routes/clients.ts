import { Type } from '@sinclair/typebox';
import type { RouteApp } from './route-app.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { clientsRepository } from '../../store/clients.js';
import { writeAudit, writeListRead } from '../../store/audit.js';
import { CASE_FILE_ROLES } from '../../domain/roles.js';
import { ApiError, invalid } from '../errors.js';
import { currentUser, requireRole } from '../auth.js';
import { requireClientAccess } from '../client-access.js';
import { IdParams, problems } from '../schemas/common.js';
import { targetGroupLabel } from '../../domain/codes.js';
import { todayIso } from '../../domain/dates.js';
import {
  Client,
  ClientList,
  Created,
  NewAllocationBody,
  NewClientBody,
  NewWorkPeriodBody,
} from '../schemas/clients.js';

/** The case file: /api/v1/clients. Every read of a person's data is written to the audit log. */
export const clientRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  clientListRoutes(app, ctx);
  oneClientRoutes(app, ctx);
};

/** The client list, its count and a new client. */
function clientListRoutes(app: RouteApp, { db }: AppContext): void {
  const clients = clientsRepository(db);

  app.get(
    '/clients',
    {
      preHandler: requireRole(...CASE_FILE_ROLES),
      schema: {
        tags: ['klanten'],
        summary: 'Mijn klanten (consulent) of de klanten van het team (teamleider)',
        response: { 200: ClientList, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const items = await clients.listForUser(user);
      await writeListRead(db, { userId: user.id, resource: 'client-list', clientIds: items.map((c) => c.id) });
      return { items, total: items.length };
    },
  );

  app.get(
    '/clients/count',
    {
      preHandler: requireRole(...CASE_FILE_ROLES),
      schema: {
        tags: ['klanten'],
        summary: 'Aantal klanten (alleen de getallen; leest geen persoonsgegevens)',
        response: {
          200: Type.Object({
            total: Type.Integer({ description: 'Alle klanten in de caseload, ook wie is uitgestroomd' }),
            active: Type.Integer({ description: 'Klanten die nog worden begeleid (actief of on hold)' }),
            uitgestroomd: Type.Integer({ description: 'Klanten van wie elke uitkering is beëindigd' }),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const { total, uitgestroomd } = await clients.countForUser(currentUser(request), todayIso());
      return { total, active: total - uitgestroomd, uitgestroomd };
    },
  );

  app.post(
    '/clients',
    {
      preHandler: requireRole(...CASE_FILE_ROLES),
      schema: {
        tags: ['klanten'],
        summary: 'Nieuwe klant',
        body: NewClientBody,
        response: { 201: Created, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      const created = await db.transaction(async (tx) => {
        const repo = clientsRepository(tx);
        const exists = await tx.query('SELECT 1 FROM client WHERE municipality_id = $1 AND bsn = $2', [
          user.municipalityId,
          b.bsn,
        ]);
        if (exists.length > 0) throw new ApiError('CONFLICT_DUPLICATE', 'Er is al een klant met dit BSN.');
        const row = await repo.create(user.municipalityId, {
          bsn: b.bsn,
          givenName: b.givenName,
          familyName: b.familyName,
          birthDate: b.birthDate,
          gender: b.gender ?? 'onbekend',
          street: b.street,
          houseNumber: b.houseNumber,
          postcode: b.postcode,
          city: b.city,
          household: b.household ?? 'onbekend',
          educationLevel: b.educationLevel ?? 'onbekend',
          dutchLanguageLevel: b.dutchLanguageLevel ?? 'onbekend',
          workExperience: b.workExperience ?? 'onbekend',
          doelgroepregister: b.doelgroepregister ?? false,
          teamId: user.teamId!,
          consultantId: user.role === 'consultant' ? user.id : null,
        });
        await writeAudit(tx, [{ userId: user.id, clientId: row.id, action: 'create', resource: 'client' }]);
        return row;
      });
      return reply.status(201).send(created);
    },
  );
}

/** One client: the client's data, work periods and instrument allocations. */
function oneClientRoutes(app: RouteApp, { db }: AppContext): void {
  const clients = clientsRepository(db);
  const clientAccess = requireClientAccess(db);

  app.get(
    '/clients/:id',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['klanten'],
        summary: 'Persoonsgegevens van een klant',
        params: IdParams,
        response: { 200: Client, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const client = await clients.get(request.params.id);
      if (!client) throw new ApiError('NOT_FOUND');
      await writeAudit(db, [{ userId: user.id, clientId: client.id, action: 'read', resource: 'client' }]);
      return client;
    },
  );

  app.post(
    '/clients/:id/work-periods',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['klanten'],
        summary: 'Werkperiode vastleggen',
        params: IdParams,
        body: NewWorkPeriodBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      if (b.endDate && b.endDate < b.startDate)
        throw invalid({ name: 'endDate', reason: 'De einddatum ligt vóór de begindatum.' });
      const user = currentUser(request);
      const row = await db.transaction(async (tx) => {
        const created = await clientsRepository(tx).addWorkPeriod(request.params.id, {
          employer: b.employer,
          startDate: b.startDate,
          endDate: b.endDate ?? null,
          hoursPerWeek: b.hoursPerWeek,
          wageCostSubsidy: b.wageCostSubsidy ?? false,
        });
        await writeAudit(tx, [
          { userId: user.id, clientId: request.params.id, action: 'create', resource: 'work_period' },
        ]);
        return created;
      });
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/clients/:id/instrument-allocations',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['klanten'],
        summary: 'Voorziening aanvragen',
        params: IdParams,
        body: NewAllocationBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      const instrument = await clients.findInstrument(user.municipalityId, b.instrumentCode);
      if (!instrument)
        throw invalid({
          name: 'instrumentCode',
          reason: `Onbekende voorziening "${b.instrumentCode}": deze staat niet in de catalogus.`,
        });
      // A reserved instrument: the consultant confirms that the client belongs to the group. The
      // server does not look it up (membership may be a special category); it asks for the confirmation.
      const group =
        instrument.targetGroup === null ? null : targetGroupLabel(instrument.targetGroup, instrument.targetGroupNote);
      if (group !== null && b.targetGroupConfirmed !== true) {
        throw invalid({
          name: 'targetGroupConfirmed',
          reason: `Deze voorziening is alleen voor ${group}. Bevestig dat deze klant bij die doelgroep hoort.`,
        });
      }
      const row = await db.transaction(async (tx) => {
        const created = await clientsRepository(tx).addAllocation(request.params.id, {
          instrumentId: instrument.id,
          requestedOn: b.requestedOn,
          reason: b.reason,
          clientWish: b.clientWish ?? null,
          allocatedBy: user.id,
          targetGroupConfirmed: group !== null,
        });
        await writeAudit(tx, [
          {
            userId: user.id,
            clientId: request.params.id,
            action: 'create',
            resource: 'instrument_allocation',
            ...(group !== null ? { detail: `doelgroep bevestigd: ${instrument.targetGroup}` } : {}),
          },
        ]);
        return created;
      });
      return reply.status(201).send(row);
    },
  );
}
