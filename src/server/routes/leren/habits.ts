import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { FEATURE_ROLES } from '../../../domain/roles.js';
import { addDays, todayIso } from '../../../domain/dates.js';
import { teamReflections } from '../../../domain/learning.js';
import { recordKeyFor } from '../../../domain/pseudonym.js';
import { MIN_SCOPE_FACTOR, protectionRules } from '../../../mirror/disclosure.js';
import { teamHabits } from '../../../mirror/team-habits.js';
import { habitRows } from '../../../store/learning/habits.js';
import { reflectionsRepository } from '../../../store/learning/reflections.js';
import { ApiError, invalid } from '../../errors.js';
import { currentUser, requireRole } from '../../auth.js';
import { problems } from '../../schemas/common.js';
import { TeamHabitsAnswer, TeamHabitsQuery } from '../../schemas/learning.js';

/**
 * The team's mirror of its habits: team leaders see their own team, policy officers choose a
 * team. Only protected aggregates; never per consultant.
 */
export const habitRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  const rules = protectionRules(config.suppressionThreshold, config.roundingBase);
  const key = (clientId: number) => recordKeyFor(clientId, config.pseudonymSecret);

  app.get(
    '/leren/teamspiegel',
    {
      preHandler: requireRole(...FEATURE_ROLES.teamHabits),
      schema: {
        tags: ['leren'],
        summary: 'De spiegel van de eigen gewoonten van een team (beschermde aantallen)',
        querystring: TeamHabitsQuery,
        response: { 200: TeamHabitsAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const to = request.query.tot ?? todayIso();
      const from = request.query.van ?? addDays(to, -364);
      if (from > to) throw invalid({ name: 'van', reason: 'Het begin ligt na het einde.' });
      let teamId: number | null;
      if (user.role === 'teamleider') {
        if (request.query.team !== undefined && request.query.team !== user.teamId)
          throw new ApiError('FORBIDDEN_ROLE', 'Een teamleider ziet alleen het eigen team.');
        teamId = user.teamId;
      } else teamId = request.query.team ?? null;
      const [team] = teamId
        ? await db.query<{ name: string }>('SELECT name FROM team WHERE id = $1 AND municipality_id = $2', [
            teamId,
            user.municipalityId,
          ])
        : [];
      if (teamId && !team) throw invalid({ name: 'team', reason: 'Dit team bestaat niet.' });
      const rows = await habitRows(db, user.municipalityId, teamId, from, to);
      if (rows.length < MIN_SCOPE_FACTOR * rules.threshold)
        throw invalid({
          name: 'team',
          reason: `Te weinig klanten in deze periode (minder dan ${MIN_SCOPE_FACTOR * rules.threshold}) om cijfers te beschermen. Kies een langere periode.`,
        });
      const reflections = teamId ? await reflectionsRepository(db).forTeam(teamId, from, to) : [];
      return {
        teamId,
        teamName: team?.name ?? null,
        from,
        to,
        threshold: rules.threshold,
        tables: teamHabits(rows, to, key, rules),
        reflections: teamReflections(
          reflections.map((r) => ({ ...r, key: key(r.clientId) })),
          rules,
        ),
      };
    },
  );
};
