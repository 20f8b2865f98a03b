import { apiSelection, scopeFor } from './spiegel-mirror.js';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { FEATURE_ROLES } from '../../domain/roles.js';
import { MIN_SCOPE_FACTOR, protectionRules } from '../../mirror/disclosure.js';
import { CORE_STAGES } from '../../mirror/stages.js';
import { groupLabel } from '../../mirror/grounds.js';
import { parsePublishedPeriod } from '../../mirror/selection.js';
import { subgroupScan } from '../../mirror/scan.js';
import { comparisonTable, EVERYONE_ELSE, LARGEST } from '../../mirror/comparison.js';
import { attributeGap } from '../../mirror/attribution.js';
import { STEPS, timeToStep, type StepKey, type TimedPerson } from '../../mirror/time-to-step.js';
import { trend, type TrendPeriod } from '../../mirror/trends.js';
import { invalid } from '../errors.js';
import { currentUser, requireRole } from '../auth.js';
import { problems } from '../schemas/common.js';
import {
  AttributionAnswer,
  ComparisonAnswer,
  ScanAnswer,
  TimeToStepAnswer,
  TrendAnswer,
} from '../schemas/verdieping.js';
import { createVerdiepingService } from '../verdieping-service.js';
import { groundsFor } from './spiegel.js';
import type { MirrorScopeKey } from '../mirror-service.js';

const ROLES = FEATURE_ROLES.mirror;
/** Grounds of the scan by default: the labour-market and special grounds, wijk and team. */
const SCAN_GROUNDS = [
  'geslacht',
  'leeftijd',
  'migratieachtergrond',
  'opleiding',
  'taalniveau',
  'werkervaring',
  'gezondheid',
  'wijk',
  'team',
];
const PERIOD = Type.String({ maxLength: 30, description: 'een jaar (2025), kwartaal (2025-K1) of maand (2025-03)' });
const Scope = { team: Type.Optional(Type.Integer({ minimum: 1 })), wijk: Type.Optional(Type.Integer({ minimum: 1 })) };
const Stage = Type.String({ maxLength: 40 });
const Ground = Type.String({ maxLength: 40 });

type App = Parameters<FastifyPluginAsyncTypebox<AppContext>>[0];
type Helpers = ReturnType<typeof makeHelpers>;

/** Scope, population and checks shared by the routes. */
function makeHelpers(db: AppContext['db'], config: AppContext['config']) {
  const service = createVerdiepingService(db, config);
  const rules = protectionRules(config.suppressionThreshold, config.roundingBase);
  const minScope = MIN_SCOPE_FACTOR * config.suppressionThreshold;

  /** The same scope rule as the mirror: a team leader only the own team. */
  function scopeOf(request: FastifyRequest, q: { period?: string; team?: number; wijk?: number }): MirrorScopeKey {
    return scopeFor(currentUser(request), q);
  }
  async function population(request: FastifyRequest, q: { period?: string; team?: number; wijk?: number }) {
    const pop = await service.population(scopeOf(request, q));
    if (pop.table.size < minScope)
      throw invalid({
        name: q.wijk !== undefined ? 'wijk' : q.team !== undefined ? 'team' : 'period',
        reason: `Hier hebben minder dan ${minScope} mensen bijstand. Dat is te weinig om cijfers te tonen zonder dat mensen herkenbaar worden. Kies een groter gebied of een langere periode.`,
      });
    return pop;
  }
  const allowedGrounds = (request: FastifyRequest) => [
    ...groundsFor(currentUser(request)).map((g) => g.key),
    'wijk',
    'team',
  ];
  function checkGround(request: FastifyRequest, name: string, key: string): void {
    if (!allowedGrounds(request).includes(key))
      throw invalid({ name, reason: `Onbekend of niet toegestaan kenmerk "${key}".` });
  }
  function checkStage(stage: string): void {
    if (!CORE_STAGES.some((s) => s.key === stage))
      throw invalid({ name: 'stage', reason: `Onbekende fase "${stage}".` });
  }

  return { service, rules, minScope, scopeOf, population, allowedGrounds, checkGround, checkStage };
}

/** The deeper analyses of the mirror: /api/v1/spiegel/verdieping/… */
export const spiegelVerdiepingRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  const h = makeHelpers(db, config);
  groupRoutes(app, h);
  timeRoutes(app, h);
};

