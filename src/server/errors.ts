/**
 * The catalogue of coded API errors. The API returns the stable `code`; the web app maps it to
 * its own text. `title` is Dutch (B1) and shown as is by clients that do not map codes.
 */
export const ERRORS = {
  VALIDATION: { status: 400, title: 'De invoer klopt niet.' },
  LOGIN_FAILED: { status: 401, title: 'Gebruikersnaam of wachtwoord klopt niet.' },
  NOT_LOGGED_IN: { status: 401, title: 'U bent niet ingelogd.' },
  CSRF: {
    status: 403,
    title: 'Deze actie is geweigerd: de beveiligingscode ontbreekt of klopt niet. Laad de pagina opnieuw.',
  },
  FORBIDDEN_ROLE: { status: 403, title: 'Uw rol geeft geen toegang tot dit onderdeel.' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    title: 'Kies eerst een nieuw wachtwoord. Daarna kunt u verder.',
  },
  FORBIDDEN_CLIENT: { status: 403, title: 'U hebt geen toegang tot deze klant.' },
  NOT_FOUND: { status: 404, title: 'Niet gevonden.' },
  CONFLICT_VERSION: {
    status: 409,
    title: 'Iemand anders heeft dit intussen gewijzigd. Laad opnieuw en voer uw wijziging nog eens in.',
  },
  CONFLICT_DUPLICATE: { status: 409, title: 'Dit bestaat al.' },
  NO_OPEN_BENEFIT: { status: 409, title: 'Deze klant heeft geen lopende uitkering.' },
  RATE_LIMITED: { status: 429, title: 'Te veel mislukte inlogpogingen. Wacht even en probeer het dan opnieuw.' },
  INTERNAL: { status: 500, title: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface InvalidParam {
  /** The field, as a dotted path in the request (e.g. "bsn", "end_date"). */
  name: string;
  /** Why it was refused, in Dutch (B1). */
  reason: string;
}

/** An error the API answers with as application/problem+json. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly invalidParams: InvalidParam[] | undefined;

  constructor(code: ErrorCode, detail?: string, invalidParams?: InvalidParam[]) {
    super(ERRORS[code].title);
    this.code = code;
    this.status = ERRORS[code].status;
    this.detail = detail;
    this.invalidParams = invalidParams;
  }
}

/** A 400 naming the fields that are wrong. */
export function invalid(...params: InvalidParam[]): ApiError {
  return new ApiError('VALIDATION', params.map((p) => `${p.name}: ${p.reason}`).join(' '), params);
}
