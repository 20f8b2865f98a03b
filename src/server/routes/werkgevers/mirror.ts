import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { FEATURE_ROLES } from '../../../domain/roles.js';
import { addDays } from '../../../domain/dates.js';
import { recordKeyFor } from '../../../domain/pseudonym.js';
import { protectionRules } from '../../../mirror/disclosure.js';
import { GROUNDS } from '../../../mirror/grounds.js';
import {
  computeEmployerChain,
  mergeByPerson,
  minimumScope,
  type EmployerChain,
} from '../../../mirror/employer-stages.js';
import { loadMirrorRows } from '../../../store/mirror-source.js';
import { loadProposalFacts } from '../../../store/employers/mirror-source.js';
import { writeAudit } from '../../../store/audit.js';
import { currentUser, requireRole } from '../../auth.js';
import { ApiError, invalid } from '../../errors.js';
import { todayIso } from '../../formats.js';
import { problems } from '../../schemas/common.js';
import { EmployerMirror, PeriodQuery } from '../../schemas/werkgevers.js';

const chainOut = (chain: EmployerChain) => ({
  published: chain.published,
  proposed: chain.proposed,
  dropOuts: chain.dropOuts,
  steps: chain.steps.map(({ step, result }) => ({
    from: step.from,
    to: step.to,
    label: step.label,
    population: result?.population ?? null,
    reached: result?.totals[0]?.reached ?? null,
    rate: result?.totals[0]?.rate ?? null,
    cells: (result?.cells ?? []).map((c) => ({
      ground: c.ground,
      group: c.group,
      unknown: c.unknown,
      nPopulation: c.nPopulation,
      nStage: c.nStage,
      rate: c.rate,
      rateLower: c.rateLower,
      rateUpper: c.rateUpper,
      ratio: c.ratio,
      pAdjusted: c.pAdjusted,
      clear: c.clear,
      suppressed: c.suppressed,
    })),
  })),
});

/**
 * The employer's decision moments in the mirror: where in the employer's part of the chain
 * groups drop out, for all employers together and per employer where numbers allow.
 */
export const employerMirrorRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.get(
    '/spiegel/werkgevers',
    {
      preHandler: requireRole(...FEATURE_ROLES.employerMirror),
      schema: {
        tags: ['spiegel'],
        summary:
          'Beslismomenten bij de werkgever per groep (voorgesteld → uitgenodigd → aangenomen → werkt na 1, 6, 12 maanden)',
        querystring: PeriodQuery,
        response: { 200: EmployerMirror, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const to = request.query.tot ?? todayIso();
      const from = request.query.van ?? addDays(to, -730);
      if (from > to) throw invalid({ name: 'van', reason: 'De eerste dag ligt na de laatste dag.' });
      const rules = protectionRules(config.suppressionThreshold, config.roundingBase);
      const facts = await loadProposalFacts(db, user.municipalityId, from, to);
      const rows = await loadMirrorRows(db, { municipalityId: user.municipalityId, from, to }, config.pseudonymSecret);
      const groundsOf = new Map(rows.map((r) => [r.clientId, r.person.grounds]));
      const withGrounds = facts.map((f) => ({
        ...f,
        key: recordKeyFor(f.clientId, config.pseudonymSecret),
        grounds: groundsOf.get(f.clientId) ?? {},
      }));
      const peoplePer = new Map<number, { name: string; people: Set<number> }>();
      for (const f of facts) {
        const e = peoplePer.get(f.employerId) ?? { name: f.employerName, people: new Set<number>() };
        e.people.add(f.clientId);
        peoplePer.set(f.employerId, e);
      }
      const minimum = minimumScope(rules);
      const employers = [...peoplePer.entries()]
        .filter(([, e]) => e.people.size >= minimum)
        .map(([id, e]) => ({ id, name: e.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      const employerId = request.query.werkgever ?? null;
      if (employerId !== null && !employers.some((e) => e.id === employerId))
        throw new ApiError('NOT_FOUND', 'Voor deze werkgever zijn te weinig mensen voorgesteld om iets te tonen.');
      const scoped = employerId === null ? withGrounds : withGrounds.filter((f) => f.employerId === employerId);
      const grounds = GROUNDS.filter((g) => !g.key.endsWith('_fijn'));
      const chain = computeEmployerChain(mergeByPerson(scoped), grounds, rules);
      await writeAudit(db, [
        {
          userId: user.id,
          clientId: null,
          action: 'read',
          resource: 'employer_mirror',
          detail: `${from}..${to}, werkgever ${employerId ?? 'alle'}`,
        },
      ]);
      return {
        from,
        to,
        threshold: rules.threshold,
        base: rules.base,
        minimumProposed: minimum,
        grounds: grounds.map((g) => ({ key: g.key, label: g.label })),
        employers,
        employersTooSmall: peoplePer.size - employers.length,
        scope: { employerId, employerName: employers.find((e) => e.id === employerId)?.name ?? null },
        chain: chainOut(chain),
      };
    },
  );
};
