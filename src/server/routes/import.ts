import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { importRepository, databaseQuality } from '../../store/import.js';
import { ENTITIES, isEntity } from '../../import/entities.js';
import { parseMapping, type MappingFile } from '../../import/mapping.js';
import { rejectionsCsv, runImport } from '../../import/run.js';
import { ApiError, invalid } from '../errors.js';
import { currentUser, requireRole } from '../auth.js';
import { IdParams, problems } from '../schemas/common.js';
import { DatabaseQuality } from '../schemas/avg.js';
import { todayIso } from '../../domain/dates.js';

export const IMPORT_CONTENT_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const ImportRunSchema = Type.Object({
  id: Type.Integer(),
  entity: Type.String(),
  fileName: Type.String(),
  dryRun: Type.Boolean(),
  status: Type.String({ description: 'bezig | klaar | proef | mislukt | afgebroken' }),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  rowsTotal: Type.Integer(),
  rowsValid: Type.Integer(),
  rowsRejected: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  quality: Type.Unknown({
    description:
      'Datakwaliteit van dit bestand: ontbrekende waarden per veld, onmogelijke datums, dubbele personen, onbekende codes',
  }),
  error: Type.Union([Type.String(), Type.Null()]),
});

/**
 * Imports of municipal extracts (functioneel beheerder): POST /imports with the file as the raw
 * body (CSV or XLSX), the run and its data-quality report, the rejected rows as CSV; and the
 * data-quality report of the whole database.
 */
export const importRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const repo = importRepository(db);
  // Runs left 'bezig' by a process that stopped mid-import wrote nothing (one transaction).
  await repo.markInterrupted();
  app.addContentTypeParser(IMPORT_CONTENT_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/imports',
    {
      preHandler: requireRole('beheerder'),
      bodyLimit: 1024 * 1024 * 1024,
      schema: {
        tags: ['import'],
        summary: 'Een extract importeren (CSV met ; of ,, UTF-8 of Windows-1252, of XLSX) als ruwe body',
        querystring: Type.Object({
          entity: Type.Unsafe<string>({ type: 'string', enum: [...ENTITIES] }),
          dryRun: Type.Optional(Type.Boolean({ description: 'Proef: alles controleren en tellen, niets opslaan' })),
          fileName: Type.Optional(Type.String({ maxLength: 200 })),
          mapping: Type.Optional(
            Type.String({ maxLength: 20000, description: 'De koppeling als JSON (bronkolom → veld, per onderdeel)' }),
          ),
        }),
        response: { 201: ImportRunSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const q = request.query;
      if (!isEntity(q.entity)) throw invalid({ name: 'entity', reason: `Kies uit: ${ENTITIES.join(', ')}.` });
      let mapping: MappingFile | undefined;
      if (q.mapping) {
        try {
          mapping = parseMapping(JSON.parse(q.mapping));
        } catch (err) {
          throw invalid({
            name: 'mapping',
            reason: err instanceof SyntaxError ? 'Dit is geen geldige JSON.' : (err as Error).message,
          });
        }
      }
      const body = request.body as unknown;
      if (!(body instanceof Readable))
        throw invalid({ name: 'body', reason: 'Stuur het bestand als body (Content-Type text/csv of het XLSX-type).' });
      // The upload goes to a temporary file first, so a slow import never holds the upload open.
      const dir = await mkdtemp(join(tmpdir(), 'ks-import-'));
      const file = join(dir, 'extract');
      try {
        await pipeline(body, createWriteStream(file));
        const summary = await runImport(db, createReadStream(file, { highWaterMark: 256 * 1024 }), {
          entity: q.entity,
          municipalityId: user.municipalityId,
          fileName: q.fileName ?? '',
          dryRun: q.dryRun ?? false,
          mapping,
          userId: user.id,
          onProgress: (rows, id) => {
            if (rows % 50_000 < 1000) request.log.info({ importId: id, rows }, 'import voortgang');
          },
        });
        const run = await repo.get(summary.id, user.municipalityId);
        return reply.status(201).send(run!);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.get(
    '/imports',
    {
      preHandler: requireRole('beheerder'),
      schema: {
        tags: ['import'],
        summary: 'De laatste imports',
        response: { 200: Type.Object({ items: Type.Array(ImportRunSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await repo.list(currentUser(request).municipalityId) }),
  );

  app.get(
    '/imports/:id',
    {
      preHandler: requireRole('beheerder'),
      schema: {
        tags: ['import'],
        summary: 'Een import met zijn datakwaliteitsrapport',
        params: IdParams,
        response: { 200: ImportRunSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const run = await repo.get(request.params.id, currentUser(request).municipalityId);
      if (!run) throw new ApiError('NOT_FOUND');
      return run;
    },
  );

  app.get(
    '/imports/:id/rejected.csv',
    {
      preHandler: requireRole('beheerder'),
      schema: {
        tags: ['import'],
        summary: 'Afgekeurde regels als CSV (regel;veld;reden)',
        params: IdParams,
        produces: ['text/csv'],
        response: { ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const run = await repo.get(request.params.id, currentUser(request).municipalityId);
      if (!run) throw new ApiError('NOT_FOUND');
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${run.id}-afgekeurd.csv"`);
      return reply.send(Readable.from(rejectionsCsv(db, run.id)));
    },
  );

  app.get(
    '/data-quality',
    {
      preHandler: requireRole('beheerder', 'beleidsmedewerker', 'onderzoeker'),
      schema: {
        tags: ['import'],
        summary:
          'Datakwaliteit van de hele database (alleen aantallen): ontbrekende waarden, onmogelijke datums, dubbele personen, codes buiten de catalogus',
        response: { 200: DatabaseQuality, ...problems(401, 403) },
      },
    },
    async (request) => databaseQuality(db, currentUser(request).municipalityId, todayIso()),
  );
};
