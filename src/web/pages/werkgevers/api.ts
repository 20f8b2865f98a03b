import type { Static } from '@sinclair/typebox';
import type { ApiClient } from '../../api.js';
import type {
  EmployerDetail,
  EmployerList,
  EmployerMirror,
  OverdueList,
  RequestReport,
  SignalList,
  SuggestionList,
  VacancyDetail,
} from '../../../server/schemas/werkgevers.js';

export type Employers = Static<typeof EmployerList>;
export type Employer = Static<typeof EmployerDetail>;
export type VacancyAnswer = Static<typeof VacancyDetail>;
export type Suggestions = Static<typeof SuggestionList>;
export type Signals = Static<typeof SignalList>;
export type Overdue = Static<typeof OverdueList>;
export type MirrorAnswer = Static<typeof EmployerMirror>;
export type Report = Static<typeof RequestReport>;
export type ProposalItem = VacancyAnswer['proposals'][number];

/** The calls of the employer pages, over the app's one API client. */
export function werkgeversApi(api: ApiClient) {
  return {
    employers: () => api.send<Employers>('GET', '/werkgevers'),
    employer: (id: number) => api.send<Employer>('GET', `/werkgevers/${id}`),
    vacancy: (id: number) => api.send<VacancyAnswer>('GET', `/vacatures/${id}`),
    suggestions: (id: number) => api.send<Suggestions>('GET', `/vacatures/${id}/suggesties`),
    signals: () => api.send<Signals>('GET', '/signalen'),
    overdue: () => api.send<Overdue>('GET', '/nazorg'),
    mirror: (employerId: number | null) =>
      api.send<MirrorAnswer>('GET', `/spiegel/werkgevers${employerId ? `?werkgever=${employerId}` : ''}`),
    report: () => api.send<Report>('GET', '/discriminatieverzoeken/rapportage'),
    post: (path: string, body: unknown) => api.send<{ id: number }>('POST', path, body),
    patch: (path: string, body: unknown) => api.send<void>('PATCH', path, body),
    send: (method: 'PUT' | 'PATCH', path: string, body: unknown) => api.send<void>(method, path, body),
  };
}
