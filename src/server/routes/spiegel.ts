import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { FEATURE_ROLES } from '../../domain/roles.js';
import { CORE_STAGES } from '../../mirror/stages.js';
import { GROUNDS } from '../../mirror/grounds.js';
import { LARGEST_GROUP } from '../../mirror/adjusted.js';
import { AGE_IN_YEARS } from '../../mirror/person-table.js';
import { parsePeriod } from '../../mirror/selection.js';
import { invalid } from '../errors.js';
import { currentUser, requireRole } from '../auth.js';
import { problems } from '../schemas/common.js';
import {
  AdjustedAnswer,
  AttentionAnswer,
  MirrorAnswer as MirrorAnswerSchema,
  MirrorOptions,
} from '../schemas/spiegel.js';
import {
  MirrorQuery,
  PERIOD,
  createSpiegelEngine,
  groundsFor,
  scopeFor,
  type SpiegelEngine,
} from './spiegel-mirror.js';
import { spiegelExportRoutes } from './spiegel-export.js';

export { groundsFor } from './spiegel-mirror.js';

/** Consultants have no mirror: the app offers them none, and neither does the API. */
const MIRROR_ROLES = FEATURE_ROLES.mirror;

const AdjustedQuery = Type.Object({
  period: Type.Optional(PERIOD),
  stage: Type.String({ minLength: 1, maxLength: 50 }),
  ground: Type.String({ minLength: 1, maxLength: 50 }),
  covariates: Type.Optional(
    Type.String({
      maxLength: 300,
      description: 'kenmerken met komma, bv. leeftijd,opleiding,taalniveau; leeftijd_jaren = leeftijd in jaren',
    }),
  ),
  reference: Type.Optional(Type.String({ maxLength: 50 })),
  team: Type.Optional(Type.Integer({ minimum: 1 })),
  wijk: Type.Optional(Type.Integer({ minimum: 1 })),
});

/**
 * The years with benefit data, up to the current one (year to date): a benefit that runs on
 * counts in every year it runs.
 */
const YEARS_SQL = `SELECT DISTINCT generate_series(
    extract(year FROM b.start_date)::int,
    extract(year FROM LEAST(coalesce(b.end_date, current_date), current_date))::int) AS y
  FROM benefit_period b JOIN client c ON c.id = b.client_id WHERE c.municipality_id = $1 ORDER BY y`;

/** Heavy-work gate owner of the warm-up: one year at a time, beside at most one user's job. */
const WARM_UP_OWNER = 'mirror-warm-up';

/**
 * After start, load every year's municipality-wide population (the years of /spiegel/options,
 * newest first), so a first change of period, team or wijk is answered from memory. Each year is
 * one job through the heavy-work gate, so requests are answered between two years. After an
 * import forgot the kept figures, the two newest years (the current one and the page's default,
 * last year) are loaded again in the background.
 */
function warmUp(
  app: Parameters<FastifyPluginAsyncTypebox<AppContext>>[0],
  db: AppContext['db'],
  engine: SpiegelEngine,
) {
  let closed = false;
  const warm = async (newest?: number) => {
    const municipalities = await db.query<{ id: number }>('SELECT id FROM municipality ORDER BY id');
    const jobs: { municipalityId: number; y: number }[] = [];
    for (const { id } of municipalities) {
      const years = (await db.query<{ y: number }>(YEARS_SQL, [id])).map((r) => r.y).reverse();
      for (const y of years.slice(0, newest)) jobs.push({ municipalityId: id, y });
    }
    jobs.sort((a, b) => b.y - a.y);
    for (const { municipalityId, y } of jobs) {
      if (closed) return;
      const p = parsePeriod(String(y));
      const scope = { municipalityId, from: p.from, to: p.to, teamId: null, neighbourhoodId: null };
      await engine.heavy.run(WARM_UP_OWNER, () => engine.service.population(scope));
    }
  };
  const warmInBackground = (newest?: number) => {
    if (closed) return;
    void warm(newest).catch((err: unknown) => app.log.warn({ err }, 'mirror warm-up failed'));
  };
  engine.service.onClear(() => warmInBackground(2));
  app.addHook('onReady', async () => warmInBackground());
  app.addHook('onClose', async () => {
    closed = true;
  });
}

