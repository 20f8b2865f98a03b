import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { SessionUser } from '../../store/users.js';
import { createMirrorService, type LoadedPopulation, type MirrorScopeKey } from '../mirror-service.js';
import { buildMirrorAnswer, type MirrorAnswer } from '../../mirror/answer.js';
import { MIN_SCOPE_FACTOR, protectionRules } from '../../mirror/disclosure.js';
import { narrate } from '../../mirror/narrative.js';
import { adjustedComparison, type AdjustedResult } from '../../mirror/adjusted.js';
import { createHeavyGate } from '../workers/gate.js';
import { GROUNDS, type GroundDef } from '../../mirror/grounds.js';
import { SelectionError, parseGroupings, parsePublishedPeriod } from '../../mirror/selection.js';
import { ApiError, invalid } from '../errors.js';
import { currentUser } from '../auth.js';

export const PERIOD = Type.String({
  maxLength: 30,
  description: 'een heel jaar (2025), kwartaal (2025-K1) of maand (2025-03)',
});

export const MirrorQuery = Type.Object({
  period: Type.Optional(PERIOD),
  ground: Type.Optional(
    Type.String({ maxLength: 500, description: 'kenmerken met komma; een kruising met * (bv. geslacht*leeftijd)' }),
  ),
  intersections: Type.Optional(Type.Boolean()),
  team: Type.Optional(Type.Integer({ minimum: 1 })),
  wijk: Type.Optional(Type.Integer({ minimum: 1 })),
  refresh: Type.Optional(Type.Boolean()),
  taal: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')], { description: 'taal van het verhaal' })),
});
export type MirrorQueryT = {
  period?: string;
  ground?: string;
  intersections?: boolean;
  team?: number;
  wijk?: number;
  refresh?: boolean;
  taal?: 'nl' | 'en';
};

/** The labour-market-relevant characteristics the adjusted comparison takes into account by default (as the page). */
export const DEFAULT_COVARIATES = ['leeftijd', 'opleiding', 'taalniveau', 'werkervaring', 'gezondheid'];

/** Grounds this user may see: consultants never get special categories (migration background, health...). */
export function groundsFor(user: SessionUser): GroundDef[] {
  return GROUNDS.filter((g) => user.role !== 'consultant' || !g.special);
}

/** Reads a choice of period or grounds; a wrong one is a 400 naming the field. */
export function apiSelection<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof SelectionError) throw invalid({ name: err.field, reason: err.reason });
    throw err;
  }
}

/** The scope a user may look at: consultants and team leaders only their own team. */
export function scopeFor(user: SessionUser, q: Pick<MirrorQueryT, 'period' | 'team' | 'wijk'>): MirrorScopeKey {
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

export type MirrorFor = MirrorAnswer & { scope: MirrorScopeKey; pop: LoadedPopulation };

/** The mirror's computations for the routes: every number that leaves the server comes from here. */
export function createSpiegelEngine({
  db,
  config,
  heavyGate,
  mirrorLoad,
}: Pick<AppContext, 'db' | 'config' | 'heavyGate' | 'mirrorLoad'>) {
  const service = createMirrorService(db, config, { load: mirrorLoad });
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

  /** The protected answer for a request, with the story in the language asked for (through the heavy-work gate). */
  function mirrorFor(request: FastifyRequest, q: MirrorQueryT, forcedGroupings?: string[][]): Promise<MirrorFor> {
    return heavy.run(currentUser(request).id, () => computeMirror(request, q, forcedGroupings));
  }

  async function computeMirror(
    request: FastifyRequest,
    q: MirrorQueryT,
    forcedGroupings?: string[][],
  ): Promise<MirrorFor> {
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
    if (q.taal === 'en') {
      const { missingDiagnosis, withoutConversation, rejectedRows } = answer.quality;
      answer.narrative = narrate(
        answer.result,
        {
          missingDiagnosis: missingDiagnosis ?? undefined,
          withoutConversation: withoutConversation ?? undefined,
          rejectedRows: rejectedRows ?? undefined,
        },
        { extraGrounds: pop.organisationGrounds, lang: 'en' },
      );
    }
    return { ...answer, scope, pop };
  }

  /** The groupings of the attention mirror: per team for policy, per consultant for a team leader. */
  function attentionGroupings(user: SessionUser, q: MirrorQueryT): string[][] {
    const allowed = groundsFor(user).map((g) => g.key);
    const groupings = apiSelection(() => parseGroupings(q.ground, allowed));
    if (user.role === 'teamleider') groupings.push(['klantmanager']);
    // policy officers and researchers compare the teams (never single consultants)
    else if ((user.role === 'beleidsmedewerker' || user.role === 'onderzoeker') && q.team === undefined)
      groupings.push(['team']);
    return groupings;
  }

  /** The adjusted comparison for a population already loaded and checked. */
  function adjustedFor(
    pop: LoadedPopulation,
    req: { stage: string; ground: string; covariates: string[]; reference?: string },
  ): AdjustedResult {
    return adjustedComparison(pop.table, { ...req, protection: rules });
  }

  return { service, heavy, threshold, rules, refuseSmall, mirrorFor, attentionGroupings, adjustedFor };
}

export type SpiegelEngine = ReturnType<typeof createSpiegelEngine>;
