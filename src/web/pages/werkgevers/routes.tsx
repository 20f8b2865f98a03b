import type { ReactNode } from 'react';
import { FEATURE_ROLES, type Role } from '../../../domain/roles.js';
import { EmployerPage } from './EmployerPage.js';
import { VacancyPage } from './VacancyPage.js';
import { WerkgeversPage, type PageProps } from './WerkgeversPage.js';

/** Roles that see the employer pages (one menu entry). */
export const WERKGEVER_ROLES: readonly Role[] = [
  ...new Set<Role>([...FEATURE_ROLES.employers, ...FEATURE_ROLES.employerMirror, ...FEATURE_ROLES.employerProtocol]),
];

/** The employer pages by address and role; null when the address is not one of them. */
export function werkgeversPage(path: string, props: PageProps): ReactNode | null {
  if (!WERKGEVER_ROLES.includes(props.user.role)) return null;
  if (path === '/werkgevers') return <WerkgeversPage {...props} />;
  const vacancy = /^\/werkgevers\/vacatures\/(\d{1,9})$/.exec(path);
  if (vacancy && FEATURE_ROLES.employers.includes(props.user.role as never))
    return <VacancyPage key={vacancy[1]} {...props} vacancyId={Number(vacancy[1])} />;
  const employer = /^\/werkgevers\/(\d{1,9})$/.exec(path);
  if (employer) return <EmployerPage key={employer[1]} {...props} employerId={Number(employer[1])} />;
  return null;
}
