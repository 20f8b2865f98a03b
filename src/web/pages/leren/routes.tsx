import type { ReactNode } from 'react';
import { FEATURE_ROLES } from '../../../domain/roles.js';
import { CasePage } from './CasePage.js';
import { CasesPage } from './CasesPage.js';
import { MeetingPage } from './MeetingPage.js';
import { NewCasePage } from './NewCasePage.js';
import { ReflectionPage } from './ReflectionPage.js';
import { TeamHabitsPage } from './TeamHabitsPage.js';
import type { LerenProps } from './shared.js';

/** The learning team's pages by address and role; null when the address is not one of them. */
export function lerenPage(path: string, props: LerenProps): ReactNode | null {
  const role = props.user.role;
  const learning = (FEATURE_ROLES.learning as readonly string[]).includes(role);
  if (path === '/leren/teamspiegel' && (FEATURE_ROLES.teamHabits as readonly string[]).includes(role))
    return <TeamHabitsPage {...props} />;
  if (!learning) return null;
  if (path === '/leren') return <CasesPage {...props} />;
  if (path === '/leren/casussen/nieuw' && role === 'teamleider') return <NewCasePage {...props} />;
  if (path === '/leren/reflectie' && role === 'consultant') return <ReflectionPage {...props} />;
  const meeting = /^\/leren\/casussen\/(\d{1,9})\/bespreking$/.exec(path);
  if (meeting && role === 'teamleider') return <MeetingPage key={meeting[1]} {...props} caseId={Number(meeting[1])} />;
  const one = /^\/leren\/casussen\/(\d{1,9})$/.exec(path);
  if (one) return <CasePage key={one[1]} {...props} caseId={Number(one[1])} />;
  return null;
}