/** Scan, comparison table and attribution. */
function groupRoutes(app: App, h: Helpers): void {
  const { rules, population, allowedGrounds, checkGround, checkStage } = h;
  app.get(
    '/spiegel/verdieping/scan',
    {
      preHandler: requireRole(...ROLES),
      schema: {
        tags: ['spiegel'],
        summary: 'Subgroepen (kruisingen van 2 en 3 kenmerken) die het meest afwijken, met foutcontrole (BH)',
        querystring: Type.Object({
          period: Type.Optional(PERIOD),
          stage: Stage,
          grounds: Type.Optional(Type.String({ maxLength: 300, description: 'kenmerken met komma' })),
          ...Scope,
        }),
        response: { 200: ScanAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      checkStage(q.stage);
      const allowed = allowedGrounds(request);
      const grounds = q.grounds
        ? q.grounds
            .split(',')
            .map((g) => g.trim())
            .filter(Boolean)
        : SCAN_GROUNDS.filter((g) => allowed.includes(g));
      for (const g of grounds) checkGround(request, 'grounds', g);
      if (grounds.length < 2 || grounds.length > 10)
        throw invalid({ name: 'grounds', reason: 'Kies 2 tot 10 kenmerken.' });
      const pop = await population(request, q);
      return subgroupScan(pop.table, q.stage, grounds, rules, pop.defs);
    },
  );

  app.get(
    '/spiegel/verdieping/vergelijking',
    {
      preHandler: requireRole(...ROLES),
      schema: {
        tags: ['spiegel'],
        summary:
          'Groepsgrootte, kans, verhouding, toets en bewijskracht in één tabel, met een keuze van vergelijkingsgroep',
        querystring: Type.Object({
          period: Type.Optional(PERIOD),
          stage: Stage,
          ground: Ground,
          reference: Type.Optional(
            Type.String({ maxLength: 50, description: 'iedereen (standaard), grootste, of een groep' }),
          ),
          ...Scope,
        }),
        response: { 200: ComparisonAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      checkStage(q.stage);
      checkGround(request, 'ground', q.ground);
      const pop = await population(request, q);
      const reference = q.reference ?? EVERYONE_ELSE;
      const def = pop.defs.get(q.ground)!;
      if (reference !== EVERYONE_ELSE && reference !== LARGEST && !def.groups.includes(reference))
        throw invalid({ name: 'reference', reason: `"${reference}" is geen groep van ${def.label}.` });
      return comparisonTable(pop.table, q.stage, q.ground, reference, rules);
    },
  );

  app.get(
    '/spiegel/verdieping/aandeel',
    {
      preHandler: requireRole(...ROLES),
      schema: {
        tags: ['spiegel'],
        summary: 'Welke subgroepen een verschil op één kenmerk dragen (Shapley-verdeling)',
        querystring: Type.Object({
          period: Type.Optional(PERIOD),
          stage: Stage,
          ground: Ground,
          group: Type.String({ maxLength: 60 }),
          by: Ground,
          ...Scope,
        }),
        response: { 200: AttributionAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      checkStage(q.stage);
      checkGround(request, 'ground', q.ground);
      checkGround(request, 'by', q.by);
      if (q.by === q.ground) throw invalid({ name: 'by', reason: 'Kies een ander kenmerk dan het kenmerk zelf.' });
      const pop = await population(request, q);
      if (!pop.defs.get(q.ground)!.groups.includes(q.group))
        throw invalid({ name: 'group', reason: `"${q.group}" is geen groep van ${pop.defs.get(q.ground)!.label}.` });
      return attributeGap(pop.table, q.stage, q.ground, q.group, q.by, rules);
    },
  );
}

/** Time to a step and trends. */
function timeRoutes(app: App, h: Helpers): void {
  const { service, rules, minScope, scopeOf, population, checkGround, checkStage } = h;
  app.get(
    '/spiegel/verdieping/tijd',
    {
      preHandler: requireRole(...ROLES),
      schema: {
        tags: ['spiegel'],
        summary: 'Tijd van de start van de uitkering tot een stap (Kaplan–Meier per groep, log-rank-toets)',
        querystring: Type.Object({
          period: Type.Optional(PERIOD),
          step: Type.Union(STEPS.map((s) => Type.Literal(s.key))),
          ground: Ground,
          ...Scope,
        }),
        response: { 200: TimeToStepAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      checkGround(request, 'ground', q.ground);
      const scope = scopeOf(request, q);
      const pop = await population(request, q);
      const times = await service.stepTimes(scope);
      const def = pop.defs.get(q.ground)!;
      const persons: TimedPerson[] = [];
      for (const t of times) {
        const who = pop.byClient.get(t.clientId);
        const group = who?.grounds[q.ground];
        if (!who || !group) continue;
        const d = t.days[q.step as StepKey];
        persons.push({ group, key: who.key, time: d ?? t.followed, event: d !== null });
      }
      const groups = def.groups.map((g) => ({ group: g, label: groupLabel(def, g) }));
      return timeToStep(q.step as StepKey, persons, groups, rules);
    },
  );

  app.get(
    '/spiegel/verdieping/trend',
    {
      preHandler: requireRole(...ROLES),
      schema: {
        tags: ['spiegel'],
        summary: 'Dezelfde tabel over opeenvolgende jaren of kwartalen, met elke verandering en haar interval',
        querystring: Type.Object({
          from: Type.Integer({ minimum: 2000, maximum: 2100 }),
          to: Type.Integer({ minimum: 2000, maximum: 2100 }),
          unit: Type.Optional(Type.Union([Type.Literal('jaar'), Type.Literal('kwartaal')])),
          stage: Stage,
          ground: Ground,
          ...Scope,
        }),
        response: { 200: TrendAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      checkStage(q.stage);
      checkGround(request, 'ground', q.ground);
      if (q.to < q.from || q.to - q.from > 5)
        throw invalid({
          name: 'to',
          reason: 'Kies een eindjaar gelijk aan of na het beginjaar, hoogstens 5 jaar later.',
        });
      const labels: string[] = [];
      for (let y = q.from; y <= q.to; y++) {
        if (q.unit === 'kwartaal') for (let k = 1; k <= 4; k++) labels.push(`${y}-K${k}`);
        else labels.push(String(y));
      }
      const periods: TrendPeriod[] = [];
      for (const label of labels) {
        const p = apiSelection(() => parsePublishedPeriod(label));
        const pop = await service.population(scopeOf(request, { ...q, period: label }));
        if (pop.table.size < minScope) continue;
        periods.push({ label: p.label, from: p.from, to: p.to, table: pop.table });
      }
      return trend(periods, q.stage, q.ground, rules, { from: `${q.from}-01-01`, to: `${q.to}-12-31` });
    },
  );
}
