// Shared by the security tests: the route list from the app's own OpenAPI document, the
// expected role matrix, and an example request body made from each route's JSON schema.
import type { TestApp } from '../helpers/app.js';
import { dutchPath } from '../../src/server/api-paths.js';
import { testPasswordHash } from '../helpers/app.js';

export type Who = 'anoniem' | 'consultant' | 'teamleider' | 'beleidsmedewerker' | 'onderzoeker' | 'beheerder';
export const USERS: Record<Exclude<Who, 'anoniem'>, string> = {
  consultant: 'anna',
  teamleider: 'tl-a',
  beleidsmedewerker: 'beleid',
  onderzoeker: 'onderzoek',
  beheerder: 'beheer',
};

const CASE = ['consultant', 'teamleider'] as const;
// Consultants have no mirror: the app offers none, and neither does the API.
const MIRROR = ['teamleider', 'beleidsmedewerker', 'onderzoeker'] as const;
const LOGGED_IN = ['consultant', 'teamleider', 'beleidsmedewerker', 'onderzoeker', 'beheerder'] as const;
const PUBLIC = ['anoniem', ...LOGGED_IN] as const;

/**
 * Who may call what. Every route the app serves must be here: a new route without an entry
 * fails the matrix test, so its access is decided on purpose.
 */
