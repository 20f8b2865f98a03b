import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { FEATURE_ROLES } from '../../../domain/roles.js';
import { proposalsRepository } from '../../../store/employers/proposals.js';
import { tracksRepository } from '../../../store/employers/tracks.js';
import { writeAudit } from '../../../store/audit.js';
import { requireClientAccess } from '../../client-access.js';
import { currentUser, requireRole } from '../../auth.js';
import { ApiError, invalid } from '../../errors.js';
import { todayIso } from '../../formats.js';
import { IdParams, NoContent, problems } from '../../schemas/common.js';
import { Created } from '../../schemas/clients.js';
import {
  NewSignalBody,
  NewTrackBody,
  SignalList,
  SignalSeenBody,
  WorkProfile,
  WorkProfileBody,
} from '../../schemas/werkgevers.js';
import { changeWithAudit, notBefore, requireText } from '../casefile/shared.js';
import { auditReads, requireOwnClient } from './shared.js';

const TAG = ['werkgevers'];
const clean = (words: readonly string[]) => [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))];

/** A client's work profile (for matching), external tracks and the lead party's signals. */
export const trackRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const clientAccess = requireClientAccess(db);

  app.get(
    '/clients/:id/werkprofiel',
    {
      preHandler: clientAccess,
      schema: {
        tags: TAG,
        summary: 'Werkprofiel en externe trajecten van een klant',
        params: IdParams,
        response: { 200: WorkProfile, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const id = request.params.id;
      await auditReads(db, user, [id], 'client_work_profile');
      return {
        clientId: id,
        profile: await proposalsRepository(db).profile(id),
        tracks: await tracksRepository(db).forClient(id),
      };
    },
  );

  app.put(
    '/clients/:id/werkprofiel',
    {
      preHandler: clientAccess,
      schema: {
        tags: TAG,
        summary: 'Werkprofiel vastleggen: competenties, ervaring, uren, bereikbare plaatsen en eigen wensen',
        params: IdParams,
        body: WorkProfileBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      if (b.hoursMin > b.hoursMax)
        throw invalid({ name: 'hoursMin', reason: 'Het minimum aantal uren is groter dan het maximum.' });
      if (b.hoursMax === 0)
        throw invalid({ name: 'hoursMax', reason: 'Het maximum aantal uren moet meer dan 0 zijn.' });
      await changeWithAudit(db, user, request.params.id, 'update', 'client_work_profile', (tx) =>
        proposalsRepository(tx).saveProfile(request.params.id, {
          competences: clean(b.competences),
          experience: clean(b.experience),
          hoursMin: b.hoursMin,
          hoursMax: b.hoursMax,
          reachablePlaces: clean(b.reachablePlaces),
          wishedSectors: clean(b.wishedSectors),
          wishes: b.wishes?.trim() ?? '',
          updatedOn: todayIso(),
        }),
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/clients/:id/trajecten',
    {
      preHandler: clientAccess,
      schema: {
        tags: TAG,
        summary: 'Extern traject met de partij die het leidt',
        params: IdParams,
        body: NewTrackBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const b = request.body;
      requireText('leadParty', b.leadParty);
      requireText('name', b.name);
      const row = await changeWithAudit(db, user, request.params.id, 'create', 'external_track', (tx) =>
        tracksRepository(tx).add(request.params.id, {
          leadParty: b.leadParty.trim(),
          name: b.name.trim(),
          startedOn: b.startedOn,
        }),
      );
      return reply.status(201).send(row);
    },
  );
};

/** The lead party's signals, as caseload signals for the consultant. */
export const signalRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const workers = requireRole(...FEATURE_ROLES.employers);

  app.post(
    '/trajecten/:id/signalen',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Signaal van de leidende partij: niet verschenen, uitgevallen of werk gevonden',
        params: IdParams,
        body: NewSignalBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const track = await tracksRepository(db).find(request.params.id);
      if (!track) throw new ApiError('NOT_FOUND', 'Dit traject bestaat niet.');
      await requireOwnClient(db, user, track.clientId, 'POST /trajecten/:id/signalen');
      notBefore(
        'signalledOn',
        request.body.signalledOn,
        track.startedOn,
        `De datum ligt vóór de start van het traject (${track.startedOn}).`,
      );
      const row = await changeWithAudit(db, user, track.clientId, 'create', 'track_signal', (tx) =>
        tracksRepository(tx).addSignal(track.id, {
          kind: request.body.kind,
          signalledOn: request.body.signalledOn,
          note: request.body.note?.trim() ?? '',
        }),
      );
      return reply.status(201).send(row);
    },
  );

  app.get(
    '/signalen',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Signalen van externe trajecten voor de eigen klanten (nog niet gezien)',
        response: { 200: SignalList, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const items = await tracksRepository(db).openSignals(user);
      await auditReads(
        db,
        user,
        items.map((s) => s.clientId),
        'track_signal',
      );
      return { items };
    },
  );

  app.patch(
    '/signalen/:id',
    {
      preHandler: workers,
      schema: {
        tags: TAG,
        summary: 'Signaal gezien',
        params: IdParams,
        body: SignalSeenBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const signal = await tracksRepository(db).signalClient(request.params.id);
      if (!signal) throw new ApiError('NOT_FOUND', 'Dit signaal bestaat niet.');
      await requireOwnClient(db, user, signal.clientId, 'PATCH /signalen/:id');
      if (signal.seenOn !== null)
        throw invalid({ name: 'seenOn', reason: `Dit signaal is al gezien op ${signal.seenOn}.` });
      await db.transaction(async (tx) => {
        await tracksRepository(tx).markSeen(request.params.id, request.body.seenOn, user.id);
        await writeAudit(tx, [
          {
            userId: user.id,
            clientId: signal.clientId,
            action: 'update',
            resource: 'track_signal',
            detail: `signaal ${request.params.id} gezien`,
          },
        ]);
      });
      return reply.status(204).send();
    },
  );
};
