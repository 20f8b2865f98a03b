import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { clientFileRepository } from '../../../store/casefile/client-file.js';
import { createReadCache, noReadCache, sendSerialised, serialisedBody, type ReadCache } from '../../read-cache.js';
import type { VersionedDb } from '../../../store/data-version.js';
import { recordsRepository, type EditableClientField } from '../../../store/casefile/records.js';
import { writeAudit } from '../../../store/audit.js';
import { intervisionSummary, statusFromPeriods } from '../../../domain/casefile-rules.js';
import { ApiError, invalid } from '../../errors.js';
import { currentUser, requireRole } from '../../auth.js';
import { requireClientAccess } from '../../client-access.js';
import { todayIso } from '../../../domain/dates.js';
import { IdParams, problems } from '../../schemas/common.js';
import { ClientFile, ClientPatchBody, IntervisionSummary, NewVersion } from '../../schemas/casefile.js';
import { changeWithAudit, requireText } from './shared.js';

/**
 * Free text in the case description (reasons for a diagnosis or an instrument, goals of a plan)
 * can hold health details, which an intervision group should not get. They are left out unless
 * the team leader confirms that this file's texts hold none.
 */
function withoutFreeText(summary: ReturnType<typeof intervisionSummary>, confirmed: boolean) {
  const texts =
    summary.diagnoses.filter((d) => d.reasons).length +
    summary.plans.reduce((n, p) => n + p.goals.length, 0) +
    summary.instruments.filter((a) => a.reason).length;
  if (confirmed) return { ...summary, freeText: { included: true, leftOut: 0 } };
  return {
    ...summary,
    diagnoses: summary.diagnoses.map((d) => ({ ...d, reasons: '' })),
    plans: summary.plans.map((p) => ({ ...p, goals: [] })),
    instruments: summary.instruments.map((a) => ({ ...a, reason: '' })),
    freeText: { included: false, leftOut: texts },
  };
}

/** The whole case file of one client, its anonymised summary for intervision, and edits of personal data. */
export const clientFileRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, readCache }) => {
  const files = clientFileRepository(db);
  // the file is the same for everyone allowed to read it; access is checked before, per request
  // the file as sent (serialised once, with the status of the day), or null when there is none
  const kept: ReadCache<{ clientId: number; body: Buffer } | null> = readCache
    ? createReadCache({ max: 2000, version: () => (db as VersionedDb).dataVersion() })
    : noReadCache();
  const clientAccess = requireClientAccess(db);

  app.get(
    '/clients/:id/file',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Het hele dossier van een klant (zonder bijzondere persoonsgegevens)',
        params: IdParams,
        response: { 200: ClientFile, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const today = todayIso();
      const file = await kept.remember(`${request.params.id}|${today}`, async () => {
        const read = await files.read(request.params.id);
        if (!read) return null;
        const status = statusFromPeriods(read.benefitPeriods, read.onHoldPeriods, today);
        return { clientId: read.client.id, body: serialisedBody(reply, { ...read, status }) };
      });
      if (!file) throw new ApiError('NOT_FOUND');
      await writeAudit(db, [{ userId: user.id, clientId: file.clientId, action: 'read', resource: 'client-file' }]);
      return sendSerialised(reply, file.body);
    },
  );

  app.get(
    '/clients/:id/intervision-summary',
    {
      preHandler: [requireRole('teamleider'), clientAccess],
      schema: {
        tags: ['team'],
        summary: 'Geanonimiseerde casusbeschrijving voor intervisie (teamleider, eigen team)',
        params: IdParams,
        querystring: Type.Object({
          geenGezondheidsgegevens: Type.Optional(
            Type.Boolean({
              description:
                'De teamleider bevestigt dat de vrije teksten van dit dossier geen gezondheidsgegevens bevatten; alleen dan komen ze in de casus',
            }),
          ),
        }),
        response: { 200: IntervisionSummary, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const file = await files.read(request.params.id);
      if (!file) throw new ApiError('NOT_FOUND');
      const confirmed = request.query.geenGezondheidsgegevens === true;
      const summary = withoutFreeText(intervisionSummary(file, todayIso()), confirmed);
      await writeAudit(db, [
        {
          userId: user.id,
          clientId: file.client.id,
          action: 'export',
          resource: 'intervision-summary',
          detail: confirmed
            ? 'met vrije tekst: teamleider bevestigde dat die geen gezondheidsgegevens bevat'
            : 'zonder vrije tekst',
        },
      ]);
      return summary;
    },
  );

  app.patch(
    '/clients/:id',
    {
      preHandler: clientAccess,
      schema: {
        tags: ['dossier'],
        summary: 'Persoonsgegevens wijzigen (met versienummer; verouderd geeft 409 CONFLICT_VERSION)',
        params: IdParams,
        body: ClientPatchBody,
        response: { 200: NewVersion, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { version, ...changes } = request.body;
      const fields = Object.keys(changes) as EditableClientField[];
      if (fields.length === 0) throw invalid({ name: 'body', reason: 'Geef minstens één gegeven om te wijzigen.' });
      if (changes.givenName !== undefined) requireText('givenName', changes.givenName);
      if (changes.familyName !== undefined) requireText('familyName', changes.familyName);
      const newVersion = await changeWithAudit(
        db,
        user,
        request.params.id,
        'update',
        'client',
        async (tx) => {
          const result = await recordsRepository(tx).updateClient(request.params.id, version, changes);
          if (result === null) throw new ApiError('CONFLICT_VERSION');
          return result;
        },
        () => `velden: ${fields.join(', ')}`,
      );
      return { version: newVersion };
    },
  );
};
