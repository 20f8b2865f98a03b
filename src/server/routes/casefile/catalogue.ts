import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RouteApp } from '../route-app.js';
import type { AppContext } from '../../context.js';
import { catalogueRepository, organisationRepository } from '../../../store/casefile/catalogue.js';
import { ApiError, invalid } from '../../errors.js';
import { currentUser, requireLogin, requireRole } from '../../auth.js';
import { IdParams, NoContent, problems } from '../../schemas/common.js';
import { Created } from '../../schemas/clients.js';
import {
  Instrument,
  InstrumentList,
  InstrumentPatchBody,
  InstrumentQuery,
  LifeDomainList,
  LifeDomainPatchBody,
  LifeDomainQuery,
  NewInstrumentBody,
  NewLifeDomainBody,
  NewTeamBody,
  SrgTypeList,
  TeamList,
} from '../../schemas/casefile.js';
import { changeWithAudit, requireText } from './shared.js';
import type { TargetGroup } from '../../../domain/codes.js';

/** A reservation from the fixed list; "overig" needs a description, the other groups keep none. */
function reservationOf(
  targetGroup: TargetGroup | null,
  note: string | null | undefined,
): { targetGroup: TargetGroup | null; targetGroupNote: string | null } {
  if (targetGroup !== 'overig') return { targetGroup, targetGroupNote: null };
  const text = note?.trim() ?? '';
  if (text === '')
    throw invalid({ name: 'targetGroupNote', reason: 'Beschrijf voor welke andere doelgroep de voorziening is.' });
  return { targetGroup, targetGroupNote: text };
}

/**
 * The instrument catalogue with its keuzehulp (search and filters, target-group reservations
 * shown), SRG types, life domains and teams. Reading is open to every logged-in role (none of
 * it is personal data); changing is for the functional administrator and is audit-logged.
 */
export const catalogueRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  instrumentRoutes(app, ctx);
  lifeDomainRoutes(app, ctx);
  teamRoutes(app, ctx);
};

