import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { Db } from '../../store/db.js';
import type { Config } from '../../config.js';
import { importRepository, databaseQuality } from '../../store/import.js';
import { ENTITIES, isEntity, type EntityName } from '../../import/entities.js';
import { previewFile } from '../../import/preview.js';
import { parseMapping, type MappingFile } from '../../import/mapping.js';
import { rejectionsCsv, runImport } from '../../import/run.js';
import { ApiError, invalid } from '../errors.js';
import { currentUser, requireRole } from '../auth.js';
import { IdParams, problems } from '../schemas/common.js';
import { DatabaseQuality } from '../schemas/avg.js';
import { clearMirrorCaches } from '../mirror-service.js';
import { FilePreviewSchema, ImportRunSchema, ProgressSchema } from '../schemas/import.js';
import { todayIso } from '../../domain/dates.js';
import { pseudonymFor, recordKeyFor } from '../../domain/pseudonym.js';
import { personFactSources } from '../../store/register.js';
import { countFactSources, publishFactSources } from '../../mirror/fact-sources.js';
import { protectionRules, publishCount } from '../../mirror/disclosure.js';
import type { SessionUser } from '../../store/users.js';

/** The largest file the upload in Beheer accepts (the raw-body API keeps its own limit). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

interface Upload {
  dir: string;
  file: string;
  fileName: string;
  size: number;
  fields: Record<string, string>;
}

/** Receives a multipart upload: the one file to a temporary file, the other parts as fields. */
async function receiveUpload(request: FastifyRequest): Promise<Upload> {
  const dir = await mkdtemp(join(tmpdir(), 'ks-upload-'));
  const upload: Upload = { dir, file: join(dir, 'extract'), fileName: '', size: 0, fields: {} };
  let hasFile = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (hasFile) throw invalid({ name: 'file', reason: 'Stuur één bestand tegelijk.' });
        hasFile = true;
        upload.fileName = part.filename.slice(0, 200);
        await pipeline(part.file, createWriteStream(upload.file));
        if (part.file.truncated)
          throw invalid({
            name: 'file',
            reason: `Het bestand is groter dan ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Splits het bestand of gebruik de opdrachtregel.`,
          });
      } else upload.fields[part.fieldname] = String(part.value);
    }
    if (!hasFile) throw invalid({ name: 'file', reason: 'Kies een bestand (CSV of XLSX).' });
    upload.size = (await stat(upload.file)).size;
    return upload;
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw invalid({ name: 'file', reason: `Het bestand is groter dan ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` });
    throw err;
  }
}

function mappingOf(text: string | undefined): MappingFile | undefined {
  if (!text) return undefined;
  try {
    return parseMapping(JSON.parse(text));
  } catch (err) {
    throw invalid({
      name: 'mapping',
      reason: err instanceof SyntaxError ? 'Dit is geen geldige JSON.' : (err as Error).message,
    });
  }
}

function entityOf(value: string | undefined): EntityName {
  if (value === undefined || !isEntity(value))
    throw invalid({ name: 'entity', reason: `Kies uit: ${ENTITIES.join(', ')}.` });
  return value;
}

/** Counts the bytes read from a file, for the progress bar. */
async function* counted(file: string, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  let n = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    n += (chunk as Buffer).length;
    onBytes(n);
    yield chunk as Buffer;
  }
}

export const IMPORT_CONTENT_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/**
 * Imports of municipal extracts (functioneel beheerder): POST /imports with the file as the raw
 * body (CSV or XLSX), the run and its data-quality report, the rejected rows as CSV; and the
 * data-quality report of the whole database.
 */
export const importRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  const repo = importRepository(db);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 100_000 } });
  // Runs left 'bezig' by a process that stopped mid-import wrote nothing (one transaction).
  await repo.markInterrupted();
  app.addContentTypeParser(IMPORT_CONTENT_TYPES, (_request, payload, done) => done(null, payload));

  registerUploadRoutes(app, db, config);

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
    async (request) => {
      const municipalityId = currentUser(request).municipalityId;
      return {
        ...(await databaseQuality(db, municipalityId, todayIso())),
        groundSources: await protectedGroundSources(db, config, municipalityId),
      };
    },
  );
};

/**
 * Register or questionnaire per fact, over every client of the municipality, as the mirror
 * publishes it: rounded by cell key, small counts hidden (special-category data, in aggregate only).
 */
async function protectedGroundSources(db: Db, config: Config, municipalityId: number) {
  const rules = protectionRules(config.suppressionThreshold, config.roundingBase);
  const sources = await personFactSources(db, municipalityId);
  const clients = await db.query<{ id: number }>('SELECT id FROM client WHERE municipality_id = $1', [municipalityId]);
  const keyed = countFactSources(
    clients.map((c) => ({
      key: recordKeyFor(c.id, config.pseudonymSecret),
      codes: sources.get(pseudonymFor(c.id, config.pseudonymSecret)),
    })),
  );
  const published = publishFactSources(keyed, (c) => publishCount(c.count, c.key, rules));
  return Object.fromEntries(published.map(({ fact, ...split }) => [fact, split]));
}

type ProgressState = { fraction: number; rows: number; done: boolean };

