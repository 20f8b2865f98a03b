import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { caseloadRepository, type CaseloadItem } from '../../../store/casefile/caseload.js';
import { organisationRepository } from '../../../store/casefile/catalogue.js';
import { writeAudit, writeListRead } from '../../../store/audit.js';
import { CASE_FILE_ROLES } from '../../../domain/roles.js';
import { BOTTOM_OF_PILE_DAYS } from '../../../domain/casefile-rules.js';
import { ApiError, invalid } from '../../errors.js';
import { currentUser, requireRole } from '../../auth.js';
import { todayIso } from '../../../domain/dates.js';
import { questionnaireRepository } from '../../../store/questionnaire.js';
import { actionableWave, waveStatuses } from '../../../questionnaire/schedule.js';
import { problems } from '../../schemas/common.js';
import { createReadCache, noReadCache, sendSerialised, serialisedBody, type ReadCache } from '../../read-cache.js';
import type { VersionedDb } from '../../../store/data-version.js';
import type { SessionUser } from '../../../store/users.js';
import {
  BottomOfPile,
  Caseload,
  CaseloadQuery,
  TeamOverview,
  TeamPage,
  type TeamOverviewAnswer,
} from '../../schemas/casefile.js';

/** Per consultant of the team (and one row for clients without one, when there are any). */
function overviewRows(
  consultants: { id: number; name: string }[],
  items: CaseloadItem[],
): TeamOverviewAnswer['consultants'] {
  const rows = new Map<number | null, TeamOverviewAnswer['consultants'][number]>();
  const row = (id: number | null, name: string) => ({
    consultantId: id,
    name,
    activeClients: 0,
    onHoldClients: 0,
    conversationsLast90Days: 0,
    instrumentsStartedLast12Months: 0,
    onderOpDeStapel: 0,
  });
  for (const c of consultants) rows.set(c.id, row(c.id, c.name));
  for (const item of items) {
    let r = rows.get(item.consultantId);
    if (!r) {
      r = row(item.consultantId, item.consultantName ?? 'Zonder klantmanager');
      rows.set(item.consultantId, r);
    }
    if (item.status === 'actief') r.activeClients += 1;
    if (item.status === 'on-hold') r.onHoldClients += 1;
    r.conversationsLast90Days += item.conversationsLast90Days;
    r.instrumentsStartedLast12Months += item.instrumentsStartedLast12Months;
    if (item.flags.onderOpDeStapel) r.onderOpDeStapel += 1;
  }
  return [...rows.values()];
}

/** The team's clients without a conversation for a long time, longest first. */
function bottomOfPile(items: CaseloadItem[]) {
  return items
    .filter((c) => c.flags.onderOpDeStapel)
    .sort((a, b) => b.daysWithoutConversation - a.daysWithoutConversation || a.id - b.id)
    .map((c) => ({
      id: c.id,
      name: c.name,
      consultantId: c.consultantId,
      consultantName: c.consultantName,
      lastConversation: c.lastConversation,
      daysWithoutConversation: c.daysWithoutConversation,
    }));
}

