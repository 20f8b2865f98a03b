/**
 * Measurement moments (meetmomenten): scheduling per client and for the caseload, filling in
 * the questionnaire by one-time link, in kiosk mode or read out by the consultant, and the
 * outcome mirror for policy officers, researchers and team leaders.
 *
 * Kiosk mode: starting it ends the consultant's session in this browser and gives the page a
 * kiosk token of its own, valid for one wave of one client. With that token the page can load
 * and submit the questionnaire and nothing else: no case-file API accepts it. Leaving kiosk mode
 * takes the consultant's password again (POST /kiosk/exit), which starts a new session.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../store/db.js';
import type { AppContext } from '../context.js';
import type { RouteApp } from './route-app.js';
import { questionnaireRepository, loadOutcomeRows } from '../../store/questionnaire.js';
import { sessionsRepository } from '../../store/users.js';
import { writeAudit, writeListRead } from '../../store/audit.js';
import { createHeavyGate } from '../workers/gate.js';
import { CASE_FILE_ROLES, FEATURE_ROLES } from '../../domain/roles.js';
import {
  CURRENT_QUESTIONNAIRE,
  QUESTIONNAIRE_LANGS,
  WAVES,
  type Answers,
  type Mode,
  type QuestionnaireLang,
  type Wave,
} from '../../questionnaire/definition.js';
import { validateAnswers } from '../../questionnaire/validate.js';
import { actionableWave, addDays, dueDates, waveStatuses } from '../../questionnaire/schedule.js';
import { computeOutcomes, toOutcomePersons } from '../../mirror/outcomes.js';
import { SelectionError, parsePublishedPeriod } from '../../mirror/selection.js';
import { protectionRules } from '../../mirror/disclosure.js';
import { checkLoginLimit, passwordLogin } from '../session-start.js';
import { ApiError, invalid } from '../errors.js';
import { SESSION_COOKIE, currentUser, hashToken, newToken, requireRole } from '../auth.js';
import { requireClientAccess } from '../client-access.js';
import { todayIso } from '../../domain/dates.js';
import { Enum, NoContent, problems } from '../schemas/common.js';
import { SessionAnswer } from '../schemas/session.js';
import { OutcomesAnswer } from '../schemas/spiegel.js';
import {
  ClientMeasurements,
  KioskStart,
  MeasurementsDue,
  QuestionnaireByToken,
  QuestionnaireDefinition,
  QuestionnaireLink,
} from '../schemas/questionnaire.js';

const KIOSK_HOURS = 4;
/** The limiter's name for attempts with a kiosk token that is unknown or has ended. */
const ENDED_KIOSK = '\u0000kiosk-token';

const ClientWaveParams = Type.Object({ id: Type.Integer({ minimum: 1 }), wave: Enum(WAVES) });
const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) });
const AnswersBody = Type.Object(
  {
    language: Enum(QUESTIONNAIRE_LANGS),
    answers: Type.Record(Type.String({ maxLength: 60 }), Type.Unknown()),
  },
  { additionalProperties: false },
);

const OUTCOME_ROLES = FEATURE_ROLES.outcomes;

type QuestionnaireStore = ReturnType<typeof questionnaireRepository>;

/** The answers checked against the current questionnaire; a 400 names each wrong item. */
function checkAnswers(answers: unknown) {
  const problemsFound = validateAnswers(CURRENT_QUESTIONNAIRE, answers);
  if (problemsFound.length > 0)
    throw invalid(...problemsFound.map((p) => ({ name: `answers.${p.item}`, reason: p.reason })));
  return answers as Answers;
}

/** The wave row for a client, refusing a wave that was already filled in. */
async function openWave(store: QuestionnaireStore, clientId: number, wave: Wave) {
  const guidance = await store.guidance(clientId);
  if (!guidance)
    throw new ApiError(
      'NO_OPEN_BENEFIT',
      'Zonder uitkeringsperiode is er geen begin van de begeleiding en dus geen meetmoment.',
    );
  const row = await store.ensureWave(clientId, wave, CURRENT_QUESTIONNAIRE.version);
  if (row.completedOn) throw new ApiError('CONFLICT_DUPLICATE', 'Dit meetmoment is al ingevuld.');
  return { ...row, guidance };
}