export const MATRIX: Record<string, readonly Who[]> = {
  'GET /api/v1/health': PUBLIC,
  'POST /api/v1/sessions': PUBLIC,
  'GET /api/v1/sessions/current': LOGGED_IN,
  'DELETE /api/v1/sessions/current': LOGGED_IN,
  'GET /api/v1/clients': CASE,
  'POST /api/v1/clients': CASE,
  'GET /api/v1/clients/count': CASE,
  'GET /api/v1/clients/{id}': CASE,
  'PATCH /api/v1/clients/{id}': CASE,
  'POST /api/v1/clients/{id}/work-periods': CASE,
  'POST /api/v1/clients/{id}/instrument-allocations': CASE,
  'GET /api/v1/caseload': CASE,
  'GET /api/v1/team/overview': ['teamleider'],
  'GET /api/v1/team/bottom-of-pile': ['teamleider'],
  'GET /api/v1/team/pagina': ['teamleider'],
  'GET /api/v1/clients/{id}/file': CASE,
  'GET /api/v1/clients/{id}/intervision-summary': ['teamleider'],
  'POST /api/v1/clients/{id}/intakes': CASE,
  'POST /api/v1/clients/{id}/diagnoses': CASE,
  'POST /api/v1/clients/{id}/bestand': CASE,
  'POST /api/v1/clients/{id}/conversations': CASE,
  'POST /api/v1/clients/{id}/on-hold': CASE,
  'PATCH /api/v1/clients/{id}/on-hold/{periodId}': CASE,
  'POST /api/v1/clients/{id}/ladder-steps': CASE,
  'POST /api/v1/clients/{id}/intermediate-steps': CASE,
  'POST /api/v1/clients/{id}/discrimination-discussions': CASE,
  'POST /api/v1/clients/{id}/outflow': CASE,
  'POST /api/v1/clients/{id}/feedback': CASE,
  'PATCH /api/v1/clients/{id}/instrument-allocations/{allocationId}': CASE,
  'POST /api/v1/clients/{id}/plans': CASE,
  'PATCH /api/v1/clients/{id}/plans/{planId}': CASE,
  'POST /api/v1/clients/{id}/plans/{planId}/goals': CASE,
  'POST /api/v1/clients/{id}/plans/{planId}/steps': CASE,
  'PATCH /api/v1/clients/{id}/plans/{planId}/steps/{stepId}': CASE,
  'GET /api/v1/instruments': LOGGED_IN,
  'POST /api/v1/instruments': ['beheerder'],
  'GET /api/v1/instruments/{id}': LOGGED_IN,
  'PATCH /api/v1/instruments/{id}': ['beheerder'],
  'GET /api/v1/srg-types': LOGGED_IN,
  'GET /api/v1/life-domains': LOGGED_IN,
  'POST /api/v1/life-domains': ['beheerder'],
  'PATCH /api/v1/life-domains/{id}': ['beheerder'],
  'GET /api/v1/teams': ['beheerder'],
  'POST /api/v1/teams': ['beheerder'],
  'GET /api/v1/users': ['beheerder'],
  'POST /api/v1/users': ['beheerder'],
  'GET /api/v1/gebruikers': ['beheerder'],
  'POST /api/v1/gebruikers': ['beheerder'],
  'PATCH /api/v1/gebruikers/{id}': ['beheerder'],
  'POST /api/v1/gebruikers/{id}/wachtwoord-reset': ['beheerder'],
  'PUT /api/v1/gebruikers/ik/wachtwoord': LOGGED_IN,
  'GET /api/v1/oidc/status': PUBLIC,
  'GET /api/v1/spiegel/options': MIRROR,
  'GET /api/v1/spiegel': MIRROR,
  'GET /api/v1/spiegel/aangepast': MIRROR,
  'GET /api/v1/spiegel/aandacht': MIRROR,
  'GET /api/v1/spiegel/export.csv': MIRROR,
  'GET /api/v1/spiegel/export.html': MIRROR,
  'GET /api/v1/spiegel/export.pdf': MIRROR,
  'GET /api/v1/spiegel/verdieping/scan': MIRROR,
  'GET /api/v1/spiegel/verdieping/vergelijking': MIRROR,
  'GET /api/v1/spiegel/verdieping/aandeel': MIRROR,
  'GET /api/v1/spiegel/verdieping/tijd': MIRROR,
  'GET /api/v1/spiegel/verdieping/trend': MIRROR,
  'GET /api/v1/spiegel/export.xlsx': MIRROR,
  'GET /api/v1/questionnaire/definition': ['consultant', ...MIRROR],
  'GET /api/v1/clients/{id}/measurements': CASE,
  'GET /api/v1/measurements/due': CASE,
  'POST /api/v1/clients/{id}/measurements/{wave}/link': CASE,
  'POST /api/v1/clients/{id}/measurements/{wave}/kiosk': CASE,
  'POST /api/v1/clients/{id}/measurements/{wave}/answers': CASE,
  'GET /api/v1/vragenlijst/{token}': PUBLIC,
  'POST /api/v1/vragenlijst/{token}': PUBLIC,
  'POST /api/v1/kiosk/exit': PUBLIC,
  'PUT /api/v1/questionnaire/settings': ['beheerder'],
  'GET /api/v1/meetmomenten/uitkomsten': ['teamleider', 'beleidsmedewerker', 'onderzoeker'],
  'POST /api/v1/imports': ['beheerder'],
  'GET /api/v1/imports': ['beheerder'],
  'GET /api/v1/imports/{id}': ['beheerder'],
  'GET /api/v1/imports/{id}/rejected.csv': ['beheerder'],
  'POST /api/v1/imports/preview': ['beheerder'],
  'GET /api/v1/imports/progress/{ticket}': ['beheerder'],
  'GET /api/v1/leren/casussen': CASE,
  'POST /api/v1/leren/casussen': ['teamleider'],
  'GET /api/v1/leren/casussen/{id}': CASE,
  'POST /api/v1/leren/casussen/{id}/varianten': ['teamleider'],
  'POST /api/v1/leren/casussen/{id}/keuze': CASE,
  'GET /api/v1/leren/casussen/{id}/bespreking': ['teamleider'],
  'POST /api/v1/leren/casussen/{id}/bespreking': ['teamleider'],
  'GET /api/v1/leren/reflecties/open': ['consultant'],
  'POST /api/v1/leren/reflecties': ['consultant'],
  'GET /api/v1/leren/reflecties/mijn': ['consultant'],
  'GET /api/v1/leren/teamspiegel': ['teamleider', 'beleidsmedewerker'],
  'GET /api/v1/data-quality': ['beleidsmedewerker', 'onderzoeker', 'beheerder'],
  'GET /api/v1/clients/{id}/inzage': ['consultant', 'teamleider', 'beheerder'],
  'GET /api/v1/research-export': ['onderzoeker'],
  // Employers and placement: case-file roles work with employers, vacancies and proposals; the
  // marks are kept in beheer; the protocol's decisions are the policy officer's.
  'GET /api/v1/keurmerken': ['consultant', 'teamleider', 'beleidsmedewerker', 'beheerder'],
  'POST /api/v1/keurmerken': ['beheerder'],
  'PATCH /api/v1/keurmerken/{id}': ['beheerder'],
  'GET /api/v1/werkgevers': ['consultant', 'teamleider', 'beleidsmedewerker', 'beheerder'],
  'GET /api/v1/werkgevers/{id}': ['consultant', 'teamleider', 'beleidsmedewerker', 'beheerder'],
  'POST /api/v1/werkgevers': CASE,
  'PATCH /api/v1/werkgevers/{id}': ['beleidsmedewerker'],
  'POST /api/v1/werkgevers/{id}/contactpersonen': CASE,
  'POST /api/v1/werkgevers/{id}/afspraken': CASE,
  'PUT /api/v1/werkgevers/{id}/keurmerken': CASE,
  'GET /api/v1/vacatures': CASE,
  'POST /api/v1/vacatures': CASE,
  'GET /api/v1/vacatures/{id}': CASE,
  'POST /api/v1/vacatures/{id}/eisen': CASE,
  'PATCH /api/v1/vacatures/{id}/eisen/{requirementId}': CASE,
  'GET /api/v1/vacatures/{id}/suggesties': CASE,
  'GET /api/v1/voorstellen': CASE,
  'POST /api/v1/voorstellen': CASE,
  'PATCH /api/v1/voorstellen/{id}': CASE,
  'PATCH /api/v1/voorstellen/{id}/nazorg/{followUpId}': CASE,
  'GET /api/v1/nazorg': CASE,
  'POST /api/v1/discriminatieverzoeken': CASE,
  'PATCH /api/v1/discriminatieverzoeken/{id}': ['beleidsmedewerker'],
  'GET /api/v1/discriminatieverzoeken/rapportage': MIRROR,
  'GET /api/v1/clients/{id}/werkprofiel': CASE,
  'PUT /api/v1/clients/{id}/werkprofiel': CASE,
  'POST /api/v1/clients/{id}/trajecten': CASE,
  'POST /api/v1/trajecten/{id}/signalen': CASE,
  'GET /api/v1/signalen': CASE,
  'PATCH /api/v1/signalen/{id}': CASE,
  'GET /api/v1/spiegel/werkgevers': MIRROR,
};

