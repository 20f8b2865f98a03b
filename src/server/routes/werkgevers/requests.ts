import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { FEATURE_ROLES } from '../../../domain/roles.js';
import { reportRequests } from '../../../domain/discriminatory-requests.js';
import { addDays } from '../../../domain/dates.js';
import { employersRepository } from '../../../store/employers/employers.js';
import { vacanciesRepository } from '../../../store/employers/vacancies.js';
import { requestsRepository } from '../../../store/employers/requests.js';
import { writeAudit } from '../../../store/audit.js';
import { currentUser, requireRole } from '../../auth.js';
import { ApiError, invalid } from '../../errors.js';
import { todayIso } from '../../formats.js';
import { IdParams, NoContent, problems } from '../../schemas/common.js';
import { Created } from '../../schemas/clients.js';
import { NewRequestBody, PeriodQuery, RequestDecisionBody, RequestReport } from '../../schemas/werkgevers.js';
import { requireText } from '../casefile/shared.js';

const TAG = ['werkgevers'];

/** Discriminatory requests: logged with the action under the protocol; reports per employer and over time. */
export const requestRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.post(
    '/discriminatieverzoeken',
    {
      preHandler: requireRole(...FEATURE_ROLES.employers),
      schema: {
        tags: TAG,
        summary: 'Discriminerend verzoek van een werkgever vastleggen, met wat er volgens het protocol is gedaan',
        body: NewRequestBody,
        response: { 201: Created, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      requireText('wording', b.wording);
      if (b.receivedOn > todayIso()) throw invalid({ name: 'receivedOn', reason: 'De datum ligt in de toekomst.' });
      if (!(await employersRepository(db).exists(user.municipalityId, b.employerId)))
        throw invalid({ name: 'employerId', reason: `Onbekende werkgever ${b.employerId}.` });
      if (b.vacancyId) {
        const v = await vacanciesRepository(db).find(user.municipalityId, b.vacancyId);
        if (!v || v.employerId !== b.employerId)
          throw invalid({ name: 'vacancyId', reason: 'Deze vacature hoort niet bij deze werkgever.' });
      }
      const row = await db.transaction(async (tx) => {
        const added = await requestsRepository(tx).add({
          ...b,
          vacancyId: b.vacancyId ?? null,
          wording: b.wording.trim(),
          recordedBy: user.id,
        });
        await writeAudit(tx, [
          {
            userId: user.id,
            clientId: null,
            action: 'create',
            resource: 'discriminatory_request',
            detail: `werkgever ${b.employerId}`,
          },
        ]);
        return added;
      });
      return reply.status(201).send(row);
    },
  );

  app.patch(
    '/discriminatieverzoeken/:id',
    {
      preHandler: requireRole(...FEATURE_ROLES.employerProtocol),
      schema: {
        tags: TAG,
        summary: 'Besluit volgens het protocol: mag een rapportage deze werkgever noemen?',
        params: IdParams,
        body: RequestDecisionBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      await db.transaction(async (tx) => {
        const ok = await requestsRepository(tx).decide(
          user.municipalityId,
          request.params.id,
          request.body.namingDecision,
          user.id,
        );
        if (!ok) throw new ApiError('NOT_FOUND', 'Dit verzoek bestaat niet.');
        await writeAudit(tx, [
          {
            userId: user.id,
            clientId: null,
            action: 'update',
            resource: 'discriminatory_request',
            detail: `verzoek ${request.params.id}: ${request.body.namingDecision}`,
          },
        ]);
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/discriminatieverzoeken/rapportage',
    {
      preHandler: requireRole(...FEATURE_ROLES.employerMirror),
      schema: {
        tags: TAG,
        summary: 'Rapportage per werkgever en per kwartaal; namen alleen na het besluit volgens het protocol',
        querystring: PeriodQuery,
        response: { 200: RequestReport, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const to = request.query.tot ?? todayIso();
      const from = request.query.van ?? addDays(to, -730);
      if (from > to) throw invalid({ name: 'van', reason: 'De eerste dag ligt na de laatste dag.' });
      const facts = await requestsRepository(db).inPeriod(user.municipalityId, from, to);
      const employers = await employersRepository(db).list(user.municipalityId);
      return { from, to, ...reportRequests(facts, employers) };
    },
  );
};
