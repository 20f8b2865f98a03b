import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { FEATURE_ROLES } from '../../domain/roles.js';
import type { SessionUser } from '../../store/users.js';
import { createMirrorService, type LoadedPopulation, type MirrorScopeKey } from '../mirror-service.js';
import { buildMirrorAnswer, type MirrorAnswer } from '../../mirror/answer.js';
import { MIN_SCOPE_FACTOR, protectionRules } from '../../mirror/disclosure.js';
import { mirrorToCsv } from '../../mirror/report-csv.js';
import { mirrorToHtml } from '../../mirror/report-html.js';
import { CORE_STAGES } from '../../mirror/stages.js';
import { LARGEST_GROUP, adjustedComparison } from '../../mirror/adjusted.js';
import { AGE_IN_YEARS } from '../../mirror/person-table.js';
import { GROUNDS, type GroundDef } from '../../mirror/grounds.js';
import { SelectionError, parseGroupings, parsePeriod, parsePublishedPeriod } from '../../mirror/selection.js';
import { ApiError, invalid } from '../errors.js';
import { currentUser, requireRole } from '../auth.js';
import { problems } from '../schemas/common.js';
import {
  AdjustedAnswer,
  AttentionAnswer,
  MirrorAnswer as MirrorAnswerSchema,
  MirrorOptions,
} from '../schemas/spiegel.js';
import { PdfUnavailableError, htmlToPdf } from '../pdf.js';
import { createHeavyGate } from '../workers/gate.js';

/** Consultants have no mirror: the app offers them none, and neither does the API. */
const MIRROR_ROLES = FEATURE_ROLES.mirror;

const PERIOD = Type.String({
  maxLength: 30,
  description: 'een heel jaar (2025), kwartaal (2025-K1) of maand (2025-03)',
});

const MirrorQuery = Type.Object({
  period: Type.Optional(PERIOD),
  ground: Type.Optional(
    Type.String({ maxLength: 500, description: 'kenmerken met komma; een kruising met * (bv. geslacht*leeftijd)' }),
  ),
  intersections: Type.Optional(Type.Boolean()),
  team: Type.Optional(Type.Integer({ minimum: 1 })),
  wijk: Type.Optional(Type.Integer({ minimum: 1 })),
  refresh: Type.Optional(Type.Boolean()),
});
type MirrorQueryT = {
  period?: string;
  ground?: string;
  intersections?: boolean;
  team?: number;
  wijk?: number;
  refresh?: boolean;
};

/** Grounds this user may see: consultants never get special categories (migration background, health...). */
export function groundsFor(user: SessionUser): GroundDef[] {
  return GROUNDS.filter((g) => user.role !== 'consultant' || !g.special);
}

/** The scope a user may look at: consultants and team leaders only their own team. */
function scopeFor(user: SessionUser, q: MirrorQueryT): MirrorScopeKey {
  const p = apiSelection(() => parsePublishedPeriod(q.period));
  const ownTeamOnly = user.role === 'consultant' || user.role === 'teamleider';
  if (ownTeamOnly && q.team !== undefined && q.team !== user.teamId)
    throw new ApiError('FORBIDDEN_ROLE', 'U ziet alleen de spiegel van uw eigen team.');
  return {
    municipalityId: user.municipalityId,
    from: p.from,
    to: p.to,
    teamId: ownTeamOnly ? user.teamId : (q.team ?? null),
    neighbourhoodId: q.wijk ?? null,
  };
}

/** Reads a choice of period or grounds; a wrong one is a 400 naming the field. */
function apiSelection<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof SelectionError) throw invalid({ name: err.field, reason: err.reason });
    throw err;
  }
}

