import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { addDays, todayIso } from '../../../domain/dates.js';
import { ownPattern } from '../../../domain/learning.js';
import { writeAudit, writeListRead } from '../../../store/audit.js';
import { reflectionsRepository } from '../../../store/learning/reflections.js';
import { ApiError } from '../../errors.js';
import { currentUser, requireRole } from '../../auth.js';
import { problems } from '../../schemas/common.js';
import { Created } from '../../schemas/clients.js';
import { OpenConversations, OwnPattern, ReflectionBody } from '../../schemas/learning.js';

/** How far back a conversation can still be reflected on. */
const REFLECT_WITHIN_DAYS = 14;

/**
 * Reflection after a conversation: short, optional, and the consultant's own. Per person it is
 * shown only to that person; there is no route that reads another person's reflections (the
 * team sees them only in aggregate, in the team's mirror of its habits).
 */
export const reflectionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const reflections = reflectionsRepository(db);

  app.get(
    '/leren/reflecties/open',
    {
      preHandler: requireRole('consultant'),
      schema: {
        tags: ['leren'],
        summary: 'Uw gesprekken van de laatste twee weken zonder reflectie',
        response: { 200: OpenConversations, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const rows = await reflections.open(user.id, addDays(todayIso(), -REFLECT_WITHIN_DAYS));
      await writeListRead(db, {
        userId: user.id,
        resource: 'reflection-open',
        clientIds: [...new Set(rows.map((r) => r.clientId))],
      });
      return {
        items: rows.map((r) => ({
          conversationId: r.conversationId,
          clientName: r.clientName,
          heldOn: r.heldOn,
          kind: r.kind,
        })),
      };
    },
  );

  app.post(
    '/leren/reflecties',
    {
      preHandler: requireRole('consultant'),
      schema: {
        tags: ['leren'],
        summary: 'Korte reflectie na een eigen gesprek',
        body: ReflectionBody,
        response: { 201: Created, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      const conversation = await reflections.ownConversation(b.conversationId, user.id);
      // someone else's conversation is "not found": its existence is not confirmed
      if (!conversation) throw new ApiError('NOT_FOUND');
      const stored = await db.transaction(async (tx) => {
        const ok = await reflectionsRepository(tx).add({
          conversationId: b.conversationId,
          consultantId: user.id,
          logic: b.logic,
          discriminationDiscussed: b.discriminationDiscussed,
          clientWish: b.clientWish.trim(),
          reflectedOn: todayIso(),
        });
        if (ok) {
          await writeAudit(tx, [
            { userId: user.id, clientId: conversation.clientId, action: 'create', resource: 'reflection' },
          ]);
        }
        return ok;
      });
      if (!stored) throw new ApiError('CONFLICT_DUPLICATE', 'Bij dit gesprek hebt u al gereflecteerd.');
      return reply.code(201).send({ id: b.conversationId });
    },
  );

  app.get(
    '/leren/reflecties/mijn',
    {
      preHandler: requireRole('consultant'),
      schema: {
        tags: ['leren'],
        summary: 'Uw eigen patroon over de tijd (alleen voor uzelf)',
        response: { 200: OwnPattern, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      return { months: ownPattern(await reflections.mine(user.id)) };
    },
  );
};
