import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { FEATURE_ROLES } from '../../../domain/roles.js';
import { anonymisedReasons, assignedVersion, compareVersions, tally } from '../../../domain/learning.js';
import { recordKeyForExtract } from '../../../domain/pseudonym.js';
import { protectionRules } from '../../../mirror/disclosure.js';
import { casesRepository, type CaseRow } from '../../../store/learning/cases.js';
import type { SessionUser } from '../../../store/users.js';
import { ApiError, invalid } from '../../errors.js';
import { currentUser, requireRole } from '../../auth.js';
import { IdParams, problems } from '../../schemas/common.js';
import { Created } from '../../schemas/clients.js';
import {
  CaseDetail,
  CaseList,
  DiscussionBody,
  MeetingView,
  NewCaseBody,
  NewVariantBody,
  VoteBody,
} from '../../schemas/learning.js';

type Cases = ReturnType<typeof casesRepository>;

/** The version of a set of cases this person sees; team leaders see what they ask for. */
async function visibleCase(cases: Cases, user: SessionUser, id: number): Promise<CaseRow> {
  const versions = await cases.versions(user.municipalityId, id);
  if (versions.length === 0) throw new ApiError('NOT_FOUND');
  if (user.role === 'teamleider') return versions.find((v) => v.id === id)!;
  const seen = assignedVersion(
    user.id,
    versions.map((v) => v.id),
  );
  // a consultant who asks for another version than the own one gets the own one
  return versions.find((v) => v.id === seen)!;
}

const DEFAULT_QUESTION = 'Welke werkwijze zou u kiezen bij deze klant?';

/**
 * Dilemma cases: team leaders write them (and variants that differ on one feature), everyone
 * in the learning team chooses an approach with a short reason and sees colleagues' choices only
 * after choosing; the team meeting sees the votes with reasons without names.
 */
