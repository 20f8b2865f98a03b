import type { ReactNode } from 'react';
import { BeheerPage } from '../beheer/BeheerPage.js';
import { CaseloadPage, type PageProps } from './CaseloadPage.js';
import { ClientFilePage } from './ClientFilePage.js';
import { IntervisionPage, TeamPage } from './TeamPage.js';

/**
 * The pages of the daily work and of beheer, by address and role. Null when the address is
 * not one of them (or not for this role): the app then shows its own page.
 */
export function begeleidingPage(path: string, props: PageProps): ReactNode | null {
  const role = props.user.role;
  const caseFile = role === 'consultant' || role === 'teamleider';
  if (caseFile && path === '/klanten') return <CaseloadPage {...props} />;
  const client = /^\/klanten\/(\d{1,9})$/.exec(path);
  if (caseFile && client) return <ClientFilePage key={client[1]} {...props} clientId={Number(client[1])} />;
  if (role === 'teamleider' && path === '/team') return <TeamPage {...props} />;
  const intervision = /^\/team\/intervisie\/(\d{1,9})$/.exec(path);
  if (role === 'teamleider' && intervision)
    return <IntervisionPage key={intervision[1]} {...props} clientId={Number(intervision[1])} />;
  if (role === 'beheerder' && path === '/beheer') return <BeheerPage {...props} />;
  return null;
}
