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

/**
 * Which roles use which part of Kansenspiegel: one table for the server's access checks and the
 * web's menu and start page.
 */
export const FEATURE_ROLES = {
  /** A person's case file (further limited to own clients, or the own team). */
  caseFile: ['consultant', 'teamleider'],
  team: ['teamleider'],
  /** The equal-opportunity mirror; consultants have none. */
  mirror: ['teamleider', 'beleidsmedewerker', 'onderzoeker'],
  questionnaires: ['consultant', 'teamleider'],
  /** The outcome mirror of the measurement moments. */
  outcomes: ['teamleider', 'beleidsmedewerker', 'onderzoeker'],
  admin: ['beheerder'],
  /** Dilemma cases and the case library (reflection is the consultant's own). */
  learning: ['consultant', 'teamleider'],
  /** The team's mirror of its own habits: aggregates only. */
  teamHabits: ['teamleider', 'beleidsmedewerker'],
  /** Employers, vacancies, matching and proposals (werkgevers en plaatsing). */
  employers: ['consultant', 'teamleider'],
  /** The employer's decision moments in the mirror and the reports of discriminatory requests. */
  employerMirror: ['teamleider', 'beleidsmedewerker', 'onderzoeker'],
  /** The protocol's decisions: naming an employer in a report, or as a good example. */
  employerProtocol: ['beleidsmedewerker'],
  /** The pseudonymised research export. */
  research: ['onderzoeker'],
} as const satisfies Record<string, readonly Role[]>;

export type Feature = keyof typeof FEATURE_ROLES;

/** Who may open a person's case file at all (further limited to own clients or own team). */
export const CASE_FILE_ROLES: readonly Role[] = FEATURE_ROLES.caseFile;

/** A user name: 2 to 50 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit. */
export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{1,49}$';
