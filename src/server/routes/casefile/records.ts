import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RouteApp } from '../route-app.js';
import type { AppContext } from '../../context.js';
import { recordsRepository } from '../../../store/casefile/records.js';
import { addDays } from '../../../domain/casefile-rules.js';
import { ApiError, invalid } from '../../errors.js';
import { currentUser } from '../../auth.js';
import { requireClientAccess } from '../../client-access.js';
import { IdParams, NoContent, problems } from '../../schemas/common.js';
import { Created } from '../../schemas/clients.js';
import {
  AllocationPatchBody,
  ClientAllocationParams,
  ClientOnHoldParams,
  NewBestandBody,
  NewConversationBody,
  NewDiagnosisBody,
  NewDiscriminationBody,
  NewFeedbackBody,
  NewIntakeBody,
  NewIntermediateStepBody,
  NewLadderStepBody,
  NewOnHoldBody,
  OnHoldEndBody,
  OutflowBody,
} from '../../schemas/casefile.js';
import { REASONS, changeWithAudit, notBefore, requireText } from './shared.js';

/**
 * Recording the daily work in a client's case file: intake, diagnosis, bestand, conversations,
 * on hold, progress, discrimination, outflow, feedback and the course of an instrument.
 * Each change is checked, then written in one transaction with its audit row.
 */
export const recordRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  intakeAndDiagnosisRoutes(app, ctx);
  contactRoutes(app, ctx);
  progressRoutes(app, ctx);
  outcomeRoutes(app, ctx);
};

/** Intake, diagnosis and the bestand that follows from it. */
function intakeAndDiagnosisRoutes(app: RouteApp, { db }: AppContext): void {
  const clientAccess = requireClientAccess(db);

  app.post(
    '/clients/:id/intakes',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Intake met scores op de leefgebieden',
        params: IdParams,
        body: NewIntakeBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      const clientId = request.params.id;
      const seen = new Set<number>();
      b.scores.forEach((s, i) => {
        if (seen.has(s.lifeDomainId))
          throw invalid({ name: `scores.${i}.lifeDomainId`, reason: 'Dit leefgebied staat al eerder in de lijst.' });
        seen.add(s.lifeDomainId);
      });
      const row = await changeWithAudit(db, user, clientId, 'create', 'intake', async (tx) => {
        const repo = recordsRepository(tx);
        const known = await repo.activeLifeDomainIds(user.municipalityId, [...seen]);
        b.scores.forEach((s, i) => {
          if (!known.has(s.lifeDomainId))
            throw invalid({ name: `scores.${i}.lifeDomainId`, reason: `Onbekend leefgebied ${s.lifeDomainId}.` });
        });
        return repo.addIntake(clientId, {
          heldOn: b.heldOn,
          consultantId: user.id,
          history: b.history ?? null,
          situation: b.situation ?? null,
          wishes: b.wishes ?? null,
          workExperienceNote: b.workExperienceNote ?? null,
          diplomas: b.diplomas ?? null,
          foreignDiplomaValued: b.foreignDiplomaValued ?? null,
          network: b.network ?? null,
          scores: b.scores.map((s) => ({ lifeDomainId: s.lifeDomainId, score: s.score, note: s.note ?? null })),
        });
      });
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/clients/:id/diagnoses',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Diagnoseadvies (kort of lang) met redenen',
        params: IdParams,
        body: NewDiagnosisBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      requireText('reasons', b.reasons);
      const row = await changeWithAudit(db, user, request.params.id, 'create', 'diagnosis', (tx) =>
        recordsRepository(tx).addDiagnosis(request.params.id, {
          givenOn: b.givenOn,
          distance: b.distance,
          reasons: b.reasons.trim(),
          givenBy: user.id,
        }),
      );
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/clients/:id/bestand',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Naar een ander bestand: sluit het lopende, opent een nieuw',
        params: IdParams,
        body: NewBestandBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { bestand, startDate } = request.body;
      const clientId = request.params.id;
      const row = await changeWithAudit(
        db,
        user,
        clientId,
        'create',
        'bestand_period',
        async (tx) => {
          const repo = recordsRepository(tx);
          const open = await repo.openBestandPeriod(clientId);
          if (open && open.bestand === bestand)
            throw invalid({ name: 'bestand', reason: `De klant zit al in dit bestand (sinds ${open.startDate}).` });
          const latest = await repo.latestBestandStart(clientId);
          if (latest && startDate <= latest) {
            throw invalid({
              name: 'startDate',
              reason: `De begindatum moet na ${latest} liggen, de begindatum van het vorige bestand.`,
            });
          }
          await repo.closeOpenBestandPeriods(clientId, addDays(startDate, -1));
          return repo.addBestandPeriod(clientId, bestand, startDate);
        },
        (r) => `bestand ${bestand}, periode ${r.id}`,
      );
      return reply.status(201).send(row);
    },
  );
}

