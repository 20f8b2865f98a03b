import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { FEATURE_ROLES } from '../../../domain/roles.js';
import { matchOne } from '../../../domain/matching.js';
import { isOverdue } from '../../../domain/placement.js';
import { vacanciesRepository } from '../../../store/employers/vacancies.js';
import { proposalsRepository } from '../../../store/employers/proposals.js';
import { currentUser, requireRole } from '../../auth.js';
import { ApiError, invalid } from '../../errors.js';
import { todayIso } from '../../formats.js';
import { NoContent, problems } from '../../schemas/common.js';
import { IdParams } from '../../schemas/common.js';
import { Created } from '../../schemas/clients.js';
import {
  FollowUpBody,
  NewProposalBody,
  OverdueList,
  ProposalFollowUpParams,
  ProposalList,
  ProposalPatchBody,
} from '../../schemas/werkgevers.js';
import { changeWithAudit, notBefore, requireText } from '../casefile/shared.js';
import { auditReads, proposalOut, requireOwnClient } from './shared.js';

const TAG = ['werkgevers'];

/** Proposals through the employer's decision moments, and the follow-up after a placement. */
export const proposalRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const workers = requireRole(...FEATURE_ROLES.employers);

  app.get(
    '/voorstellen',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Voorstellen van eigen klanten (of het team)',
        response: { 200: ProposalList, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const items = await proposalsRepository(db).forUser(user);
      await auditReads(
        db,
        user,
        items.map((p) => p.clientId),
        'proposal',
      );
      const today = todayIso();
      return { items: items.map((p) => proposalOut(p, today)) };
    },
  );

  app.post(
    '/voorstellen',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Klant voorstellen voor een vacature, met de reden van de klantmanager',
        body: NewProposalBody,
        response: { 201: Created, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      requireText('decisionReason', b.decisionReason);
      const v = await vacanciesRepository(db).find(user.municipalityId, b.vacancyId);
      if (!v) throw invalid({ name: 'vacancyId', reason: `Onbekende vacature ${b.vacancyId}.` });
      await requireOwnClient(db, user, b.clientId, 'POST /voorstellen');
      if (v.closedOn !== null)
        throw invalid({ name: 'vacancyId', reason: `Deze vacature is gesloten op ${v.closedOn}.` });
      if (b.proposedOn < v.openedOn)
        throw invalid({ name: 'proposedOn', reason: `De datum ligt vóór de opening van de vacature (${v.openedOn}).` });
      const row = await changeWithAudit(
        db,
        user,
        b.clientId,
        'create',
        'proposal',
        async (tx) => {
          const repo = proposalsRepository(tx);
          const [profile] = await repo.matchProfiles([b.clientId]);
          const summary = profile
            ? matchOne(
                { competences: v.competences, sector: v.sector, hoursPerWeek: v.hoursPerWeek, place: v.place },
                profile,
              ).explanation.join(' ')
            : 'Geen werkprofiel: voorgesteld op grond van de reden van de klantmanager.';
          const added = await repo.add({
            vacancyId: v.id,
            clientId: b.clientId,
            proposedOn: b.proposedOn,
            proposedBy: user.id,
            decisionReason: b.decisionReason.trim(),
            matchSummary: summary,
          });
          if (!added) throw new ApiError('CONFLICT_DUPLICATE', 'Deze klant is al voorgesteld voor deze vacature.');
          return added;
        },
        (r) => `voorstel ${r.id} voor vacature ${v.id}`,
      );
      return reply.status(201).send(row);
    },
  );

  app.patch(
    '/voorstellen/:id',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Volgende beslismoment: uitgenodigd, aangenomen (plant de nazorg), of gestopt met reden',
        params: IdParams,
        body: ProposalPatchBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      if (Object.keys(b).length === 0)
        throw invalid({ name: 'body', reason: 'Geef minstens één gegeven om te wijzigen.' });
      const p = await proposalsRepository(db).find(user.municipalityId, request.params.id);
      if (!p) throw new ApiError('NOT_FOUND', 'Dit voorstel bestaat niet.');
      await requireOwnClient(db, user, p.clientId, 'PATCH /voorstellen/:id');
      if (p.stoppedOn !== null) throw invalid({ name: 'body', reason: `Dit voorstel is gestopt op ${p.stoppedOn}.` });
      if (b.invitedOn !== undefined && p.invitedOn !== null)
        throw invalid({ name: 'invitedOn', reason: `De klant is al uitgenodigd op ${p.invitedOn}.` });
      if (b.hiredOn !== undefined && p.hiredOn !== null)
        throw invalid({ name: 'hiredOn', reason: `De klant is al aangenomen op ${p.hiredOn}.` });
      const invitedOn = b.invitedOn ?? p.invitedOn;
      notBefore('invitedOn', b.invitedOn, p.proposedOn, `De uitnodiging ligt vóór het voorstel (${p.proposedOn}).`);
      if (b.hiredOn !== undefined && invitedOn === null)
        throw invalid({ name: 'hiredOn', reason: 'Leg eerst de uitnodiging voor een gesprek vast.' });
      notBefore('hiredOn', b.hiredOn, invitedOn, `De startdatum ligt vóór de uitnodiging (${invitedOn}).`);
      if ((b.stoppedOn === undefined) !== (b.stoppedReason === undefined))
        throw invalid({ name: 'stoppedReason', reason: 'Een einde heeft een datum en een reden.' });
      const hiredOn = b.hiredOn ?? p.hiredOn;
      const last = hiredOn ?? invitedOn ?? p.proposedOn;
      notBefore('stoppedOn', b.stoppedOn, last, `De datum ligt vóór het laatste beslismoment (${last}).`);
      if (b.stoppedReason !== undefined) requireText('stoppedReason', b.stoppedReason);
      await changeWithAudit(
        db,
        user,
        p.clientId,
        'update',
        'proposal',
        async (tx) => {
          const repo = proposalsRepository(tx);
          if (b.invitedOn) await repo.invite(p.id, b.invitedOn);
          if (b.hiredOn) await repo.hire(p.id, b.hiredOn);
          if (b.stoppedOn && b.stoppedReason) {
            if (hiredOn) await repo.endPlacement(p.id, b.stoppedOn, b.stoppedReason.trim());
            else await repo.stop(p.id, b.stoppedOn, invitedOn ? 'uitgenodigd' : 'voorgesteld', b.stoppedReason.trim());
          }
        },
        () => `voorstel ${p.id}: ${Object.keys(b).join(', ')}`,
      );
      return reply.status(204).send();
    },
  );
};

