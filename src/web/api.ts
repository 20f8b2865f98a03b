import type { Static } from '@sinclair/typebox';
import type { SessionAnswer } from '../server/schemas/session.js';
import type { ClientList } from '../server/schemas/clients.js';
import { dutchPath } from '../server/api-paths.js';

/** The answers' types come from the server's own response schemas, so both sides agree. */
export type Session = Static<typeof SessionAnswer>;
export type SessionUser = Session['user'];
export type Clients = Static<typeof ClientList>;

export const API_BASE = '/api/v1';

export interface InvalidParam {
  name: string;
  reason: string;
}

/** Codes this client makes up itself, next to the server's error codes (LOGIN_FAILED, ...). */
export const NETWORK_ERROR = 'NETWORK';
export const UNEXPECTED_ANSWER = 'UNEXPECTED_ANSWER';

/**
 * A refused or failed request, read from the server's application/problem+json answer.
 * `status` 0 with code NETWORK means no answer came at all. Pages show a text per `code`;
 * `title` is the server's own Dutch text, for codes the page does not know.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly invalidParams: InvalidParam[] | undefined;

  constructor(problem: {
    status: number;
    code: string;
    title: string;
    detail?: string;
    invalidParams?: InvalidParam[];
  }) {
    super(problem.detail ? `${problem.title} ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.invalidParams = problem.invalidParams;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function invalidParamsOf(value: unknown): InvalidParam[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((p) => ({ name: str(p.name) ?? '', reason: str(p.reason) ?? '' }));
}

/** Turns a refused answer into an ApiError; an answer that is no problem+json still gets one. */
async function problemOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  if (/json/.test(response.headers.get('content-type') ?? '')) {
    body = await response.json().catch(() => null);
  }
  if (isRecord(body) && typeof body.code === 'string') {
    return new ApiError({
      status: typeof body.status === 'number' ? body.status : response.status,
      code: body.code,
      title: str(body.title) ?? response.statusText,
      detail: str(body.detail),
      invalidParams: invalidParamsOf(body.invalidParams),
    });
  }
  return new ApiError({
    status: response.status,
    code: UNEXPECTED_ANSWER,
    title: `HTTP ${response.status} ${response.statusText}`.trim(),
  });
}

export interface ApiClient {
  /** Logs in; a wrong name or password is an ApiError with code LOGIN_FAILED (401), too many failed attempts RATE_LIMITED (429, with the wait in `detail`). */
  login(username: string, password: string): Promise<Session>;
  /** The session of this browser, or null when nobody is logged in. */
  currentSession(): Promise<Session | null>;
  logout(): Promise<void>;
  /** A consultant's own clients, or a team leader's team; 403 (FORBIDDEN_ROLE) for other roles. */
  listClients(): Promise<Clients>;
  /** Only the number of those clients: reads no person's data, so it is not audit-logged per person. */
  countClients(): Promise<ClientCount>;
  /** Any other call under /api/v1, with the session cookie and CSRF token (see api-casefile.ts). */
  send<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** A POST of a form with a file (multipart), reporting the share of bytes sent (0 to 1). */
  upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T>;
}

/** How many clients the user sees: all, those still guided (actief or on hold), those who flowed out. */
export interface ClientCount {
  total: number;
  active: number;
  uitgestroomd: number;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
}

/**
 * The client for /api/v1. It sends the session cookie (same origin only), JSON, and on every
 * request that is not a GET the X-CSRF-Token header from the last session answer. Paths are
 * sent in their Dutch form (src/server/api-paths.ts), also where a page still names an old one.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = options.baseUrl ?? API_BASE;
  let csrfToken: string | null = null;

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await send(`${base}${dutchPath(path)}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new ApiError({ status: 0, code: NETWORK_ERROR, title: err instanceof Error ? err.message : String(err) });
    }
    if (!response.ok) throw await problemOf(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const remember = (session: Session): Session => {
    csrfToken = session.csrfToken;
    return session;
  };

  return {
    async login(username, password) {
      return remember(await request<Session>('POST', '/sessions', { username, password }));
    },
    async currentSession() {
      try {
        return remember(await request<Session>('GET', '/sessions/current'));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          csrfToken = null;
          return null;
        }
        throw err;
      }
    },
    async logout() {
      try {
        await request<void>('DELETE', '/sessions/current');
      } catch (err) {
        // Already logged out (the session ended on the server): that is what was asked.
        if (!(err instanceof ApiError && err.status === 401)) throw err;
      }
      csrfToken = null;
    },
    listClients() {
      return request<Clients>('GET', '/klanten');
    },
    countClients() {
      return request<ClientCount>('GET', '/klanten/count');
    },
    send(method, path, body) {
      return request(method, path, body);
    },
    upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void) {
      // XMLHttpRequest, because fetch does not report upload progress.
      return new Promise<T>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${base}${path}`);
        xhr.withCredentials = true;
        xhr.setRequestHeader('accept', 'application/json, application/problem+json');
        if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable) onProgress?.(e.loaded / e.total);
        };
        xhr.onerror = () => reject(new ApiError({ status: 0, code: NETWORK_ERROR, title: 'upload' }));
        xhr.onload = () => {
          const response = new Response(xhr.responseText, {
            status: xhr.status,
            headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
          });
          if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
          else void problemOf(response).then(reject);
        };
        xhr.send(form);
      });
    },
  };
}