/** Conversations and on-hold periods. */
function contactRoutes(app: RouteApp, { db }: AppContext): void {
  const clientAccess = requireClientAccess(db);

  app.post(
    '/clients/:id/conversations',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Gesprek (contactmoment) vastleggen',
        params: IdParams,
        body: NewConversationBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      notBefore(
        'nextAppointment',
        b.nextAppointment,
        b.heldOn,
        'De vervolgafspraak ligt vóór de datum van het gesprek.',
      );
      const row = await changeWithAudit(db, user, request.params.id, 'create', 'conversation', (tx) =>
        recordsRepository(tx).addConversation(request.params.id, {
          heldOn: b.heldOn,
          kind: b.kind,
          location: b.location ?? null,
          summary: b.summary ?? '',
          nextAppointment: b.nextAppointment ?? null,
          consultantId: user.id,
        }),
      );
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/clients/:id/on-hold',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Begeleiding on hold zetten, met reden',
        params: IdParams,
        body: NewOnHoldBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      requireText('reason', b.reason);
      const row = await changeWithAudit(db, user, request.params.id, 'create', 'on_hold_period', async (tx) => {
        const repo = recordsRepository(tx);
        const open = await repo.openOnHoldPeriod(request.params.id);
        if (open)
          throw invalid({
            name: 'startDate',
            reason: `De begeleiding staat al on hold sinds ${open.startDate}. Beëindig die periode eerst.`,
          });
        return repo.addOnHold(request.params.id, b.startDate, b.reason.trim());
      });
      return reply.status(201).send(row);
    },
  );

  app.patch(
    '/clients/:id/on-hold/:periodId',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'On hold beëindigen',
        params: ClientOnHoldParams,
        body: OnHoldEndBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id: clientId, periodId } = request.params;
      await changeWithAudit(
        db,
        user,
        clientId,
        'update',
        'on_hold_period',
        async (tx) => {
          const repo = recordsRepository(tx);
          const period = await repo.findOnHold(clientId, periodId);
          if (!period) throw new ApiError('NOT_FOUND', 'Deze on-hold-periode hoort niet bij deze klant.');
          if (period.endDate !== null)
            throw invalid({ name: 'endDate', reason: `Deze periode is al beëindigd op ${period.endDate}.` });
          notBefore('endDate', request.body.endDate, period.startDate, REASONS.endBeforeStart);
          await repo.endOnHold(periodId, request.body.endDate);
        },
        () => `periode ${periodId}`,
      );
      return reply.status(204).send();
    },
  );
}

/** Progress: ladder steps, intermediate steps and discrimination talks. */
function progressRoutes(app: RouteApp, { db }: AppContext): void {
  const clientAccess = requireClientAccess(db);

  app.post(
    '/clients/:id/ladder-steps',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Trede op de participatieladder (1–6)',
        params: IdParams,
        body: NewLadderStepBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      const row = await changeWithAudit(db, user, request.params.id, 'create', 'ladder_step', (tx) =>
        recordsRepository(tx).addLadderStep(request.params.id, {
          step: b.step,
          recordedOn: b.recordedOn,
          note: b.note ?? null,
        }),
      );
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/clients/:id/intermediate-steps',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Tussenstap vastleggen',
        params: IdParams,
        body: NewIntermediateStepBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      requireText('description', b.description);
      const row = await changeWithAudit(db, user, request.params.id, 'create', 'intermediate_step', (tx) =>
        recordsRepository(tx).addIntermediateStep(request.params.id, {
          achievedOn: b.achievedOn,
          kind: b.kind,
          description: b.description.trim(),
        }),
      );
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/clients/:id/discrimination-discussions',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Gesprek over discriminatie: ervaren (ja/nee), gronden, wat is gedaan',
        params: IdParams,
        body: NewDiscriminationBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      const grounds = b.grounds ?? [];
      if (!b.experienced && grounds.length > 0) {
        throw invalid({
          name: 'grounds',
          reason: 'Gronden horen alleen bij ervaren discriminatie; laat dit leeg of kies bij "ervaren" ja.',
        });
      }
      const row = await changeWithAudit(db, user, request.params.id, 'create', 'discrimination_discussion', (tx) =>
        recordsRepository(tx).addDiscriminationDiscussion(request.params.id, {
          discussedOn: b.discussedOn,
          experienced: b.experienced,
          grounds,
          actionTaken: b.actionTaken ?? '',
          consultantId: user.id,
        }),
      );
      return reply.status(201).send(row);
    },
  );
}