/** Stores a response with its audit row (and uses up the link token), refusing a second one. */
async function submit(
  db: Db,
  config: AppContext['config'],
  p: {
    waveId: number;
    clientId: number;
    municipalityId: number;
    wave: Wave;
    version: number;
    mode: Mode;
    language: QuestionnaireLang;
    answers: Answers;
    userId: number;
    tokenHash?: string;
  },
) {
  const ok = await db.transaction(async (tx) => {
    const txStore = questionnaireRepository(tx);
    const done = await txStore.submit({
      waveId: p.waveId,
      clientId: p.clientId,
      municipalityId: p.municipalityId,
      wave: p.wave,
      definitionVersion: p.version,
      mode: p.mode,
      language: p.language,
      answers: p.answers,
      today: todayIso(),
      pseudonymSecret: config.pseudonymSecret,
    });
    if (!done) return false;
    if (p.tokenHash) await txStore.useToken(p.tokenHash);
    await writeAudit(tx, [
      {
        userId: p.userId,
        clientId: p.clientId,
        action: 'create',
        resource: 'questionnaire-response',
        detail: `${p.wave} ${p.mode}`,
      },
    ]);
    return true;
  });
  if (!ok) throw new ApiError('CONFLICT_DUPLICATE', 'Dit meetmoment is al ingevuld.');
}

/** A token that may still be used to fill in: unknown, expired, used or completed all answer 404. */
async function usableToken(store: QuestionnaireStore, token: string) {
  const info = await store.findToken(hashToken(token));
  if (!info || info.expired || info.used || info.completed)
    throw new ApiError('NOT_FOUND', 'Deze link is al gebruikt of verlopen.');
  return info;
}

export const questionnaireRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  const store = questionnaireRepository(db);
  await store.ensureDefinition(CURRENT_QUESTIONNAIRE);
  scheduleRoutes(app, ctx);
  staffFillInRoutes(app, ctx);
  respondentRoutes(app, ctx);
  settingsAndOutcomeRoutes(app, ctx);
};

