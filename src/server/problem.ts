import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, ERRORS, type InvalidParam } from './errors.js';

/** Dutch reasons for JSON-schema keywords (ajv), so a refused field is explained plainly. */
function reasonFor(e: { keyword: string; params: Record<string, unknown>; message?: string }): string {
  switch (e.keyword) {
    case 'required':
      return 'Dit veld is verplicht.';
    case 'format':
      switch (e.params.format) {
        case 'bsn':
          return 'Dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef.';
        case 'date':
          return 'Dit is geen geldige datum (gebruik JJJJ-MM-DD).';
        case 'past-date':
          return 'Deze datum ligt in de toekomst of is geen geldige datum (JJJJ-MM-DD).';
        default:
          return `Dit heeft niet de juiste vorm (${String(e.params.format)}).`;
      }
    case 'enum':
      return `Onbekende waarde. Kies uit: ${(e.params.allowedValues as unknown[]).join(', ')}.`;
    case 'minLength':
      return e.params.limit === 1 ? 'Dit veld mag niet leeg zijn.' : `Minstens ${String(e.params.limit)} tekens.`;
    case 'maxLength':
      return `Hoogstens ${String(e.params.limit)} tekens.`;
    case 'minimum':
      return `Minstens ${String(e.params.limit)}.`;
    case 'maximum':
      return `Hoogstens ${String(e.params.limit)}.`;
    case 'type':
      return `Verkeerd soort waarde (verwacht: ${String(e.params.type)}).`;
    case 'pattern':
      return 'Dit heeft niet de juiste vorm.';
    case 'additionalProperties':
      return `Onbekend veld: ${String(e.params.additionalProperty)}.`;
    default:
      return e.message ?? 'Ongeldige waarde.';
  }
}

function fieldName(e: { instancePath: string; params: Record<string, unknown> }, context: string | undefined): string {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra = (e.params.missingProperty ?? e.params.additionalProperty) as string | undefined;
  const name = [path, extra].filter(Boolean).join('.');
  return name || context || 'body';
}

/** One central error handler: problem+json for every error; 5xx details only in the log. */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    let status: number;
    let code: string;
    let title: string;
    let detail: string | undefined;
    let invalidParams: InvalidParam[] | undefined;

    if (error instanceof ApiError) {
      ({ status, code, detail, invalidParams } = error);
      title = error.message;
    } else if ((error as FastifyError).validation) {
      const fe = error as FastifyError;
      status = 400;
      code = 'VALIDATION';
      title = ERRORS.VALIDATION.title;
      invalidParams = fe.validation!.map((v) => ({
        name: fieldName(v as never, fe.validationContext),
        reason: reasonFor(v as never),
      }));
      detail = invalidParams.map((p) => `${p.name}: ${p.reason}`).join(' ');
    } else if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
      status = (error as FastifyError).statusCode!;
      code = (error as FastifyError).code ?? 'BAD_REQUEST';
      title = status === 404 ? ERRORS.NOT_FOUND.title : 'Het verzoek kon niet worden verwerkt.';
      detail = error.message;
    } else if ((error as { code?: unknown }).code === '22003') {
      // A number beyond what the database column holds (PostgreSQL numeric_value_out_of_range).
      status = 400;
      code = 'VALIDATION';
      title = ERRORS.VALIDATION.title;
      detail = 'Een getal in het verzoek is te groot.';
    } else {
      status = 500;
      code = 'INTERNAL';
      title = ERRORS.INTERNAL.title;
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code, status }, 'request refused');
    void reply
      .status(status)
      .type('application/problem+json')
      .send({
        type: `https://kansenspiegel.nl/problemen/${code.toLowerCase()}`,
        title,
        status,
        code,
        ...(detail ? { detail } : {}),
        ...(invalidParams ? { invalidParams } : {}),
        instance: request.url,
      });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).type('application/problem+json').send({
      type: 'https://kansenspiegel.nl/problemen/not_found',
      title: ERRORS.NOT_FOUND.title,
      status: 404,
      code: 'NOT_FOUND',
      instance: request.url,
    });
  });
}