export const caseRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const cases = casesRepository(db);

  app.get(
    '/leren/casussen',
    {
      preHandler: requireRole(...FEATURE_ROLES.learning),
      schema: {
        tags: ['leren'],
        summary: 'De casusbibliotheek: per set van varianten de versie die u ziet',
        response: { 200: CaseList, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const all = await cases.list(user.municipalityId);
      const sets = new Map<number, CaseRow[]>();
      for (const c of all) {
        const root = c.variantOf ?? c.id;
        sets.set(root, [...(sets.get(root) ?? []), c]);
      }
      const shown = [...sets.values()].map((set) => {
        if (user.role === 'teamleider') return set.find((c) => c.variantOf === null) ?? set[0];
        const id = assignedVersion(
          user.id,
          set.map((c) => c.id),
        );
        return set.find((c) => c.id === id)!;
      });
      const voted = new Set(await cases.votedBy(user.id));
      const discussions = await cases.discussions(shown.map((c) => c.variantOf ?? c.id));
      return {
        items: shown
          .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
          .map((c) => {
            const set = sets.get(c.variantOf ?? c.id)!;
            return {
              id: c.id,
              title: c.title,
              tags: c.tags,
              source: c.source,
              teamName: c.teamName,
              createdAt: c.createdAt.slice(0, 10),
              votedByMe: set.some((s) => voted.has(s.id)),
              versions: user.role === 'teamleider' ? set.length : 1,
              discussions: discussions.filter((d) => d.caseId === (c.variantOf ?? c.id)).length,
            };
          }),
      };
    },
  );

  app.get(
    '/leren/casussen/:id',
    {
      preHandler: requireRole(...FEATURE_ROLES.learning),
      schema: {
        tags: ['leren'],
        summary: 'Een casus; de keuzes van collega’s pas na uw eigen keuze',
        params: IdParams,
        response: { 200: CaseDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const c = await visibleCase(cases, user, request.params.id);
      const options = await cases.options([c.id]);
      const votes = await cases.votes([c.id]);
      const mine = votes.find((v) => v.userId === user.id) ?? null;
      const discussions = await cases.discussions([c.variantOf ?? c.id]);
      return {
        id: c.id,
        title: c.title,
        situation: c.situation,
        question: c.question,
        tags: c.tags,
        source: c.source,
        teamName: c.teamName,
        options: options.map((o) => ({ id: o.id, position: o.position, label: o.label })),
        myVote: mine && { optionId: mine.optionId, reason: mine.reason },
        votes:
          mine === null
            ? null
            : tally(
                options.map((o) => o.id),
                votes,
              ),
        discussions: discussions.map((d) => ({ heldOn: d.heldOn, note: d.note, teamName: c.teamName })),
      };
    },
  );

  app.post(
    '/leren/casussen',
    {
      preHandler: requireRole('teamleider'),
      schema: {
        tags: ['leren'],
        summary: 'Nieuwe casus met twee of meer werkwijzen (teamleider)',
        body: NewCaseBody,
        response: { 201: Created, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      if (b.title.trim() === '') throw invalid({ name: 'title', reason: 'Geef de casus een titel.' });
      if (b.situation.trim() === '') throw invalid({ name: 'situation', reason: 'Beschrijf de situatie.' });
      b.options.forEach((o, i) => {
        if (o.trim() === '') throw invalid({ name: `options.${i}`, reason: 'Een werkwijze mag niet leeg zijn.' });
      });
      const id = await db.transaction((tx) =>
        casesRepository(tx).create({
          municipalityId: user.municipalityId,
          teamId: user.teamId,
          title: b.title.trim(),
          situation: b.situation.trim(),
          question: b.question?.trim() || DEFAULT_QUESTION,
          tags: b.tags,
          source: b.source ?? 'eigen',
          variantOf: null,
          variedFeature: null,
          options: b.options.map((o) => o.trim()),
          createdBy: user.id,
        }),
      );
      return reply.code(201).send({ id });
    },
  );
};

/** Variants of a case, choosing an approach, and the team meeting's view of the choices. */
export const caseVoteRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  const cases = casesRepository(db);
  const rules = protectionRules(config.suppressionThreshold, config.roundingBase);
  const voterKey = (userId: number) => recordKeyForExtract(`gebruiker:${userId}`, config.pseudonymSecret);

  app.post(
    '/leren/casussen/:id/varianten',
    {
      preHandler: requireRole('teamleider'),
      schema: {
        tags: ['leren'],
        summary: 'Variant van een casus die op één kenmerk verschilt (naam, leeftijd of achtergrond)',
        params: IdParams,
        body: NewVariantBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const original = await cases.get(user.municipalityId, request.params.id);
      if (!original) throw new ApiError('NOT_FOUND');
      if (original.variantOf !== null)
        throw invalid({ name: 'id', reason: 'Maak een variant van de oorspronkelijke casus, niet van een variant.' });
      const situation = request.body.situation.trim();
      if (situation === '') throw invalid({ name: 'situation', reason: 'Beschrijf de situatie.' });
      if (situation === original.situation)
        throw invalid({ name: 'situation', reason: 'De variant moet op één kenmerk verschillen van het origineel.' });
      const options = await cases.options([original.id]);
      const id = await db.transaction((tx) =>
        casesRepository(tx).create({
          municipalityId: user.municipalityId,
          teamId: original.teamId,
          title: original.title,
          situation,
          question: original.question,
          tags: original.tags,
          source: original.source,
          variantOf: original.id,
          variedFeature: request.body.feature,
          options: options.map((o) => o.label),
          createdBy: user.id,
        }),
      );
      return reply.code(201).send({ id });
    },
  );
  app.post(
    '/leren/casussen/:id/keuze',
    {
      preHandler: requireRole(...FEATURE_ROLES.learning),
      schema: {
        tags: ['leren'],
        summary: 'Uw keuze met een korte reden (één keer per casus)',
        params: IdParams,
        body: VoteBody,
        response: { 201: Created, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const c = await visibleCase(cases, user, request.params.id);
      if (c.id !== request.params.id) throw new ApiError('NOT_FOUND');
      const options = await cases.options([c.id]);
      if (!options.some((o) => o.id === request.body.optionId))
        throw invalid({ name: 'optionId', reason: 'Deze werkwijze hoort niet bij deze casus.' });
      const versions = await cases.versions(user.municipalityId, c.id);
      const earlier = await cases.votes(versions.map((v) => v.id));
      if (earlier.some((v) => v.userId === user.id)) throw new ApiError('CONFLICT_DUPLICATE', 'U hebt al gekozen.');
      const stored = await cases.vote({
        caseId: c.id,
        userId: user.id,
        optionId: request.body.optionId,
        reason: request.body.reason.trim(),
      });
      if (!stored) throw new ApiError('CONFLICT_DUPLICATE', 'U hebt al gekozen.');
      return reply.code(201).send({ id: c.id });
    },
  );

  app.get(
    '/leren/casussen/:id/bespreking',
    {
      preHandler: requireRole('teamleider'),
      schema: {
        tags: ['leren'],
        summary: 'Voor het teamoverleg: de keuzes van het eigen team met redenen zonder namen',
        params: IdParams,
        response: { 200: MeetingView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const versions = await cases.versions(user.municipalityId, request.params.id);
      if (versions.length === 0) throw new ApiError('NOT_FOUND');
      const ids = versions.map((v) => v.id);
      const options = await cases.options(ids);
      const votes = (await cases.votes(ids)).filter((v) => v.teamId === user.teamId);
      const optionIds = (caseId: number) => options.filter((o) => o.caseId === caseId).map((o) => o.id);
      const root = versions.find((v) => v.variantOf === null) ?? versions[0];
      const positionOf = new Map(options.map((o) => [o.id, o.position]));
      const rootOption = new Map(options.filter((o) => o.caseId === root.id).map((o) => [o.position, o.id]));
      const pooled = votes.map((x) => ({ ...x, optionId: rootOption.get(positionOf.get(x.optionId)!)! }));
      return {
        caseId: root.id,
        title: root.title,
        teamName: user.teamName,
        threshold: rules.threshold,
        // With variants, the team's votes and reasons are shown pooled over the versions (each
        // option by its position, on the original): per version they would show whether choices
        // shift below the threshold. Per version only through `comparison`.
        versions: versions.map((v) => {
          const own = versions.length < 2 ? votes.filter((x) => x.caseId === v.id) : v.id === root.id ? pooled : [];
          return {
            caseId: v.id,
            variedFeature: v.variedFeature,
            situation: v.situation,
            options: options
              .filter((o) => o.caseId === v.id)
              .map((o) => ({ id: o.id, position: o.position, label: o.label })),
            votes: tally(optionIds(v.id), own),
            reasons: anonymisedReasons(own),
          };
        }),
        comparison:
          versions.length < 2
            ? []
            : compareVersions(
                versions.map((v) => ({ caseId: v.id, variedFeature: v.variedFeature, optionIds: optionIds(v.id) })),
                votes,
                voterKey,
                rules,
              ),
      };
    },
  );
};

/** What the team said about a case: kept with the case for new colleagues. */
export const caseDiscussionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const cases = casesRepository(db);

  app.post(
    '/leren/casussen/:id/bespreking',
    {
      preHandler: requireRole('teamleider'),
      schema: {
        tags: ['leren'],
        summary: 'Wat het team over de casus zei: blijft in de bibliotheek voor nieuwe collega’s',
        params: IdParams,
        body: DiscussionBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const c = await cases.get(user.municipalityId, request.params.id);
      if (!c) throw new ApiError('NOT_FOUND');
      if (request.body.note.trim() === '') throw invalid({ name: 'note', reason: 'Schrijf op wat er besproken is.' });
      const id = await cases.addDiscussion({
        caseId: c.variantOf ?? c.id,
        teamId: user.teamId,
        heldOn: request.body.heldOn,
        note: request.body.note.trim(),
        createdBy: user.id,
      });
      return reply.code(201).send({ id });
    },
  );
};