/** The questionnaire's definition and the measurement moments per client and for the caseload. */
function scheduleRoutes(app: RouteApp, { db }: AppContext): void {
  const store = questionnaireRepository(db);

  app.get(
    '/questionnaire/definition',
    {
      preHandler: requireRole(...CASE_FILE_ROLES, 'beleidsmedewerker', 'onderzoeker'),
      schema: {
        tags: ['meetmomenten'],
        summary: 'De huidige vragenlijst (structuur; teksten staan in de vertaalbestanden)',
        response: { 200: QuestionnaireDefinition, ...problems(401, 403) },
      },
    },
    async () => CURRENT_QUESTIONNAIRE,
  );

  app.get(
    '/clients/:id/measurements',
    {
      preHandler: requireClientAccess(db),
      schema: {
        tags: ['meetmomenten'],
        summary: 'Meetmomenten T0/T1/T2 van een klant: wanneer, status, wijze van invullen (geen antwoorden)',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: ClientMeasurements, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const clientId = request.params.id;
      const guidance = await store.guidance(clientId);
      await writeAudit(db, [{ userId: user.id, clientId, action: 'read', resource: 'measurements' }]);
      if (!guidance) return { clientId, start: null, waves: [] };
      const settings = await store.settings(guidance.municipalityId);
      const waves = waveStatuses(
        guidance.start,
        todayIso(),
        await store.waveRecords(clientId),
        settings,
        guidance.endedOn,
      );
      return { clientId, start: guidance.start, waves };
    },
  );

  app.get(
    '/measurements/due',
    {
      preHandler: requireRole(...CASE_FILE_ROLES),
      schema: {
        tags: ['meetmomenten'],
        summary: 'Lijst van klanten met een meetmoment dat nu aan de beurt is (eigen klanten; teamleider: het team)',
        response: { 200: MeasurementsDue, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const today = todayIso();
      const settings = await store.settings(user.municipalityId);
      const items = [];
      for (const row of await store.dueRows(user)) {
        const statuses = waveStatuses(row.start, today, row.records, settings, row.endedOn);
        const now = actionableWave(statuses);
        if (now)
          items.push({
            clientId: row.clientId,
            name: row.name,
            start: row.start,
            wave: now.wave,
            dueOn: now.dueOn,
            status: now.status,
            sentOn: now.sentOn,
          });
      }
      items.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      await writeListRead(db, {
        userId: user.id,
        resource: 'measurements-due',
        clientIds: [...new Set(items.map((i) => i.clientId))],
      });
      return { items, total: items.length, settings: { t1Months: settings.t1Months, t2Months: settings.t2Months } };
    },
  );
}

/** Filling in with the consultant: sending a link, starting the kiosk, answers read out. */
function staffFillInRoutes(app: RouteApp, { db, config }: AppContext): void {
  const store = questionnaireRepository(db);
  const sessions = sessionsRepository(db);

  app.post(
    '/clients/:id/measurements/:wave/link',
    {
      preHandler: requireClientAccess(db),
      schema: {
        tags: ['meetmomenten'],
        summary: 'Maak een persoonlijke link (eenmalig, verloopt) voor dit meetmoment',
        params: ClientWaveParams,
        response: { 201: QuestionnaireLink, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id: clientId, wave } = request.params;
      const row = await openWave(store, clientId, wave);
      const settings = await store.settings(row.guidance.municipalityId);
      const token = newToken();
      const expiresAt = await store.createToken(hashToken(token), row.id, 'link', user.id, settings.linkDays * 24);
      await store.markSent(row.id, user.id, todayIso());
      await writeAudit(db, [
        { userId: user.id, clientId, action: 'create', resource: 'questionnaire-link', detail: wave },
      ]);
      return reply.status(201).send({ path: `/v/${token}`, expiresAt, wave });
    },
  );

  app.post(
    '/clients/:id/measurements/:wave/kiosk',
    {
      preHandler: requireClientAccess(db),
      schema: {
        tags: ['meetmomenten'],
        summary: 'Start de kioskmodus op deze laptop: de sessie stopt, de pagina krijgt alleen een vragenlijst-token',
        params: ClientWaveParams,
        response: { 201: KioskStart, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id: clientId, wave } = request.params;
      const row = await openWave(store, clientId, wave);
      const token = newToken();
      await store.createToken(hashToken(token), row.id, 'kiosk', user.id, KIOSK_HOURS);
      await writeAudit(db, [
        { userId: user.id, clientId, action: 'create', resource: 'questionnaire-kiosk', detail: wave },
      ]);
      // The consultant's session ends here: the kiosk page cannot reach the case file with it.
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await sessions.remove(hashToken(cookie));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(201).send({ kioskToken: token, wave, username: user.username });
    },
  );

  app.post(
    '/clients/:id/measurements/:wave/answers',
    {
      preHandler: requireClientAccess(db),
      schema: {
        tags: ['meetmomenten'],
        summary: 'Sla antwoorden op die de klantmanager heeft voorgelezen en ingevuld (wijze: voorgelezen)',
        params: ClientWaveParams,
        body: AnswersBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id: clientId, wave } = request.params;
      const answers = checkAnswers(request.body.answers);
      const row = await openWave(store, clientId, wave);
      await submit(db, config, {
        waveId: row.id,
        clientId,
        municipalityId: row.guidance.municipalityId,
        wave,
        version: CURRENT_QUESTIONNAIRE.version,
        mode: 'voorgelezen',
        language: request.body.language,
        answers,
        userId: user.id,
      });
      return reply.status(204).send();
    },
  );
}

/** The respondent's side: the questionnaire by link or kiosk token, and leaving the kiosk. */
function respondentRoutes(app: RouteApp, { db, config }: AppContext): void {
  const store = questionnaireRepository(db);

  app.get(
    '/vragenlijst/:token',
    {
      schema: {
        tags: ['meetmomenten'],
        summary: 'De vragenlijst bij een link of kiosk-token (geen inlog; geen persoonsgegevens)',
        params: TokenParams,
        security: [],
        response: { 200: QuestionnaireByToken, ...problems(400, 404) },
      },
    },
    async (request) => {
      const info = await usableToken(store, request.params.token);
      const definition = (await store.definition(info.definitionVersion)) ?? CURRENT_QUESTIONNAIRE;
      return { wave: info.wave, kind: info.kind, definition };
    },
  );

  app.post(
    '/vragenlijst/:token',
    {
      schema: {
        tags: ['meetmomenten'],
        summary: 'Antwoorden insturen met een link of kiosk-token (werkt één keer per meetmoment)',
        params: TokenParams,
        body: AnswersBody,
        security: [],
        response: { 204: NoContent, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const tokenHash = hashToken(request.params.token);
      const info = await usableToken(store, request.params.token);
      const answers = checkAnswers(request.body.answers);
      await submit(db, config, {
        waveId: info.waveId,
        clientId: info.clientId,
        municipalityId: info.municipalityId,
        wave: info.wave,
        version: info.definitionVersion,
        mode: info.kind === 'kiosk' ? 'kiosk' : 'link',
        language: request.body.language,
        answers,
        userId: info.createdBy,
        tokenHash,
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/kiosk/exit',
    {
      schema: {
        tags: ['meetmomenten'],
        summary: 'Kioskmodus verlaten met het wachtwoord van de klantmanager (start een nieuwe sessie)',
        security: [],
        body: Type.Object(
          {
            kioskToken: Type.String({ minLength: 20, maxLength: 100 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: SessionAnswer, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const tokenHash = hashToken(request.body.kioskToken);
      const info = await store.findToken(tokenHash);
      // Only a live kiosk token: one that ended (by leaving kiosk mode or by time) opens nothing.
      // Its attempts count in the same limiter as the log-in, under the consultant's name.
      if (!info || info.kind !== 'kiosk' || info.expired) {
        checkLoginLimit(app.loginLimiter, config, request, reply, ENDED_KIOSK);
        app.loginLimiter.fail(request.ip, ENDED_KIOSK, null);
        throw new ApiError('LOGIN_FAILED');
      }
      const [owner] = await db.query<{ username: string }>('SELECT username FROM app_user WHERE id = $1', [
        info.createdBy,
      ]);
      const session = await passwordLogin(
        db,
        config,
        app.loginLimiter,
        request,
        reply,
        owner.username,
        request.body.password,
        () => store.endKiosk(tokenHash),
      );
      return reply.status(201).send(session);
    },
  );
}

/** The municipality's settings and the outcome mirror. */
function settingsAndOutcomeRoutes(app: RouteApp, { db, config, heavyGate }: AppContext): void {
  const heavy = heavyGate ?? createHeavyGate({ perUser: 1, total: 2 });
  const store = questionnaireRepository(db);

  app.put(
    '/questionnaire/settings',
    {
      preHandler: requireRole('beheerder'),
      schema: {
        tags: ['meetmomenten'],
        summary: 'Tussenpozen van T1 en T2 (maanden na de start) en geldigheid van links (dagen)',
        body: Type.Object(
          {
            t1Months: Type.Integer({ minimum: 1, maximum: 36 }),
            t2Months: Type.Integer({ minimum: 2, maximum: 60 }),
            linkDays: Type.Integer({ minimum: 1, maximum: 90 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: NoContent, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      if (request.body.t2Months <= request.body.t1Months)
        throw invalid({ name: 't2Months', reason: 'T2 moet later komen dan T1.' });
      await store.saveSettings(user.municipalityId, request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/meetmomenten/uitkomsten',
    {
      preHandler: requireRole(...OUTCOME_ROLES),
      schema: {
        tags: ['meetmomenten'],
        summary: 'Uitkomsten T0 → T1 → T2 per groep, met gepaarde toetsen, respons en uitval (alleen geaggregeerd)',
        querystring: Type.Object({
          period: Type.Optional(
            Type.String({
              maxLength: 30,
              description: 'start van de begeleiding: een jaar (2025), kwartaal (2025-K1) of maand (2025-03)',
            }),
          ),
          team: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: OutcomesAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      let period;
      try {
        period = parsePublishedPeriod(request.query.period ?? String(new Date().getUTCFullYear() - 1));
      } catch (err) {
        throw invalid({
          name: 'period',
          reason:
            err instanceof SelectionError ? err.reason : 'Kies een jaar (2025), kwartaal (2025-K1) of maand (2025-03).',
        });
      }
      const ownTeam = user.role === 'teamleider';
      if (ownTeam && request.query.team !== undefined && request.query.team !== user.teamId)
        throw new ApiError('FORBIDDEN_ROLE', 'U ziet alleen de uitkomsten van uw eigen team.');
      const teamId = ownTeam ? user.teamId : (request.query.team ?? null);
      const settings = await store.settings(user.municipalityId);
      // heavy work: through the gate, one job per user at a time
      const report = await heavy.run(user.id, async () => {
        const rows = await loadOutcomeRows(
          db,
          { municipalityId: user.municipalityId, teamId, from: period.from, to: period.to },
          config.pseudonymSecret,
        );
        const countFrom = addDays(todayIso(), -settings.overdueDays);
        const persons = toOutcomePersons(rows, (start) => dueDates(start, settings), countFrom);
        return computeOutcomes(CURRENT_QUESTIONNAIRE, persons, {
          threshold: config.suppressionThreshold,
          protection: protectionRules(config.suppressionThreshold, config.roundingBase),
        });
      });
      const teams =
        user.role === 'teamleider'
          ? []
          : await db.query<{ id: number; name: string }>(
              'SELECT id, name FROM team WHERE municipality_id = $1 ORDER BY name',
              [user.municipalityId],
            );
      return {
        period: period.label,
        teamId,
        settings: { t1Months: settings.t1Months, t2Months: settings.t2Months },
        teams,
        report,
      };
    },
  );
}