/** Follow-up contacts after a placement, and those overdue. */
export const followUpRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const workers = requireRole(...FEATURE_ROLES.employers);

  app.patch(
    '/voorstellen/:id/nazorg/:followUpId',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Nazorgcontact na plaatsing vastleggen: werkt de klant er nog?',
        params: ProposalFollowUpParams,
        body: FollowUpBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      const p = await proposalsRepository(db).find(user.municipalityId, request.params.id);
      if (!p) throw new ApiError('NOT_FOUND', 'Dit voorstel bestaat niet.');
      await requireOwnClient(db, user, p.clientId, 'PATCH /voorstellen/:id/nazorg/:followUpId');
      const f = p.followUps.find((x) => x.id === request.params.followUpId);
      if (!f) throw new ApiError('NOT_FOUND', 'Dit nazorgcontact hoort niet bij dit voorstel.');
      if (p.stoppedOn !== null)
        throw invalid({ name: 'body', reason: `Deze plaatsing is beëindigd op ${p.stoppedOn}.` });
      if (f.heldOn !== null) throw invalid({ name: 'heldOn', reason: `Dit contact is al vastgelegd op ${f.heldOn}.` });
      notBefore('heldOn', b.heldOn, p.hiredOn, `De datum ligt vóór de start van het werk (${p.hiredOn}).`);
      if (b.heldOn > todayIso())
        throw invalid({ name: 'heldOn', reason: 'Een contact dat nog moet komen, kunt u niet vastleggen.' });
      const ending = endingOf(b, p.hiredOn!);
      await changeWithAudit(
        db,
        user,
        p.clientId,
        'update',
        'placement_follow_up',
        async (tx) => {
          const repo = proposalsRepository(tx);
          await repo.recordFollowUp(f.id, {
            heldOn: b.heldOn,
            stillWorking: b.stillWorking,
            note: b.note?.trim() || null,
          });
          if (ending) await repo.endPlacement(p.id, ending.on, ending.reason);
        },
        () => `voorstel ${p.id}, nazorg na ${f.months} maand(en)${ending ? ', plaatsing beëindigd' : ''}`,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/nazorg',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Nazorgcontacten die te laat zijn (eigen klanten of het team)',
        response: { 200: OverdueList, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const today = todayIso();
      const items = (await proposalsRepository(db).forUser(user)).flatMap((p) =>
        p.stoppedOn !== null
          ? []
          : p.followUps
              .filter((f) => isOverdue(f, today))
              .map((f) => ({
                proposalId: p.id,
                followUpId: f.id,
                clientId: p.clientId,
                clientName: p.clientName,
                employerName: p.employerName,
                months: f.months,
                dueOn: f.dueOn,
              })),
      );
      items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.followUpId - b.followUpId);
      await auditReads(
        db,
        user,
        items.map((i) => i.clientId),
        'placement_follow_up',
      );
      return { items };
    },
  );
};

/**
 * The end of the placement a follow-up records: none while the client still works there; else
 * the last day (standard: the day of the contact, never before the start or after the contact)
 * and the reason, which is required.
 */
function endingOf(
  b: { heldOn: string; stillWorking: boolean; endedOn?: string; endReason?: string },
  hiredOn: string,
): { on: string; reason: string } | null {
  if (b.stillWorking) {
    if (b.endedOn !== undefined || b.endReason !== undefined)
      throw invalid({ name: b.endedOn !== undefined ? 'endedOn' : 'endReason', reason: REASON_ONLY_WHEN_ENDED });
    return null;
  }
  const on = b.endedOn ?? b.heldOn;
  notBefore('endedOn', on, hiredOn, `De laatste werkdag ligt vóór de start van het werk (${hiredOn}).`);
  if (on > b.heldOn) throw invalid({ name: 'endedOn', reason: 'De laatste werkdag ligt na het contact.' });
  requireText('endReason', b.endReason ?? '');
  return { on, reason: b.endReason!.trim() };
}

const REASON_ONLY_WHEN_ENDED = 'Vul dit alleen in als de klant er niet meer werkt.';
