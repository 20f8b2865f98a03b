import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RouteApp } from '../route-app.js';
import type { AppContext } from '../../context.js';
import type { Queryable } from '../../../store/db.js';
import { recordsRepository } from '../../../store/casefile/records.js';
import { ApiError, invalid } from '../../errors.js';
import { currentUser } from '../../auth.js';
import { requireClientAccess } from '../../client-access.js';
import { IdParams, NoContent, problems } from '../../schemas/common.js';
import { Created } from '../../schemas/clients.js';
import {
  ClientPlanParams,
  ClientPlanStepParams,
  CreatedVersion,
  NewGoalBody,
  NewPlanBody,
  NewStepBody,
  NewVersion,
  PlanPatchBody,
  StepPatchBody,
} from '../../schemas/casefile.js';
import { changeWithAudit, notBefore, requireText } from './shared.js';

/** The plan of this client, or a 404 when the plan belongs to someone else or does not exist. */
async function planOf(tx: Queryable, clientId: number, planId: number) {
  const plan = await recordsRepository(tx).findPlan(clientId, planId);
  if (!plan) throw new ApiError('NOT_FOUND', 'Dit plan van aanpak hoort niet bij deze klant.');
  return plan;
}

/** Plans of action with goals and agreed steps. The plan itself is edited with optimistic locking. */
export const planRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  planHeadRoutes(app, ctx);
  planGoalAndStepRoutes(app, ctx);
};

/** A new plan of action and changes to its status. */
function planHeadRoutes(app: RouteApp, { db }: AppContext): void {
  const clientAccess = requireClientAccess(db);

  app.post(
    '/clients/:id/plans',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['plan'],
        summary: 'Nieuw plan van aanpak, eventueel met doelen',
        params: IdParams,
        body: NewPlanBody,
        response: { 201: CreatedVersion, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      const goals = b.goals ?? [];
      goals.forEach((g, i) => requireText(`goals.${i}`, g));
      const row = await changeWithAudit(
        db,
        user,
        request.params.id,
        'create',
        'action_plan',
        (tx) =>
          recordsRepository(tx).addPlan(request.params.id, {
            createdOn: b.createdOn,
            status: b.status ?? 'actief',
            consultantId: user.id,
            goals: goals.map((g) => g.trim()),
          }),
        (r) => `plan ${r.id}`,
      );
      return reply.status(201).send(row);
    },
  );

  app.patch(
    '/clients/:id/plans/:planId',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['plan'],
        summary: 'Status van het plan wijzigen (met versienummer; verouderd geeft 409 CONFLICT_VERSION)',
        params: ClientPlanParams,
        body: PlanPatchBody,
        response: { 200: NewVersion, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { id: clientId, planId } = request.params;
      const version = await changeWithAudit(
        db,
        user,
        clientId,
        'update',
        'action_plan',
        async (tx) => {
          await planOf(tx, clientId, planId);
          const v = await recordsRepository(tx).updatePlan(planId, request.body.version, request.body.status);
          if (v === null) throw new ApiError('CONFLICT_VERSION');
          return v;
        },
        () => `plan ${planId}: status ${request.body.status}`,
      );
      return { version };
    },
  );
}

/** The goals and steps of a plan. */
function planGoalAndStepRoutes(app: RouteApp, { db }: AppContext): void {
  const clientAccess = requireClientAccess(db);

  app.post(
    '/clients/:id/plans/:planId/goals',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['plan'],
        summary: 'Doel toevoegen',
        params: ClientPlanParams,
        body: NewGoalBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id: clientId, planId } = request.params;
      requireText('description', request.body.description);
      const row = await changeWithAudit(
        db,
        user,
        clientId,
        'create',
        'plan_goal',
        async (tx) => {
          await planOf(tx, clientId, planId);
          return recordsRepository(tx).addGoal(planId, request.body.description.trim(), request.body.sortOrder ?? null);
        },
        (r) => `plan ${planId}, doel ${r.id}`,
      );
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/clients/:id/plans/:planId/steps',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['plan'],
        summary: 'Afgesproken stap toevoegen',
        params: ClientPlanParams,
        body: NewStepBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id: clientId, planId } = request.params;
      const b = request.body;
      requireText('description', b.description);
      const row = await changeWithAudit(
        db,
        user,
        clientId,
        'create',
        'plan_step',
        async (tx) => {
          const plan = await planOf(tx, clientId, planId);
          const repo = recordsRepository(tx);
          if (b.goalId != null && !(await repo.goalBelongsToPlan(planId, b.goalId))) {
            throw invalid({ name: 'goalId', reason: `Onbekend doel ${b.goalId} in dit plan.` });
          }
          notBefore('dueOn', b.dueOn, plan.createdOn, `De datum ligt vóór het begin van het plan (${plan.createdOn}).`);
          return repo.addStep(planId, {
            goalId: b.goalId ?? null,
            description: b.description.trim(),
            dueOn: b.dueOn ?? null,
          });
        },
        (r) => `plan ${planId}, stap ${r.id}`,
      );
      return reply.status(201).send(row);
    },
  );

  app.patch(
    '/clients/:id/plans/:planId/steps/:stepId',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['plan'],
        summary: 'Stap afvinken (of het afvinken terugdraaien met null)',
        params: ClientPlanStepParams,
        body: StepPatchBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id: clientId, planId, stepId } = request.params;
      const { doneOn } = request.body;
      await changeWithAudit(
        db,
        user,
        clientId,
        'update',
        'plan_step',
        async (tx) => {
          const plan = await planOf(tx, clientId, planId);
          notBefore('doneOn', doneOn, plan.createdOn, `De datum ligt vóór het begin van het plan (${plan.createdOn}).`);
          if (!(await recordsRepository(tx).setStepDone(planId, stepId, doneOn)))
            throw new ApiError('NOT_FOUND', 'Deze stap hoort niet bij dit plan.');
        },
        () => `plan ${planId}, stap ${stepId}: ${doneOn ? `gezet op ${doneOn}` : 'niet meer gezet'}`,
      );
      return reply.status(204).send();
    },
  );
}