/**
 * The matrix under the names the API serves: a route written with an old (English) path is
 * served under its Dutch path (src/server/api-paths.ts). Its deprecated alias has the same
 * handler and checks, so the security tests walk the Dutch routes only (routesOf skips
 * deprecated ones); test/integration/api-dutch-paths.test.ts checks that the aliases answer alike.
 */
export const ACCESS: Record<string, readonly Who[]> = Object.fromEntries(
  Object.entries(MATRIX).map(([key, who]) => {
    const [method, path] = key.split(' ');
    return path.startsWith('/api/v1/')
      ? [`${method} /api/v1${dutchPath(path.slice('/api/v1'.length))}`, who]
      : [key, who];
  }),
);

export interface Route {
  method: string;
  path: string;
  body: unknown;
  query: Record<string, unknown>;
  textFields: string[];
}
type Schema = Record<string, unknown> & {
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};

/** A minimal valid value for a JSON schema (required properties only). */
export function example(s: Schema | undefined, doc: { components?: { schemas?: Record<string, Schema> } }): unknown {
  if (!s) return undefined;
  if (s.$ref) return example(doc.components?.schemas?.[s.$ref.split('/').pop()!], doc);
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return example(alt.find((a) => a.type !== 'null') ?? alt[0], doc);
  if (Array.isArray(s.enum)) return s.enum[0];
  if ('const' in s) return s.const;
  switch (s.type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, example(s.properties?.[k], doc)]));
    case 'array':
      return Array.from({ length: Number(s.minItems ?? 0) }, () => example(s.items, doc));
    case 'integer':
    case 'number':
      return Math.max(Number(s.minimum ?? 1), 1);
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'bsn') return '999999990';
      if (typeof s.format === 'string' && s.format.includes('date')) return '2020-01-02';
      return 'x'.repeat(Math.min(Math.max(Number(s.minLength ?? 2), 2), Number(s.maxLength ?? 1e9)));
    }
    default:
      return {};
  }
}

/** Every route in the OpenAPI document, with an example body and required query parameters. */
export async function routesOf(app: TestApp): Promise<Route[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { schema: Schema }> };
          parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
          deprecated?: boolean;
        }
      >
    >;
    components?: { schemas?: Record<string, Schema> };
  };
  const out: Route[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (op.deprecated) continue;
      const json = op.requestBody?.content['application/json']?.schema;
      const query = Object.fromEntries(
        (op.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => [p.name, example(p.schema, doc)]),
      );
      const props = json?.$ref ? doc.components?.schemas?.[json.$ref.split('/').pop()!]?.properties : json?.properties;
      // Free text: strings without a list of values, a format or a pattern.
      const textFields = Object.entries(props ?? {})
        .filter(([, p]) => {
          const one = (p.anyOf ?? p.oneOf)?.find((a) => a.type === 'string') ?? p;
          return one.type === 'string' && !one.enum && !one.format && !one.pattern;
        })
        .map(([k]) => k);
      out.push({ method: method.toUpperCase(), path, body: json ? example(json, doc) : undefined, query, textFields });
    }
  }
  return out;
}

/** Fills path parameters: client 1 (Anna's, in team A), everything else 1; a wave and a token. */
export const fillPath = (path: string): string =>
  path
    .replace('{wave}', 'T0')
    .replace('{token}', 'onbekend-token-onbekend-token')
    // A user none of the matrix's users is: a reset or deactivation must not log them out mid-test.
    .replace('/gebruikers/{id}', '/gebruikers/2')
    .replace(/\{[a-zA-Z]+\}/g, '1');

export async function addResearcher(app: TestApp): Promise<void> {
  await app.db.query(
    `INSERT INTO app_user (municipality_id, username, display_name, password_hash, role) VALUES (1, 'onderzoek', 'Olga Onderzoek', $1, 'onderzoeker')`,
    [await testPasswordHash()],
  );
}