/** Runs an import of an uploaded file, keeping its progress under the page's ticket. */
function importRunner(
  db: Db,
  config: Config,
  progress: Map<string, ProgressState>,
  progressKey: (user: SessionUser, ticket: string) => string,
) {
  return async (
    request: FastifyRequest,
    user: SessionUser,
    file: string,
    p: { entity: EntityName; fileName: string; dryRun: boolean; mapping?: MappingFile; ticket?: string },
  ) => {
    const size = (await stat(file)).size;
    const key = p.ticket ? progressKey(user, p.ticket) : null;
    const state = { fraction: 0, rows: 0, done: false };
    if (key) progress.set(key, state);
    try {
      return await runImport(
        db,
        counted(file, (n) => (state.fraction = size === 0 ? 1 : n / size)),
        {
          entity: p.entity,
          municipalityId: user.municipalityId,
          fileName: p.fileName,
          dryRun: p.dryRun,
          mapping: p.mapping,
          userId: user.id,
          pseudonymSecret: config.pseudonymSecret,
          onProgress: (rows, id) => {
            state.rows = rows;
            if (rows % 50_000 < 1000) request.log.info({ importId: id, rows }, 'import voortgang');
          },
        },
      );
    } finally {
      if (!p.dryRun) clearMirrorCaches(); // the mirror's kept figures are out of date now
      state.done = true;
      if (key) setTimeout(() => progress.delete(key), 60_000).unref();
    }
  };
}

/**
 * POST /imports (raw body or multipart), POST /imports/preview and the progress of a running
 * upload: the routes that receive files.
 */
function registerUploadRoutes(app: Parameters<FastifyPluginAsyncTypebox<AppContext>>[0], db: Db, config: Config) {
  const repo = importRepository(db);
  // Progress of running uploads, by user and the ticket the page chose (in memory; one process).
  const progress = new Map<string, ProgressState>();
  const progressKey = (user: SessionUser, ticket: string) => `${user.id}:${ticket}`;

  const run = importRunner(db, config, progress, progressKey);

  app.post(
    '/imports',
    {
      preHandler: requireRole('beheerder'),
      bodyLimit: 1024 * 1024 * 1024,
      schema: {
        tags: ['import'],
        summary:
          'Een extract importeren (CSV met ; of ,, UTF-8 of Windows-1252, of XLSX): als ruwe body, of als multipart/form-data met de delen file, entity, dryRun, mapping en ticket',
        querystring: Type.Object({
          entity: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: [...ENTITIES] })),
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
      if (request.isMultipart()) {
        const upload = await receiveUpload(request);
        try {
          const f = upload.fields;
          const entity = entityOf(f.entity);
          const mapping = mappingOf(f.mapping);
          const summary = await run(request, user, upload.file, {
            entity,
            fileName: upload.fileName,
            dryRun: f.dryRun === 'true',
            mapping,
            ticket: f.ticket?.slice(0, 64),
          });
          return reply.status(201).send((await repo.get(summary.id, user.municipalityId))!);
        } finally {
          await rm(upload.dir, { recursive: true, force: true });
        }
      }
      const q = request.query;
      const entity = entityOf(q.entity);
      const mapping = mappingOf(q.mapping);
      const body = request.body as unknown;
      if (!(body instanceof Readable))
        throw invalid({ name: 'body', reason: 'Stuur het bestand als body (Content-Type text/csv of het XLSX-type).' });
      // The upload goes to a temporary file first, so a slow import never holds the upload open.
      const dir = await mkdtemp(join(tmpdir(), 'ks-import-'));
      const file = join(dir, 'extract');
      try {
        await pipeline(body, createWriteStream(file));
        const summary = await run(request, user, file, {
          entity,
          fileName: q.fileName ?? '',
          dryRun: q.dryRun ?? false,
          mapping,
        });
        return reply.status(201).send((await repo.get(summary.id, user.municipalityId))!);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.post(
    '/imports/preview',
    {
      preHandler: requireRole('beheerder'),
      schema: {
        tags: ['import'],
        summary:
          'Een bestand bekijken vóór de import (multipart/form-data, deel file): kopregel, eerste regels en tellingen per kolom. Slaat niets op.',
        response: { 200: FilePreviewSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      if (!request.isMultipart())
        throw invalid({ name: 'file', reason: 'Stuur het bestand als multipart/form-data (deel "file").' });
      const upload = await receiveUpload(request);
      const stream = createReadStream(upload.file, { highWaterMark: 256 * 1024 });
      try {
        const mapping = mappingOf(upload.fields.mapping);
        const preview = await previewFile(stream, { encoding: mapping?.encoding, delimiter: mapping?.delimiter }).catch(
          (err: unknown) => {
            throw invalid({
              name: 'file',
              reason: `Het bestand is niet te lezen: ${err instanceof Error ? err.message : String(err)}`,
            });
          },
        );
        return { fileName: upload.fileName, ...preview };
      } finally {
        stream.destroy();
        await rm(upload.dir, { recursive: true, force: true });
      }
    },
  );

  app.get(
    '/imports/progress/:ticket',
    {
      preHandler: requireRole('beheerder'),
      schema: {
        tags: ['import'],
        summary: 'Voortgang van een lopende upload (het ticket dat de pagina meestuurde)',
        params: Type.Object({ ticket: Type.String({ maxLength: 64 }) }),
        response: { 200: ProgressSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const state = progress.get(progressKey(currentUser(request), request.params.ticket));
      if (!state) throw new ApiError('NOT_FOUND');
      return state;
    },
  );
}
