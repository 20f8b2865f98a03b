import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import type { Queryable } from '../../../store/db.js';
import { FEATURE_ROLES } from '../../../domain/roles.js';
import { matchClients } from '../../../domain/matching.js';
import { employersRepository } from '../../../store/employers/employers.js';
import { vacanciesRepository, type Vacancy } from '../../../store/employers/vacancies.js';
import { proposalsRepository } from '../../../store/employers/proposals.js';
import { currentUser, requireRole } from '../../auth.js';
import { ApiError, invalid } from '../../errors.js';
import { todayIso } from '../../formats.js';
import { IdParams, NoContent, problems } from '../../schemas/common.js';
import { Created } from '../../schemas/clients.js';
import {
  NewRequirementBody,
  NewVacancyBody,
  RequirementAnswerBody,
  SuggestionList,
  VacancyDetail,
  VacancyList,
  VacancyQuery,
  VacancyRequirementParams,
} from '../../schemas/werkgevers.js';
import { requireText } from '../casefile/shared.js';
import { auditReads, inScope, proposalOut } from './shared.js';

const TAG = ['werkgevers'];

const vacancyOut = (v: Vacancy) => ({
  ...v,
  requirements: v.requirements.map((r) => ({ ...r, toRaise: r.assessment === 'niet_nodig' && r.outcome === null })),
});

const normaliseWords = (words: readonly string[]): string[] => [
  ...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0)),
];

async function vacancyOrNotFound(db: Queryable, municipalityId: number, id: number): Promise<Vacancy> {
  const v = await vacanciesRepository(db).find(municipalityId, id);
  if (!v) throw new ApiError('NOT_FOUND', 'Deze vacature bestaat niet.');
  return v;
}

/** Vacancies, their judged requirements, and matching suggestions. */
export const vacancyRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const workers = requireRole(...FEATURE_ROLES.employers);

  const findVacancy = (municipalityId: number, id: number) => vacancyOrNotFound(db, municipalityId, id);

  app.get(
    '/vacatures',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Vacatures (open eerst)',
        querystring: VacancyQuery,
        response: { 200: VacancyList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const items = await vacanciesRepository(db).list(user.municipalityId, request.query.werkgever ?? null);
      return { items: items.map(vacancyOut) };
    },
  );

  app.post(
    '/vacatures',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Vacature toevoegen, met vooraf bepaalde competenties',
        body: NewVacancyBody,
        response: { 201: Created, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      requireText('title', b.title);
      requireText('place', b.place);
      if (!(await employersRepository(db).exists(user.municipalityId, b.employerId)))
        throw invalid({ name: 'employerId', reason: `Onbekende werkgever ${b.employerId}.` });
      const row = await vacanciesRepository(db).add({
        employerId: b.employerId,
        title: b.title.trim(),
        place: b.place.trim(),
        hoursPerWeek: b.hoursPerWeek,
        competences: normaliseWords(b.competences),
        description: b.description?.trim() ?? '',
        openedOn: b.openedOn,
      });
      return reply.status(201).send(row);
    },
  );

  app.get(
    '/vacatures/:id',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Vacature met eisen en de voorstellen van eigen klanten',
        params: IdParams,
        response: { 200: VacancyDetail, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const v = await findVacancy(user.municipalityId, request.params.id);
      const own = (await proposalsRepository(db).forVacancy(user.municipalityId, v.id)).filter((p) => inScope(user, p));
      await auditReads(
        db,
        user,
        own.map((p) => p.clientId),
        'proposal',
      );
      const today = todayIso();
      return { ...vacancyOut(v), proposals: own.map((p) => proposalOut(p, today)) };
    },
  );

  app.post(
    '/vacatures/:id/eisen',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Eis toevoegen: arbeidsmarktrelevant (met reden) of niet nodig voor het werk',
        params: IdParams,
        body: NewRequirementBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      requireText('description', b.description);
      const reason = b.reason?.trim() || null;
      if (b.assessment === 'arbeidsmarktrelevant' && reason === null)
        throw invalid({ name: 'reason', reason: 'Geef de reden waarom deze eis nodig is voor het werk.' });
      const v = await findVacancy(user.municipalityId, request.params.id);
      const row = await vacanciesRepository(db).addRequirement(v.id, {
        kind: b.kind,
        description: b.description.trim(),
        assessment: b.assessment,
        reason,
      });
      return reply.status(201).send(row);
    },
  );

  app.patch(
    '/vacatures/:id/eisen/:requirementId',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Antwoord van de werkgever op een eis die niet nodig is',
        params: VacancyRequirementParams,
        body: RequirementAnswerBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      requireText('employerAnswer', b.employerAnswer);
      const v = await findVacancy(user.municipalityId, request.params.id);
      const repo = vacanciesRepository(db);
      const req = await repo.findRequirement(v.id, request.params.requirementId);
      if (!req) throw new ApiError('NOT_FOUND', 'Deze eis hoort niet bij deze vacature.');
      if (req.assessment !== 'niet_nodig')
        throw invalid({
          name: 'outcome',
          reason: 'Alleen een eis die niet nodig is, wordt met de werkgever besproken.',
        });
      if (b.raisedOn < v.openedOn)
        throw invalid({ name: 'raisedOn', reason: `De datum ligt vóór de opening van de vacature (${v.openedOn}).` });
      await repo.recordAnswer(req.id, {
        raisedOn: b.raisedOn,
        employerAnswer: b.employerAnswer.trim(),
        outcome: b.outcome,
      });
      return reply.status(204).send();
    },
  );
};

/** Matching suggestions for a vacancy, each explaining itself. */
export const suggestionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const workers = requireRole(...FEATURE_ROLES.employers);
  const findVacancy = (municipalityId: number, id: number) => vacancyOrNotFound(db, municipalityId, id);

  app.get(
    '/vacatures/:id/suggesties',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Klanten die passen, op competenties, ervaring, uren, reisafstand en eigen wensen; elk met uitleg',
        params: IdParams,
        response: { 200: SuggestionList, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const v = await findVacancy(user.municipalityId, request.params.id);
      const proposals = proposalsRepository(db);
      const ids = await proposals.candidateIds(user);
      const profiles = await proposals.matchProfiles(ids);
      const suggestions = matchClients(
        { competences: v.competences, sector: v.sector, hoursPerWeek: v.hoursPerWeek, place: v.place },
        profiles,
      );
      const names = await proposals.names(suggestions.map((s) => s.clientId));
      const already = new Set((await proposals.forVacancy(user.municipalityId, v.id)).map((p) => p.clientId));
      await auditReads(
        db,
        user,
        suggestions.map((s) => s.clientId),
        'match_suggestion',
      );
      return {
        vacancyId: v.id,
        considered: profiles.length,
        items: suggestions.map((s) => ({
          ...s,
          clientName: names.get(s.clientId) ?? '',
          alreadyProposed: already.has(s.clientId),
        })),
      };
    },
  );
};
