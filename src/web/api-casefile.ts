import type { Static } from '@sinclair/typebox';
import type { ApiClient } from './api.js';
import type {
  BottomOfPile,
  Caseload,
  ClientFile,
  InstrumentList,
  IntervisionSummary,
  LifeDomainList,
  SrgTypeList,
  TeamList,
  TeamOverview,
  TeamPage,
} from '../server/schemas/casefile.js';
import type { MarkList } from '../server/schemas/werkgevers.js';
import type { Role } from '../domain/roles.js';

/** The answers of the case-file API; the types come from the server's own response schemas. */
export type CaseloadAnswer = Static<typeof Caseload>;
export type CaseloadRow = CaseloadAnswer['items'][number];
export type ClientFileAnswer = Static<typeof ClientFile>;
export type TeamOverviewAnswer = Static<typeof TeamOverview>;
export type BottomOfPileAnswer = Static<typeof BottomOfPile>;
export type TeamPageAnswer = Static<typeof TeamPage>;
export type IntervisionAnswer = Static<typeof IntervisionSummary>;
export type Instruments = Static<typeof InstrumentList>;
export type InstrumentItem = Instruments['items'][number];
export type LifeDomains = Static<typeof LifeDomainList>;
export type SrgTypes = Static<typeof SrgTypeList>;
export type Teams = Static<typeof TeamList>;
export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  teamId: number | null;
  teamName: string | null;
  active: boolean;
}

/** The measurement moments of one client (no answers): GET /klanten/:id/meetmomenten. */
export interface MeasurementsAnswer {
  clientId: number;
  start: string | null;
  waves: {
    wave: string;
    dueOn: string;
    status: 'gepland' | 'open' | 'te_laat' | 'verstuurd' | 'ingevuld' | 'gemist';
    sentOn: string | null;
    completedOn: string | null;
  }[];
}

/** A one-time link to the questionnaire: the path on this server and when it expires. */
export interface QuestionnaireLink {
  path: string;
  expiresAt: string;
  wave: string;
}

export interface InstrumentSearch {
  q?: string;
  srg?: string;
  openTo?: string;
  asks?: string;
  includeInactive?: boolean;
}

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The calls of the guidance pages (begeleiding, team, beheer), over the app's one API client. */
export function casefileApi(api: ApiClient) {
  return {
    caseload: (consultantId?: number) => api.send<CaseloadAnswer>('GET', `/mijn-klanten${query({ consultantId })}`),
    clientFile: (id: number) => api.send<ClientFileAnswer>('GET', `/klanten/${id}/dossier`),
    /**
     * POST or PATCH under a client, named by the record's route (e.g. "conversations",
     * "plans/3/steps"); the API client sends it on its Dutch path (/klanten/:id/gesprekken).
     */
    change: (method: 'POST' | 'PATCH', clientId: number, path: string, body: unknown) =>
      api.send<unknown>(method, `/clients/${clientId}${path ? `/${path}` : ''}`, body),
    instruments: (search: InstrumentSearch) => api.send<Instruments>('GET', `/voorzieningen${query({ ...search })}`),
    srgTypes: () => api.send<SrgTypes>('GET', '/srg-types'),
    lifeDomains: (includeInactive = false) =>
      api.send<LifeDomains>('GET', `/leefgebieden${query({ includeInactive: includeInactive || undefined })}`),
    teamOverview: () => api.send<TeamOverviewAnswer>('GET', '/team/overview'),
    bottomOfPile: () => api.send<BottomOfPileAnswer>('GET', '/team/onder-op-de-stapel'),
    /** The team page's overview, bottom of the pile and clients, in one call. */
    teamPage: () => api.send<TeamPageAnswer>('GET', '/team/pagina'),
    measurements: (id: number) => api.send<MeasurementsAnswer>('GET', `/klanten/${id}/meetmomenten`),
    questionnaireLink: (id: number, wave: string) =>
      api.send<QuestionnaireLink>('POST', `/klanten/${id}/meetmomenten/${wave}/link`),
    /** With `withFreeText`, the team leader confirms that the file's free texts hold no health details. */
    intervision: (id: number, withFreeText = false) =>
      api.send<IntervisionAnswer>(
        'GET',
        `/klanten/${id}/intervisie${withFreeText ? '?geenGezondheidsgegevens=true' : ''}`,
      ),
    teams: () => api.send<Teams>('GET', '/teams'),
    users: () => api.send<{ items: UserRow[] }>('GET', '/users'),
    /** The inclusive-employer marks (for beheer also the retired ones). */
    employerMarks: () => api.send<Static<typeof MarkList>>('GET', '/keurmerken'),
    /** Beheer: POST or PATCH of catalogue, life domains, teams and users. */
    admin: (method: 'POST' | 'PATCH', path: string, body: unknown) => api.send<unknown>(method, path, body),
  };
}

export type CasefileApi = ReturnType<typeof casefileApi>;
