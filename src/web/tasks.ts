import { FEATURE_ROLES, type Role } from '../domain/roles.js';

/** The parts of Kansenspiegel, and which roles use each; the menu and the start page show these. */
export interface Task {
  key:
    | 'clients'
    | 'team'
    | 'mirror'
    | 'questionnaires'
    | 'outcomes'
    | 'employers'
    | 'learning'
    | 'teamHabits'
    | 'research'
    | 'admin';
  path: string;
  roles: readonly Role[];
}

export const TASKS: readonly Task[] = [
  { key: 'clients', path: '/klanten', roles: FEATURE_ROLES.caseFile },
  { key: 'team', path: '/team', roles: FEATURE_ROLES.team },
  { key: 'mirror', path: '/spiegel', roles: FEATURE_ROLES.mirror },
  { key: 'questionnaires', path: '/vragenlijsten', roles: FEATURE_ROLES.questionnaires },
  { key: 'outcomes', path: '/meetmomenten', roles: FEATURE_ROLES.outcomes },
  { key: 'learning', path: '/leren', roles: FEATURE_ROLES.learning },
  // team leaders reach the team mirror from /leren; policy officers only have this page of it
  { key: 'teamHabits', path: '/leren/teamspiegel', roles: ['beleidsmedewerker'] },
  { key: 'employers', path: '/werkgevers', roles: [...FEATURE_ROLES.employers, 'beleidsmedewerker', 'onderzoeker'] },
  { key: 'research', path: '/onderzoek', roles: FEATURE_ROLES.research },
  { key: 'admin', path: '/beheer', roles: FEATURE_ROLES.admin },
];

export const tasksFor = (role: Role): Task[] => TASKS.filter((task) => task.roles.includes(role));
