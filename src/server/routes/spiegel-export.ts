import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../context.js';
import { FEATURE_ROLES } from '../../domain/roles.js';
import { currentUser, requireRole } from '../auth.js';
import { problems } from '../schemas/common.js';
import { mirrorToCsv, reportToCsv } from '../../mirror/report-csv.js';
import { reportToHtml } from '../../mirror/report-html.js';
import { buildReport, groupingName, type MirrorReport } from '../../mirror/report-model.js';
import { reportTexts, type ReportTexts } from '../../mirror/report-texts.js';
import { reportToXlsx } from '../../mirror/report-xlsx.js';
import { reportDate, reportFileName, todayAmsterdam } from '../../mirror/format.js';
import { parsePublishedPeriod } from '../../mirror/selection.js';
import { PdfUnavailableError, closePdfBrowser, htmlToPdf } from '../pdf.js';
import {
  DEFAULT_COVARIATES,
  MirrorQuery,
  groundsFor,
  type MirrorQueryT,
  type SpiegelEngine,
} from './spiegel-mirror.js';

const MIRROR_ROLES = FEATURE_ROLES.mirror;

const ExportQuery = Type.Composite([
  MirrorQuery,
  Type.Object({
    formaat: Type.Optional(
      Type.Literal('csv-data', {
        description: 'csv-data: de oude machineleesbare CSV (komma, punt, codes), voor scripts',
      }),
    ),
  }),
]);

/** The downloads of the mirror: HTML, PDF, XLSX and CSV of exactly the view on the page. */
export function spiegelExportRoutes(engine: SpiegelEngine): FastifyPluginAsyncTypebox<AppContext> {
  return async (app, { db }) => {
    app.addHook('onClose', async () => closePdfBrowser());

    async function scopeName(q: MirrorQueryT, tx: ReportTexts): Promise<string> {
      if (q.wijk !== undefined) {
        const [w] = await db.query<{ name: string }>('SELECT name FROM neighbourhood WHERE id = $1', [q.wijk]);
        return tx.scopeWijk(w?.name ?? String(q.wijk));
      }
      if (q.team !== undefined) {
        const [t] = await db.query<{ name: string }>('SELECT name FROM team WHERE id = $1', [q.team]);
        return tx.scopeTeam(t?.name ?? String(q.team));
      }
      return tx.scopeMunicipality;
    }

    /** The report for the same query as the page: every section it shows. */
    async function reportFor(request: FastifyRequest, q: MirrorQueryT) {
      const user = currentUser(request);
      const lang = q.taal ?? 'nl';
      const tx = reportTexts(lang);
      // the story comes in the language asked for
      const answer = await engine.mirrorFor(request, { ...q, taal: lang });
      const extra = answer.pop.organisationGrounds;
      const grouping = answer.result.groupings[answer.result.groupings.length - 1];
      const firstGround = grouping.split(' × ')[0];
      const allowed = groundsFor(user).map((g) => g.key);
      const adjusted = engine.adjustedFor(answer.pop, {
        stage: 'voorziening',
        ground: firstGround,
        covariates: DEFAULT_COVARIATES.filter((c) => allowed.includes(c) && c !== firstGround),
      });
      const attention = await engine.mirrorFor(request, q, engine.attentionGroupings(user, q));
      const scope = user.role === 'teamleider' ? tx.scopeTeam(user.teamName ?? '').trim() : await scopeName(q, tx);
      const period = parsePublishedPeriod(q.period);
      const report = buildReport({
        municipality: user.municipalityName,
        period: period.label,
        scope,
        ground: groupingName(grouping, lang, extra),
        generatedOn: reportDate(todayAmsterdam(), lang),
        answer,
        grouping,
        adjusted,
        attention: attention.result,
        extraGrounds: extra,
        lang,
      });
      const to = lang === 'en' ? 'to' : 't/m';
      const periodText = `${reportDate(answer.scope.from, lang)} ${to} ${reportDate(answer.scope.to, lang)}`;
      return { report, answer, grouping, extra, footer: `Kansenspiegel ${user.municipalityName}, ${periodText}` };
    }

    const attach = (reply: FastifyReply, report: MirrorReport, ext: string) =>
      reply.header('content-disposition', `attachment; filename="${reportFileName(report, ext)}"`);

    const route = (ext: string, summary: string) => ({
      preHandler: requireRole(...MIRROR_ROLES),
      schema: {
        tags: ['spiegel'],
        summary,
        querystring: ExportQuery,
        ...(ext === 'pdf' ? { response: problems(400, 401, 403, 503) } : {}),
      },
    });

    app.get(
      '/spiegel/export.csv',
      route('csv', 'De spiegel als CSV voor Excel (puntkomma en decimale komma; met taal=en komma en decimale punt)'),
      async (request, reply) => {
        if (request.query.formaat === 'csv-data') {
          const { result } = await engine.mirrorFor(request, request.query);
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', 'attachment; filename="kansenspiegel-data.csv"')
            .send(mirrorToCsv(result));
        }
        const { report } = await reportFor(request, request.query);
        return attach(reply.type('text/csv; charset=utf-8'), report, 'csv').send(reportToCsv(report));
      },
    );

    app.get(
      '/spiegel/export.xlsx',
      route('xlsx', 'De spiegel als Excel-werkmap, één blad per tabel'),
      async (request, reply) => {
        const { report } = await reportFor(request, request.query);
        return attach(
          reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
          report,
          'xlsx',
        ).send(await reportToXlsx(report));
      },
    );

    app.get(
      '/spiegel/export.html',
      route('html', 'De spiegel als zelfstandig HTML-rapport'),
      async (request, reply) => {
        const { report, answer, grouping, extra } = await reportFor(request, request.query);
        // the report is self-contained and has no scripts
        return attach(reply.type('text/html; charset=utf-8'), report, 'html')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
          .send(reportToHtml(report, answer.result, grouping, extra));
      },
    );

    app.get(
      '/spiegel/export.pdf',
      route('pdf', 'De spiegel als toegankelijke PDF (het HTML-rapport, afgedrukt door Chromium)'),
      async (request, reply) => {
        const { report, answer, grouping, extra, footer } = await reportFor(request, request.query);
        let pdf: Buffer;
        try {
          pdf = await engine.heavy.run(currentUser(request).id, () =>
            htmlToPdf(reportToHtml(report, answer.result, grouping, extra), {
              footer,
              landscape: true,
              lang: report.lang,
            }),
          );
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
        return attach(reply.type('application/pdf'), report, 'pdf').send(pdf);
      },
    );
  };
}
