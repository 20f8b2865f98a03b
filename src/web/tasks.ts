import type { Role } from '../domain/roles.js';

/** The parts of Kansenspiegel, and which roles use each; the menu and the start page show these. */
export interface Task {
  key: 'clients' | 'team' | 'mirror' | 'questionnaires' | 'outcomes' | 'admin';
  path: string;
  roles: readonly Role[];
}

export const TASKS: readonly Task[] = [
  { key: 'clients', path: '/klanten', roles: ['consultant', 'teamleider'] },
  { key: 'team', path: '/team', roles: ['teamleider'] },
  { key: 'mirror', path: '/spiegel', roles: ['teamleider', 'beleidsmedewerker', 'onderzoeker'] },
  { key: 'questionnaires', path: '/vragenlijsten', roles: ['consultant', 'teamleider'] },
  { key: 'outcomes', path: '/meetmomenten', roles: ['teamleider', 'beleidsmedewerker', 'onderzoeker'] },
  { key: 'admin', path: '/beheer', roles: ['beheerder'] },
];

export const tasksFor = (role: Role): Task[] => TASKS.filter((task) => task.roles.includes(role));