/** The daily overview: a consultant's caseload, and the team leader's view of the team. */
export const caseloadRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, readCache }) => {
  const caseload = caseloadRepository(db);
  const organisation = organisationRepository(db);

  // the caseload as sent (serialised once) and the clients in it, for the audit row
  const kept: ReadCache<{ clientIds: number[]; body: Buffer }> = readCache
    ? createReadCache({ max: 500, version: () => (db as VersionedDb).dataVersion() })
    : noReadCache();

  /** The caseload with each client's measurement moment to act on (one query for all). */
  async function caseloadWithWaves(user: SessionUser, today: string, consultantId?: number) {
    const items = await caseload.list(user, today, { consultantId });
    const questionnaires = questionnaireRepository(db);
    const [due, settings] = await Promise.all([
      questionnaires.dueRows(user),
      questionnaires.settings(user.municipalityId),
    ]);
    const byClient = new Map(due.map((d) => [d.clientId, d]));
    for (const item of items) {
      const d = byClient.get(item.id);
      const wave = d ? actionableWave(waveStatuses(d.start, today, d.records, settings, d.endedOn)) : null;
      item.flags.meetmomentNodig = wave ? { wave: wave.wave, status: wave.status, dueOn: wave.dueOn } : null;
    }
    return items;
  }

  /** The team leader's team: the overview per consultant, and the caseload it was counted from. */
  async function teamOverview(user: SessionUser) {
    const [consultants, items] = await Promise.all([
      organisation.consultantsOfTeam(user.teamId!),
      caseload.list(user, todayIso()),
    ]);
    const overview = {
      teamId: user.teamId!,
      teamName: user.teamName ?? '',
      consultants: overviewRows(consultants, items),
    };
    return { overview, items };
  }

  app.get(
    '/caseload',
    {
      preHandler: requireRole(...CASE_FILE_ROLES),
      schema: {
        tags: ['caseload'],
        summary: 'Caseload met status, gesprekken en signalen (consulent: eigen klanten; teamleider: het team)',
        querystring: CaseloadQuery,
        response: { 200: Caseload, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { consultantId } = request.query;
      if (consultantId !== undefined && user.role === 'consultant' && consultantId !== user.id)
        throw new ApiError('FORBIDDEN_ROLE');
      if (consultantId !== undefined && user.role === 'teamleider') {
        const inTeam = (await organisation.consultantsOfTeam(user.teamId!)).some((c) => c.id === consultantId);
        if (!inTeam) throw invalid({ name: 'consultantId', reason: 'Deze klantmanager hoort niet bij uw team.' });
      }
      const today = todayIso();
      const key = `${user.id}|${user.role}|${user.teamId ?? ''}|${today}|${consultantId ?? ''}`;
      const { clientIds, body } = await kept.remember(key, async () => {
        const items = await caseloadWithWaves(user, today, consultantId);
        return { clientIds: items.map((c) => c.id), body: serialisedBody(reply, { items, total: items.length }) };
      });
      await writeListRead(db, { userId: user.id, resource: 'caseload', clientIds });
      return sendSerialised(reply, body);
    },
  );

  app.get(
    '/team/overview',
    {
      preHandler: requireRole('teamleider'),
      schema: {
        tags: ['team'],
        summary:
          'Per klantmanager: actieve klanten, gesprekken (90 dagen), gestarte voorzieningen (12 maanden), onder op de stapel',
        response: { 200: TeamOverview, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { overview } = await teamOverview(user);
      // Counts only, no person: one audit row for the team, not one per client.
      await writeAudit(db, [
        { userId: user.id, clientId: null, action: 'read', resource: 'team-overview', detail: `team ${user.teamId}` },
      ]);
      return overview;
    },
  );

  app.get(
    '/team/bottom-of-pile',
    {
      preHandler: requireRole('teamleider'),
      schema: {
        tags: ['team'],
        summary: `Klanten van het team die ${BOTTOM_OF_PILE_DAYS} dagen of langer geen gesprek hadden (onder op de stapel)`,
        response: { 200: BottomOfPile, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const items = bottomOfPile(await caseload.list(user, todayIso()));
      await writeListRead(db, { userId: user.id, resource: 'bottom-of-pile', clientIds: items.map((c) => c.id) });
      return { items, total: items.length };
    },
  );

  app.get(
    '/team/pagina',
    {
      preHandler: requireRole('teamleider'),
      schema: {
        tags: ['team'],
        summary:
          'Alles voor de teampagina in één keer: het overzicht per klantmanager, onder op de stapel en de klanten van het team om een casus te kiezen',
        response: { 200: TeamPage, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      // one pass over the team's caseload for all three parts of the page
      const { overview, items } = await teamOverview(user);
      const clients = items.map((c) => ({
        id: c.id,
        name: c.name,
        birthDate: c.birthDate,
        consultantName: c.consultantName,
      }));
      // The picker lists every client of the team (the bottom of the pile is a part of them).
      await writeListRead(db, { userId: user.id, resource: 'team-page', clientIds: clients.map((c) => c.id) });
      return {
        overview,
        bottom: { items: bottomOfPile(items), total: items.filter((c) => c.flags.onderOpDeStapel).length },
        clients,
      };
    },
  );
};
