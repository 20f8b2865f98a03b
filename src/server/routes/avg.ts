import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { inzage, researchExport } from '../../store/avg.js';
import { writeAudit } from '../../store/audit.js';
import { CASE_FILE_ROLES } from '../../domain/roles.js';
import { ApiError, invalid } from '../errors.js';
import { currentUser, requireRole } from '../auth.js';
import { requireClientAccess } from '../client-access.js';
import { IdParams, problems } from '../schemas/common.js';
import { ResearchExport } from '../schemas/avg.js';
import { todayIso } from '../formats.js';

/**
 * AVG: the inzage (everything about one person in one document) and the pseudonymised,
 * k-anonymous research export. Correction goes through the ordinary PATCH routes; deletion
 * after the retention period through `kansenspiegel retention` (see docs/avg.md).
 */
export const avgRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  const clientAccess = requireClientAccess(db);
  const anyRole = requireRole(...CASE_FILE_ROLES, 'beheerder');

  app.get(
    '/clients/:id/inzage',
    {
      preHandler: async function (request, reply) {
        await anyRole.call(this, request, reply);
        if (request.sessionUser!.role !== 'beheerder') return clientAccess.call(this, request, reply);
      },
      schema: {
        tags: ['avg'],
        summary:
          'Inzage (AVG art. 15): alles over één persoon in één JSON-document. Bijzondere persoonsgegevens alleen voor de functioneel beheerder, bij een verzoek van de betrokkene',
        params: IdParams,
        querystring: Type.Object({
          verzoek: Type.Optional(
            Type.String({
              minLength: 3,
              maxLength: 100,
              description: 'Kenmerk van het inzageverzoek van de betrokkene (verplicht voor de functioneel beheerder)',
            }),
          ),
        }),
        response: {
          200: Type.Unknown({
            description:
              'Het inzagedocument: alle tabellen over deze persoon, zoals ze in de database staan (vrije vorm, volgt het databaseschema)',
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const isBeheerder = user.role === 'beheerder';
      if (isBeheerder && !request.query.verzoek?.trim())
        throw invalid({ name: 'verzoek', reason: 'Noem het kenmerk van het verzoek van de betrokkene.' });
      const [inMunicipality] = await db.query<{ ok: boolean }>(
        'SELECT municipality_id = $2 AS ok FROM client WHERE id = $1',
        [request.params.id, user.municipalityId],
      );
      if (!inMunicipality?.ok) throw new ApiError('NOT_FOUND');
      // The audit row is written first, so the document itself lists this inzage too.
      await writeAudit(db, [
        {
          userId: user.id,
          clientId: request.params.id,
          action: 'export',
          resource: 'inzage',
          detail: isBeheerder
            ? `verzoek ${request.query.verzoek!.trim()}; met bijzondere persoonsgegevens`
            : 'zonder bijzondere persoonsgegevens',
        },
      ]);
      const doc = await inzage(db, request.params.id, {
        includeSpecial: isBeheerder,
        pseudonymSecret: config.pseudonymSecret,
      });
      if (!doc) throw new ApiError('NOT_FOUND');
      void reply.header('content-disposition', `attachment; filename="inzage-klant-${request.params.id}.json"`);
      return doc;
    },
  );

  app.get(
    '/research-export',
    {
      preHandler: requireRole('onderzoeker'),
      schema: {
        tags: ['avg'],
        summary:
          'Gepseudonimiseerde onderzoeksexport: geen directe identificatoren, leeftijd in klassen, k-anoniem op alle quasi-identificatoren en 2-divers in de uitkomst',
        querystring: Type.Object({
          k: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 1000,
              description: 'Minimale klassengrootte (standaard en minimum: RESEARCH_MIN_K, 10)',
            }),
          ),
          format: Type.Optional(Type.Unsafe<'json' | 'csv'>({ type: 'string', enum: ['json', 'csv'] })),
        }),
        response: { 200: ResearchExport, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const k = request.query.k ?? config.researchMinK;
      if (k < config.researchMinK) {
        throw invalid({
          name: 'k',
          reason: `k moet minstens ${config.researchMinK} zijn: kleinere klassen maken mensen herkenbaar.`,
        });
      }
      const { rows, report } = await researchExport(db, user.municipalityId, k, todayIso());
      await writeAudit(db, [
        {
          userId: user.id,
          clientId: null,
          action: 'export',
          resource: 'onderzoeksexport',
          detail: `k=${k}; l=2 (${report.diversity?.field ?? '-'}); ${report.rowsOut} regels; ${report.suppressed} onderdrukt`,
        },
      ]);
      if (request.query.format === 'csv') {
        const columns = rows.length ? Object.keys(rows[0]) : ['nummer'];
        const lines = [columns.join(';'), ...rows.map((r) => columns.map((c) => r[c]).join(';'))];
        void reply.type('text/csv; charset=utf-8').header('x-k-anonymity', JSON.stringify(report));
        return `${lines.join('\r\n')}\r\n`;
      }
      return { report, rows };
    },
  );
};
