import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { FEATURE_ROLES } from '../../../domain/roles.js';
import { PROPOSAL_STAGES, stagesReached } from '../../../domain/placement.js';
import { employersRepository } from '../../../store/employers/employers.js';
import { proposalsRepository } from '../../../store/employers/proposals.js';
import { requestsRepository } from '../../../store/employers/requests.js';
import { writeAudit } from '../../../store/audit.js';
import { currentUser, requireRole } from '../../auth.js';
import { ApiError, invalid } from '../../errors.js';
import { todayIso } from '../../formats.js';
import { IdParams, NoContent, problems } from '../../schemas/common.js';
import { Created } from '../../schemas/clients.js';
import {
  EmployerDetail,
  EmployerList,
  EmployerPatchBody,
  MarkList,
  MarkPatchBody,
  MarksBody,
  NewAgreementBody,
  NewContactBody,
  NewEmployerBody,
  NewMarkBody,
} from '../../schemas/werkgevers.js';
import { requireText } from '../casefile/shared.js';
import { auditReads, inScope, proposalOut } from './shared.js';

const TAG = ['werkgevers'];

/** Employers with contacts, agreements and marks; the marks themselves are kept in beheer. */
export const employerRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const readers = requireRole(...FEATURE_ROLES.employers, ...FEATURE_ROLES.employerProtocol, ...FEATURE_ROLES.admin);
  const admin = requireRole(...FEATURE_ROLES.admin);

  app.get(
    '/keurmerken',
    {
      preHandler: readers,
      schema: {
        tags: TAG,
        summary: 'Keurmerken van inclusief werkgeverschap',
        response: { 200: MarkList, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      return { items: await employersRepository(db).listMarks(user.municipalityId, user.role === 'beheerder') };
    },
  );

  app.post(
    '/keurmerken',
    {
      preHandler: admin,
      schema: {
        tags: TAG,
        summary: 'Keurmerk toevoegen (beheer)',
        body: NewMarkBody,
        response: { 201: Created, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      requireText('name', request.body.name);
      const row = await employersRepository(db).addMark(
        user.municipalityId,
        request.body.code,
        request.body.name.trim(),
      );
      if (!row) throw new ApiError('CONFLICT_DUPLICATE', `Er is al een keurmerk met de code ${request.body.code}.`);
      await writeAudit(db, [
        { userId: user.id, clientId: null, action: 'create', resource: 'employer_mark', detail: request.body.code },
      ]);
      return reply.status(201).send(row);
    },
  );

  app.patch(
    '/keurmerken/:id',
    {
      preHandler: admin,
      schema: {
        tags: TAG,
        summary: 'Keurmerk wijzigen of uitzetten (beheer)',
        params: IdParams,
        body: MarkPatchBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      if (Object.keys(request.body).length === 0)
        throw invalid({ name: 'body', reason: 'Geef minstens één gegeven om te wijzigen.' });
      if (request.body.name !== undefined) requireText('name', request.body.name);
      const ok = await employersRepository(db).updateMark(user.municipalityId, request.params.id, request.body);
      if (!ok) throw new ApiError('NOT_FOUND', 'Dit keurmerk bestaat niet.');
      await writeAudit(db, [
        {
          userId: user.id,
          clientId: null,
          action: 'update',
          resource: 'employer_mark',
          detail: `keurmerk ${request.params.id}`,
        },
      ]);
      return reply.status(204).send();
    },
  );
};

/** Employers: list, detail with history, and the protocol's naming as a good example. */
export const employerListRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const readers = requireRole(...FEATURE_ROLES.employers, ...FEATURE_ROLES.employerProtocol, ...FEATURE_ROLES.admin);
  const workers = requireRole(...FEATURE_ROLES.employers);
  const protocol = requireRole(...FEATURE_ROLES.employerProtocol);

  app.get(
    '/werkgevers',
    {
      preHandler: readers,
      schema: { tags: TAG, summary: 'Werkgevers', response: { 200: EmployerList, ...problems(401, 403) } },
    },
    async (request) => ({ items: await employersRepository(db).list(currentUser(request).municipalityId) }),
  );

  app.post(
    '/werkgevers',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Werkgever toevoegen',
        body: NewEmployerBody,
        response: { 201: Created, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      for (const field of ['name', 'sector', 'place'] as const) requireText(field, b[field]);
      const row = await employersRepository(db).add(user.municipalityId, {
        name: b.name.trim(),
        sector: b.sector.trim().toLowerCase(),
        size: b.size,
        place: b.place.trim(),
      });
      if (!row) throw new ApiError('CONFLICT_DUPLICATE', `Er is al een werkgever met de naam ${b.name.trim()}.`);
      return reply.status(201).send(row);
    },
  );

  app.get(
    '/werkgevers/:id',
    {
      preHandler: readers,
      schema: {
        tags: TAG,
        summary: 'Werkgever met contactpersonen, afspraken, keurmerken en geschiedenis',
        params: IdParams,
        response: { 200: EmployerDetail, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const employer = await employersRepository(db).find(user.municipalityId, request.params.id);
      if (!employer) throw new ApiError('NOT_FOUND', 'Deze werkgever bestaat niet.');
      const all = await proposalsRepository(db).forEmployer(user.municipalityId, employer.id);
      const reached = Object.fromEntries(PROPOSAL_STAGES.map((s) => [s, 0])) as Record<
        (typeof PROPOSAL_STAGES)[number],
        number
      >;
      for (const p of all) {
        const r = stagesReached(p);
        for (const s of PROPOSAL_STAGES) if (r[s]) reached[s]++;
      }
      const own = all.filter((p) => inScope(user, p));
      await auditReads(
        db,
        user,
        own.map((p) => p.clientId),
        'proposal',
      );
      const today = todayIso();
      return {
        ...employer,
        history: { reached, ownProposals: own.map((p) => proposalOut(p, today)) },
        requests: await requestsRepository(db).forEmployer(employer.id),
      };
    },
  );

  app.patch(
    '/werkgevers/:id',
    {
      preHandler: protocol,
      schema: {
        tags: TAG,
        summary: 'Werkgever wel of niet als goed voorbeeld noemen (besluit beleid)',
        params: IdParams,
        body: EmployerPatchBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const ok = await employersRepository(db).setNamedAsExample(
        user.municipalityId,
        request.params.id,
        request.body.namedAsExample,
      );
      if (!ok) throw new ApiError('NOT_FOUND', 'Deze werkgever bestaat niet.');
      await writeAudit(db, [
        {
          userId: user.id,
          clientId: null,
          action: 'update',
          resource: 'employer',
          detail: `werkgever ${request.params.id}: goed voorbeeld ${request.body.namedAsExample ? 'ja' : 'nee'}`,
        },
      ]);
      return reply.status(204).send();
    },
  );
};

/** Contacts, agreements and marks of an employer. */
export const employerPartRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const workers = requireRole(...FEATURE_ROLES.employers);

  const mustExist = async (municipalityId: number, id: number) => {
    if (!(await employersRepository(db).exists(municipalityId, id)))
      throw new ApiError('NOT_FOUND', 'Deze werkgever bestaat niet.');
  };

  app.post(
    '/werkgevers/:id/contactpersonen',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Contactpersoon toevoegen',
        params: IdParams,
        body: NewContactBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      await mustExist(user.municipalityId, request.params.id);
      requireText('name', request.body.name);
      const row = await employersRepository(db).addContact(request.params.id, {
        name: request.body.name.trim(),
        role: request.body.role?.trim() ?? '',
        phone: request.body.phone ?? null,
        email: request.body.email ?? null,
      });
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/werkgevers/:id/afspraken',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Afspraak met de werkgever (bijvoorbeeld plaatsing met extra begeleiding)',
        params: IdParams,
        body: NewAgreementBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      await mustExist(user.municipalityId, request.params.id);
      requireText('description', b.description);
      if (b.endDate && b.endDate < b.startDate)
        throw invalid({ name: 'endDate', reason: 'De einddatum ligt vóór de begindatum.' });
      const row = await employersRepository(db).addAgreement(request.params.id, {
        kind: b.kind,
        description: b.description.trim(),
        startDate: b.startDate,
        endDate: b.endDate ?? null,
      });
      return reply.status(201).send(row);
    },
  );

  app.put(
    '/werkgevers/:id/keurmerken',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Keurmerken van de werkgever vastleggen',
        params: IdParams,
        body: MarksBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      await db.transaction(async (tx) => {
        if (!(await employersRepository(tx).exists(user.municipalityId, request.params.id)))
          throw new ApiError('NOT_FOUND', 'Deze werkgever bestaat niet.');
        const unknown = await employersRepository(tx).setMarks(
          user.municipalityId,
          request.params.id,
          request.body.markIds,
        );
        if (unknown.length > 0)
          throw invalid(
            ...unknown.map((id) => ({
              name: `markIds.${request.body.markIds.indexOf(id)}`,
              reason: `Onbekend of uitgezet keurmerk ${id}.`,
            })),
          );
      });
      return reply.status(204).send();
    },
  );
};
