/** Roles in a Work & Income department, as stored in app_user.role. */
export const ROLES = ['consultant', 'teamleider', 'beleidsmedewerker', 'onderzoeker', 'beheerder'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  consultant: 'Klantmanager',
  teamleider: 'Teamleider',
  beleidsmedewerker: 'Beleidsmedewerker',
  onderzoeker: 'Onderzoeker',
  beheerder: 'Functioneel beheerder',
};

/** Who may open a person's case file at all (further limited to own clients or own team). */
export const CASE_FILE_ROLES: readonly Role[] = ['consultant', 'teamleider'];