/** GET /spiegel/options: the choices the page offers this user. */
const optionsRoute: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.get(
    '/spiegel/options',
    {
      preHandler: requireRole(...MIRROR_ROLES),
      schema: {
        tags: ['spiegel'],
        summary: 'Keuzes voor de spiegel: perioden (het lopende jaar tot nu toe als laatste), kenmerken, fasen, teams',
        response: { 200: MirrorOptions, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const years = await db.query<{ y: number }>(YEARS_SQL, [user.municipalityId]);
      const policy = user.role === 'beleidsmedewerker' || user.role === 'onderzoeker';
      const teams = policy
        ? await db.query<{ id: number; name: string }>(
            'SELECT id, name FROM team WHERE municipality_id = $1 ORDER BY name',
            [user.municipalityId],
          )
        : [];
      const wijken = await db.query<{ id: number; name: string }>(
        'SELECT id, name FROM neighbourhood WHERE municipality_id = $1 ORDER BY name',
        [user.municipalityId],
      );
      return {
        periods: years.map((r) => String(r.y)),
        grounds: groundsFor(user).map((g) => ({
          key: g.key,
          label: g.label,
          groups: g.groups,
          groupLabels: g.groupLabels ?? {},
          reference: g.reference ?? null,
        })),
        stages: CORE_STAGES,
        teams,
        wijken,
        threshold: config.suppressionThreshold,
        perConsultant: user.role === 'teamleider',
      };
    },
  );
};

/** GET /spiegel/aangepast: the comparison taking other characteristics into account. */
function adjustedRoute(engine: SpiegelEngine): FastifyPluginAsyncTypebox<AppContext> {
  return async (app) => {
    app.get(
      '/spiegel/aangepast',
      {
        preHandler: requireRole(...MIRROR_ROLES),
        schema: {
          tags: ['spiegel'],
          summary: 'Vergelijking rekening houdend met arbeidsmarktrelevante kenmerken (logistische regressie)',
          querystring: AdjustedQuery,
          response: { 200: AdjustedAnswer, ...problems(400, 401, 403) },
        },
      },
      async (request) => {
        const user = currentUser(request);
        const q = request.query;
        const allowed = groundsFor(user).map((g) => g.key);
        const covariates = (q.covariates ?? '')
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean);
        if (!allowed.includes(q.ground))
          throw invalid({ name: 'ground', reason: `Onbekend of niet toegestaan kenmerk "${q.ground}".` });
        for (const c of covariates)
          if (!allowed.includes(c) && c !== AGE_IN_YEARS)
            throw invalid({ name: 'covariates', reason: `Onbekend of niet toegestaan kenmerk "${c}".` });
        if (!CORE_STAGES.some((s) => s.key === q.stage))
          throw invalid({ name: 'stage', reason: `Onbekende fase "${q.stage}".` });
        return engine.heavy.run(user.id, async () => {
          const pop = await engine.service.population(scopeFor(user, q));
          engine.refuseSmall(pop.table.size, q);
          const def = GROUNDS.find((g) => g.key === q.ground)!;
          if (q.reference && q.reference !== LARGEST_GROUP && !def.groups.includes(q.reference))
            throw invalid({ name: 'reference', reason: `"${q.reference}" is geen groep van ${def.label}.` });
          return engine.adjustedFor(pop, { stage: q.stage, ground: q.ground, covariates, reference: q.reference });
        });
      },
    );
  };
}

/** The mirror for team leaders and policy officers: /api/v1/spiegel… */
export const spiegelRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const engine = createSpiegelEngine(ctx);
  if (ctx.warmMirror) warmUp(app, ctx.db, engine);
  await app.register(optionsRoute, ctx);
  await app.register(adjustedRoute(engine), ctx);
  await app.register(spiegelExportRoutes(engine), ctx);

  app.get(
    '/spiegel',
    {
      preHandler: requireRole(...MIRROR_ROLES),
      schema: {
        tags: ['spiegel'],
        summary: 'De trechter per kenmerk of kruising, met verhaal, kwaliteit en landelijke vergelijking',
        querystring: MirrorQuery,
        response: { 200: MirrorAnswerSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { scope, result, quality, narrative, benchmark } = await engine.mirrorFor(request, request.query);
      return { scope, result, narrative, quality, benchmark };
    },
  );

  app.get(
    '/spiegel/aandacht',
    {
      preHandler: requireRole(...MIRROR_ROLES),
      schema: {
        tags: ['spiegel'],
        summary:
          'Aandachtsspiegel: gesprekken en "onder op de stapel" per groep; per team voor beleid en onderzoek, per klantmanager alleen voor de teamleider',
        querystring: MirrorQuery,
        response: { 200: AttentionAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const groupings = engine.attentionGroupings(currentUser(request), request.query);
      const { scope, result } = await engine.mirrorFor(request, request.query, groupings);
      const keep = new Set(['contact_4', 'onder_op_de_stapel']);
      return {
        scope,
        result: {
          ...result,
          cells: result.cells.filter((c) => keep.has(c.stage)),
          totals: result.totals.filter((t) => keep.has(t.stage)),
        },
      };
    },
  );
};
