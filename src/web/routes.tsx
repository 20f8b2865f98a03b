import type { ReactNode } from 'react';
import { FEATURE_ROLES, type Feature } from '../domain/roles.js';
import type { ApiClient, SessionUser } from './api.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { StartPage } from './pages/StartPage.js';
import { SpiegelPage } from './pages/spiegel/SpiegelPage.js';
import { BeheerPage } from './pages/beheer/BeheerPage.js';
import { CaseloadPage } from './pages/begeleiding/CaseloadPage.js';
import { ClientFilePage } from './pages/begeleiding/ClientFilePage.js';
import { IntervisionPage, TeamPage } from './pages/begeleiding/TeamPage.js';
import { DueListPage, ReadOutPage } from './pages/vragenlijst/StaffPages.js';
import { OutcomesPage } from './pages/vragenlijst/OutcomesPage.js';
import { VerdiepingPage } from './pages/spiegel-verdieping/VerdiepingPage.js';
import { ResearchPage } from './pages/onderzoek/ResearchPage.js';
import { lerenPage } from './pages/leren/routes.js';
import { werkgeversPage } from './pages/werkgevers/routes.js';

/**
 * Every page of the staff app, by address and feature (which roles may use it, from
 * FEATURE_ROLES): the one place that maps an address to a page. The menu's entries are in
 * tasks.ts; the client's own questionnaire (link, kiosk) is outside the staff app
 * (isPublicQuestionnairePath).
 */
export interface PageContext {
  api: ApiClient;
  user: SessionUser;
  onSessionEnded: () => void;
}

interface Route {
  /** The address, with capture groups for its parameters. */
  path: RegExp;
  /** Null: every logged-in user. */
  feature: Feature | null;
  page: (ctx: PageContext, params: string[]) => ReactNode;
}

const ID = '(\\d{1,9})';
const exact = (pattern: string): RegExp => new RegExp(`^${pattern}$`);

export const ROUTES: readonly Route[] = [
  { path: exact('/'), feature: null, page: (ctx) => <StartPage {...ctx} /> },
  { path: exact('/klanten'), feature: 'caseFile', page: (ctx) => <CaseloadPage {...ctx} /> },
  {
    path: exact(`/klanten/${ID}`),
    feature: 'caseFile',
    page: (ctx, [id]) => <ClientFilePage key={id} {...ctx} clientId={Number(id)} />,
  },
  { path: exact('/team'), feature: 'team', page: (ctx) => <TeamPage {...ctx} /> },
  {
    path: exact(`/team/intervisie/${ID}`),
    feature: 'team',
    page: (ctx, [id]) => <IntervisionPage key={id} {...ctx} clientId={Number(id)} />,
  },
  { path: exact('/spiegel'), feature: 'mirror', page: (ctx) => <SpiegelPage {...ctx} /> },
  { path: exact('/spiegel/verdieping'), feature: 'mirror', page: (ctx) => <VerdiepingPage {...ctx} /> },
  { path: exact('/vragenlijsten'), feature: 'questionnaires', page: (ctx) => <DueListPage {...ctx} /> },
  {
    path: exact(`/vragenlijsten/${ID}/(T[012])/voorlezen`),
    feature: 'questionnaires',
    page: (ctx, [id, wave]) => <ReadOutPage key={`${id}.${wave}`} {...ctx} clientId={Number(id)} wave={wave} />,
  },
  { path: exact('/meetmomenten'), feature: 'outcomes', page: (ctx) => <OutcomesPage {...ctx} /> },
  { path: exact('/onderzoek'), feature: 'research', page: (ctx) => <ResearchPage api={ctx.api} /> },
  { path: exact('/beheer'), feature: 'admin', page: (ctx) => <BeheerPage {...ctx} /> },
];

const allowed = (feature: Feature | null, ctx: PageContext): boolean =>
  feature === null || (FEATURE_ROLES[feature] as readonly string[]).includes(ctx.user.role);

/** The page for an address; "not found" when there is none for this user's role. */
export function pageFor(path: string, ctx: PageContext): ReactNode {
  for (const route of ROUTES) {
    const match = route.path.exec(path);
    if (match && allowed(route.feature, ctx)) return route.page(ctx, match.slice(1));
  }
  // The learning team and the employers keep their own sub-tables (many addresses each).
  return lerenPage(path, ctx) ?? werkgeversPage(path, ctx) ?? <NotFoundPage />;
}