/** Outflow, the client's feedback and the course of an instrument. */
function outcomeRoutes(app: RouteApp, { db }: AppContext): void {
  const clientAccess = requireClientAccess(db);

  app.post(
    '/clients/:id/outflow',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Einde uitkering (uitstroom): sluit de lopende uitkeringsperiode',
        params: IdParams,
        body: OutflowBody,
        response: { 201: Created, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { endDate, reason } = request.body;
      const row = await changeWithAudit(
        db,
        user,
        request.params.id,
        'update',
        'benefit_period',
        async (tx) => {
          const repo = recordsRepository(tx);
          const open = await repo.openBenefitPeriod(request.params.id);
          if (!open) throw new ApiError('NO_OPEN_BENEFIT');
          notBefore(
            'endDate',
            endDate,
            open.startDate,
            `De einddatum ligt vóór de begindatum van de uitkering (${open.startDate}).`,
          );
          await repo.endBenefitPeriod(open.id, endDate, reason);
          return { id: open.id };
        },
        () => `uitstroom, reden ${reason}`,
      );
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/clients/:id/feedback',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Feedback van de klant op een gesprek (1–5)',
        params: IdParams,
        body: NewFeedbackBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      const row = await changeWithAudit(db, user, request.params.id, 'create', 'client_feedback', async (tx) => {
        const repo = recordsRepository(tx);
        const heldOn = await repo.conversationDate(request.params.id, b.conversationId);
        if (heldOn === null)
          throw invalid({ name: 'conversationId', reason: `Onbekend gesprek ${b.conversationId} bij deze klant.` });
        notBefore('givenOn', b.givenOn, heldOn, `De feedback ligt vóór het gesprek (${heldOn}).`);
        return repo.addFeedback(request.params.id, {
          conversationId: b.conversationId,
          givenOn: b.givenOn,
          score: b.score,
          comment: b.comment ?? null,
        });
      });
      return reply.status(201).send(row);
    },
  );

  app.patch(
    '/clients/:id/instrument-allocations/:allocationId',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Voorziening: start, einde, uitkomst en tevredenheid (1–5) vastleggen',
        params: ClientAllocationParams,
        body: AllocationPatchBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id: clientId, allocationId } = request.params;
      const b = request.body;
      if (Object.keys(b).length === 0)
        throw invalid({ name: 'body', reason: 'Geef minstens één gegeven om te wijzigen.' });
      await changeWithAudit(
        db,
        user,
        clientId,
        'update',
        'instrument_allocation',
        async (tx) => {
          const repo = recordsRepository(tx);
          const current = await repo.findAllocation(clientId, allocationId);
          if (!current) throw new ApiError('NOT_FOUND', 'Deze voorziening hoort niet bij deze klant.');
          const next = {
            ...current,
            ...(b.startedOn !== undefined ? { startedOn: b.startedOn } : {}),
            ...(b.endedOn !== undefined ? { endedOn: b.endedOn } : {}),
            ...(b.outcome !== undefined ? { outcome: b.outcome } : {}),
            ...(b.satisfaction !== undefined ? { satisfaction: b.satisfaction } : {}),
          };
          notBefore(
            'startedOn',
            next.startedOn,
            next.requestedOn,
            `De start ligt vóór de aanvraag (${next.requestedOn}).`,
          );
          if (next.endedOn !== null && next.startedOn === null)
            throw invalid({
              name: 'endedOn',
              reason: 'Een voorziening die niet is gestart, kan niet eindigen. Vul eerst de startdatum in.',
            });
          notBefore('endedOn', next.endedOn, next.startedOn, REASONS.endBeforeStart);
          if (next.outcome === 'niet_gestart' && next.startedOn !== null)
            throw invalid({ name: 'outcome', reason: 'De uitkomst "niet gestart" past niet bij een startdatum.' });
          if ((next.outcome === 'afgerond' || next.outcome === 'voortijdig_gestopt') && next.endedOn === null) {
            throw invalid({
              name: 'outcome',
              reason: 'Deze uitkomst hoort bij een voorziening die is geëindigd. Vul ook de einddatum in.',
            });
          }
          await repo.updateAllocation(next);
        },
        () => `voorziening ${allocationId}: ${Object.keys(b).join(', ')}`,
      );
      return reply.status(204).send();
    },
  );
}