/** The instrument catalogue (keuzehulp) and the SRG types. */
function instrumentRoutes(app: RouteApp, { db }: AppContext): void {
  const catalogue = catalogueRepository(db);
  const beheerder = requireRole('beheerder');

  app.get(
    '/instruments',
    {
      preHandler: requireLogin,
      schema: {
        tags: ['catalogus'],
        summary: 'Keuzehulp: voorzieningen zoeken op tekst, SRG-code, doelgroep en wat ze vragen',
        querystring: InstrumentQuery,
        response: { 200: InstrumentList, ...problems(400, 401) },
      },
    },
    async (request) => {
      const items = await catalogue.search(currentUser(request).municipalityId, request.query);
      return { items, total: items.length };
    },
  );

  app.get(
    '/instruments/:id',
    {
      preHandler: requireLogin,
      schema: {
        tags: ['catalogus'],
        summary: 'Eén voorziening',
        params: IdParams,
        response: { 200: Instrument, ...problems(401, 404) },
      },
    },
    async (request) => {
      const found = await catalogue.get(currentUser(request).municipalityId, request.params.id);
      if (!found) throw new ApiError('NOT_FOUND');
      return found;
    },
  );

  app.post(
    '/instruments',
    {
      preHandler: beheerder,
      schema: {
        tags: ['catalogus'],
        summary: 'Nieuwe voorziening in de catalogus',
        body: NewInstrumentBody,
        response: { 201: Created, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      requireText('name', b.name);
      const reservation = reservationOf(b.targetGroup ?? null, b.targetGroupNote);
      const row = await changeWithAudit(
        db,
        user,
        null,
        'create',
        'instrument',
        async (tx) => {
          const repo = catalogueRepository(tx);
          if (!(await repo.srgExists(b.srgCode)))
            throw invalid({ name: 'srgCode', reason: `Onbekende SRG-code ${b.srgCode}.` });
          if (await repo.codeTaken(user.municipalityId, b.code))
            throw new ApiError('CONFLICT_DUPLICATE', `Er is al een voorziening met code "${b.code}".`);
          return repo.create(user.municipalityId, {
            code: b.code,
            name: b.name.trim(),
            srgCode: b.srgCode,
            description: b.description ?? '',
            asks: b.asks ?? '',
            yields: b.yields ?? '',
            ...reservation,
          });
        },
        (r) => `voorziening ${r.id} (${b.code})`,
      );
      return reply.status(201).send(row);
    },
  );

  app.patch(
    '/instruments/:id',
    {
      preHandler: beheerder,
      schema: {
        tags: ['catalogus'],
        summary: 'Voorziening wijzigen of (de)activeren',
        params: IdParams,
        body: InstrumentPatchBody,
        response: { 200: Instrument, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const b = request.body;
      if (Object.keys(b).length === 0)
        throw invalid({ name: 'body', reason: 'Geef minstens één gegeven om te wijzigen.' });
      if (b.name !== undefined) requireText('name', b.name);
      const reservation = b.targetGroup !== undefined ? reservationOf(b.targetGroup, b.targetGroupNote) : {};
      if (b.targetGroup === undefined && b.targetGroupNote !== undefined) {
        throw invalid({ name: 'targetGroupNote', reason: 'Geef de doelgroep ("overig") mee met de omschrijving.' });
      }
      return changeWithAudit(
        db,
        user,
        null,
        'update',
        'instrument',
        async (tx) => {
          const repo = catalogueRepository(tx);
          if (b.srgCode !== undefined && !(await repo.srgExists(b.srgCode)))
            throw invalid({ name: 'srgCode', reason: `Onbekende SRG-code ${b.srgCode}.` });
          const changes = { ...b, ...(b.name !== undefined ? { name: b.name.trim() } : {}), ...reservation };
          if (!(await repo.update(user.municipalityId, request.params.id, changes))) throw new ApiError('NOT_FOUND');
          return (await repo.get(user.municipalityId, request.params.id))!;
        },
        () => `voorziening ${request.params.id}: ${Object.keys(b).join(', ')}`,
      );
    },
  );

  app.get(
    '/srg-types',
    {
      preHandler: requireLogin,
      schema: { tags: ['catalogus'], summary: 'SRG-typen van CBS', response: { 200: SrgTypeList, ...problems(401) } },
    },
    async () => ({ items: await catalogue.srgTypes() }),
  );
}

/** The life domains of the intake scan. */
function lifeDomainRoutes(app: RouteApp, { db }: AppContext): void {
  const organisation = organisationRepository(db);
  const beheerder = requireRole('beheerder');

  app.get(
    '/life-domains',
    {
      preHandler: requireLogin,
      schema: {
        tags: ['beheer'],
        summary: 'Leefgebieden van de intakescan',
        querystring: LifeDomainQuery,
        response: { 200: LifeDomainList, ...problems(401) },
      },
    },
    async (request) => ({
      items: await organisation.lifeDomains(
        currentUser(request).municipalityId,
        request.query.includeInactive ?? false,
      ),
    }),
  );

  app.post(
    '/life-domains',
    {
      preHandler: beheerder,
      schema: {
        tags: ['beheer'],
        summary: 'Nieuw leefgebied',
        body: NewLifeDomainBody,
        response: { 201: Created, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      requireText('name', b.name);
      const row = await changeWithAudit(
        db,
        user,
        null,
        'create',
        'life_domain',
        async (tx) => {
          const repo = organisationRepository(tx);
          if (await repo.lifeDomainCodeTaken(user.municipalityId, b.code))
            throw new ApiError('CONFLICT_DUPLICATE', `Er is al een leefgebied met code "${b.code}".`);
          return repo.createLifeDomain(user.municipalityId, {
            code: b.code,
            name: b.name.trim(),
            sortOrder: b.sortOrder ?? null,
          });
        },
        (r) => `leefgebied ${r.id} (${b.code})`,
      );
      return reply.status(201).send(row);
    },
  );

  app.patch(
    '/life-domains/:id',
    {
      preHandler: beheerder,
      schema: {
        tags: ['beheer'],
        summary: 'Leefgebied wijzigen of (de)activeren',
        params: IdParams,
        body: LifeDomainPatchBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      if (Object.keys(b).length === 0)
        throw invalid({ name: 'body', reason: 'Geef minstens één gegeven om te wijzigen.' });
      if (b.name !== undefined) requireText('name', b.name);
      await changeWithAudit(
        db,
        user,
        null,
        'update',
        'life_domain',
        async (tx) => {
          const ok = await organisationRepository(tx).updateLifeDomain(user.municipalityId, request.params.id, {
            ...b,
            name: b.name?.trim(),
          });
          if (!ok) throw new ApiError('NOT_FOUND');
        },
        () => `leefgebied ${request.params.id}: ${Object.keys(b).join(', ')}`,
      );
      return reply.status(204).send();
    },
  );
}

/** The teams. */
function teamRoutes(app: RouteApp, { db }: AppContext): void {
  const organisation = organisationRepository(db);
  const beheerder = requireRole('beheerder');

  app.get(
    '/teams',
    {
      preHandler: beheerder,
      schema: {
        tags: ['beheer'],
        summary: 'Teams met aantallen gebruikers en klanten',
        response: { 200: TeamList, ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await organisation.teams(currentUser(request).municipalityId) }),
  );

  app.post(
    '/teams',
    {
      preHandler: beheerder,
      schema: {
        tags: ['beheer'],
        summary: 'Nieuw team',
        body: NewTeamBody,
        response: { 201: Created, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const name = request.body.name.trim();
      requireText('name', name);
      const row = await changeWithAudit(
        db,
        user,
        null,
        'create',
        'team',
        async (tx) => {
          const repo = organisationRepository(tx);
          if (await repo.teamNameTaken(user.municipalityId, name))
            throw new ApiError('CONFLICT_DUPLICATE', `Er is al een team "${name}".`);
          return repo.createTeam(user.municipalityId, name);
        },
        (r) => `team ${r.id}`,
      );
      return reply.status(201).send(row);
    },
  );
}
