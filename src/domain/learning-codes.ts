/** Code lists of the learning team, without dependencies, so the web can import them. */
/** The four logics of action found in the Enschede video study. */
export const LOGICS = ['procedureel', 'relationeel', 'zorgend', 'versterkend'] as const;
export type Logic = (typeof LOGICS)[number];

/** Themes of the case library. */
export const CASE_TAGS = ['taal', 'kinderopvang', 'gezondheid', 'discriminatie', 'schulden', 'werkervaring'] as const;
export type CaseTag = (typeof CASE_TAGS)[number];

/** The one feature a variant of a case may differ on. */
export const VARIED_FEATURES = ['naam', 'leeftijd', 'achtergrond'] as const;
export type VariedFeature = (typeof VARIED_FEATURES)[number];