/** The mirror for team leaders and policy officers: /api/v1/spiegel… */
export const spiegelRoutes: FastifyPluginAsyncTypebox<AppContext> = async (
  app,
  { db, config, warmMirror, heavyGate },
) => {
  const service = createMirrorService(db, config);
  // Heavy mirror work: one job per user at a time, two in all (the machine's cores), so one
  // user's many refreshes never hold up everybody else's requests.
  const heavy = heavyGate ?? createHeavyGate({ perUser: 1, total: 2 });
  const threshold = config.suppressionThreshold;
  const rules = protectionRules(threshold, config.roundingBase);
  const minScope = MIN_SCOPE_FACTOR * threshold;

  /** A scope too small to protect is refused, naming what to change. */
  function refuseSmall(size: number, q: { team?: number; wijk?: number }): void {
    if (size >= minScope) return;
    const field = q.wijk !== undefined ? 'wijk' : q.team !== undefined ? 'team' : 'period';
    throw invalid({
      name: field,
      reason: `In deze ${field === 'wijk' ? 'wijk' : field === 'team' ? 'groep' : 'periode'} hebben minder dan ${minScope} mensen bijstand. Dat is te weinig om cijfers te tonen zonder dat mensen herkenbaar worden. Kies een groter gebied of een langere periode.`,
    });
  }

  if (warmMirror) {
    // After start, load the municipality-wide population of every year with benefit data, one
    // at a time, so a policy officer's first change of period is answered from memory.
    app.addHook('onReady', async () => {
      void (async () => {
        const years = await db.query<{ municipality_id: number; y: number }>(
          `SELECT DISTINCT c.municipality_id, extract(year FROM b.start_date)::int AS y
             FROM benefit_period b JOIN client c ON c.id = b.client_id ORDER BY y DESC`,
        );
        for (const { municipality_id: municipalityId, y } of years) {
          const p = parsePeriod(String(y));
          await service.population({ municipalityId, from: p.from, to: p.to, teamId: null, neighbourhoodId: null });
        }
      })().catch((err: unknown) => app.log.warn({ err }, 'mirror warm-up failed'));
    });
  }

  /** The protected answer for a request: every number that leaves the server comes from here. */
  function mirrorFor(
    request: FastifyRequest,
    q: MirrorQueryT,
    forcedGroupings?: string[][],
  ): Promise<MirrorAnswer & { scope: MirrorScopeKey; pop: LoadedPopulation }> {
    return heavy.run(currentUser(request).id, () => computeMirror(request, q, forcedGroupings));
  }

  async function computeMirror(
    request: FastifyRequest,
    q: MirrorQueryT,
    forcedGroupings?: string[][],
  ): Promise<MirrorAnswer & { scope: MirrorScopeKey; pop: LoadedPopulation }> {
    const user = currentUser(request);
    const scope = scopeFor(user, q);
    const pop = await service.population(scope, q.refresh === true);
    refuseSmall(pop.table.size, q);
    const allowed = groundsFor(user).map((g) => g.key);
    const groupings =
      forcedGroupings ?? apiSelection(() => parseGroupings(q.ground, allowed, q.intersections === true));
    const answer = buildMirrorAnswer({
      table: pop.table,
      groupings,
      threshold,
      protection: rules,
      extraGrounds: pop.organisationGrounds,
      quality: pop.quality,
    });
    return { ...answer, scope, pop };
  }

  app.get(
    '/spiegel/options',
    {
      preHandler: requireRole(...MIRROR_ROLES),
      schema: {
        tags: ['spiegel'],
        summary: 'Keuzes voor de spiegel: perioden, kenmerken, fasen, teams',
        response: { 200: MirrorOptions, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const years = await db.query<{ y: number }>(
        `SELECT DISTINCT extract(year FROM d)::int AS y FROM (
         SELECT start_date AS d FROM benefit_period b JOIN client c ON c.id = b.client_id WHERE c.municipality_id = $1) s ORDER BY y`,
        [user.municipalityId],
      );
      const teams =
        user.role === 'beleidsmedewerker' || user.role === 'onderzoeker'
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
        threshold,
        perConsultant: user.role === 'teamleider',
      };
    },
  );

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
      const { scope, result, quality, narrative, benchmark } = await mirrorFor(request, request.query);
      return { scope, result, narrative, quality, benchmark };
    },
  );

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
      return heavy.run(user.id, async () => {
        const pop = await service.population(scopeFor(user, q));
        refuseSmall(pop.table.size, q);
        const def = GROUNDS.find((g) => g.key === q.ground)!;
        if (q.reference && q.reference !== LARGEST_GROUP && !def.groups.includes(q.reference))
          throw invalid({ name: 'reference', reason: `"${q.reference}" is geen groep van ${def.label}.` });
        return adjustedComparison(pop.table, {
          stage: q.stage,
          ground: q.ground,
          covariates,
          reference: q.reference,
          protection: rules,
        });
      });
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
      const user = currentUser(request);
      const allowed = groundsFor(user).map((g) => g.key);
      const groupings = apiSelection(() => parseGroupings(request.query.ground, allowed));
      if (user.role === 'teamleider') groupings.push(['klantmanager']);
      // policy officers and researchers compare the teams (never single consultants)
      else if ((user.role === 'beleidsmedewerker' || user.role === 'onderzoeker') && request.query.team === undefined)
        groupings.push(['team']);
      const { scope, result } = await mirrorFor(request, request.query, groupings);
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

  app.get(
    '/spiegel/export.csv',
    {
      preHandler: requireRole(...MIRROR_ROLES),
      schema: { tags: ['spiegel'], summary: 'De spiegel als CSV', querystring: MirrorQuery },
    },
    async (request, reply) => {
      const { result } = await mirrorFor(request, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="kansenspiegel.csv"')
        .send(mirrorToCsv(result));
    },
  );

  /** The self-contained report for the same query as the page (HTML, and printed to PDF). */
  async function reportFor(request: FastifyRequest, q: MirrorQueryT) {
    const { result, narrative, benchmark, pop, scope } = await mirrorFor(request, q);
    const user = currentUser(request);
    const date = (iso: string) =>
      new Date(`${iso}T12:00:00Z`).toLocaleDateString('nl-NL', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
    const period = `${date(scope.from)} t/m ${date(scope.to)}`;
    const subtitle = `${user.municipalityName}, ${period}${scope.teamId ? ' (één team)' : ''}${scope.neighbourhoodId ? ' (één wijk)' : ''}: ${result.population.toLocaleString('nl-NL')} mensen met bijstand (afgerond).`;
    const html = mirrorToHtml({
      title: 'Kansenspiegel',
      subtitle,
      result,
      narrative,
      benchmark,
      extraGrounds: pop.organisationGrounds,
      generatedAt: new Date().toISOString().slice(0, 10),
    });
    return { html, footer: `Kansenspiegel ${user.municipalityName}, ${period}` };
  }

  app.get(
    '/spiegel/export.html',
    {
      preHandler: requireRole(...MIRROR_ROLES),
      schema: { tags: ['spiegel'], summary: 'De spiegel als zelfstandig HTML-rapport', querystring: MirrorQuery },
    },
    async (request, reply) => {
      const { html } = await reportFor(request, request.query);
      // the report is self-contained and has no scripts
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .send(html);
    },
  );

  app.get(
    '/spiegel/export.pdf',
    {
      preHandler: requireRole(...MIRROR_ROLES),
      schema: {
        tags: ['spiegel'],
        summary: 'De spiegel als PDF (het HTML-rapport, afgedrukt door Chromium)',
        querystring: MirrorQuery,
        response: problems(400, 401, 403, 503),
      },
    },
    async (request, reply) => {
      const { html, footer } = await reportFor(request, request.query);
      let pdf: Buffer;
      try {
        pdf = await heavy.run(currentUser(request).id, () => htmlToPdf(html, { footer, landscape: true }));
      } catch (err) {
        if (!(err instanceof PdfUnavailableError)) throw err;
        request.log.warn({ err }, 'pdf unavailable');
        return reply.status(503).type('application/problem+json').send({
          type: 'https://kansenspiegel.nl/problemen/pdf_unavailable',
          title: 'Een PDF maken kan nu niet: het afdrukprogramma (Chromium) ontbreekt op de server.',
          status: 503,
          code: 'PDF_UNAVAILABLE',
          detail:
            'Download het HTML-rapport en druk dat af vanuit uw browser, of vraag de functioneel beheerder om Chromium te installeren.',
          instance: request.url,
        });
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="kansenspiegel.pdf"')
        .send(pdf);
    },
  );
};
