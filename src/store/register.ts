import type { Queryable } from './db.js';

/** The facts that both the register and a questionnaire can give (monitoring.register_person and monitoring.person). */
export const REGISTER_FACTS = [
  'birth_country',
  'mother_birth_country',
  'father_birth_country',
  'nationality',
  'statushouder',
] as const;
export type RegisterFact = (typeof REGISTER_FACTS)[number];

/**
 * The special-category facts per person as the mirror uses them, one row per pseudonym.
 * Precedence, per fact (docs/avg.md, "Voorrang"): the register value when the register has
 * one; otherwise the questionnaire answer. Health and religion come only from questionnaires.
 * Columns: pseudonym, municipality_id, the REGISTER_FACTS, health_limitation.
 */
export const PERSON_FACTS_SQL = `SELECT coalesce(r.pseudonym, p.pseudonym) AS pseudonym,
       coalesce(r.municipality_id, p.municipality_id) AS municipality_id,
       ${REGISTER_FACTS.map((f) => `coalesce(r.${f}, p.${f}) AS ${f}`).join(',\n       ')},
       p.health_limitation
  FROM monitoring.register_person r
  FULL JOIN monitoring.person p ON p.pseudonym = r.pseudonym`;

/** The facts of the grounds of one person: register first (PERSON_FACTS_SQL), with the cultural backgrounds. */
export interface PersonGroundFacts {
  pseudonym: string;
  birth_country: string | null;
  mother_birth_country: string | null;
  father_birth_country: string | null;
  nationality: string | null;
  statushouder: boolean | null;
  health_limitation: boolean | null;
  backgrounds: string[] | null;
}

/**
 * The facts of the grounds per person, as the mirror, the outcome mirror and the demo's waves
 * read them: one query, so all three follow the same precedence. `municipalityId` null: all.
 */
export function readPersonGroundFacts(
  db: Queryable,
  municipalityId: number | null,
  /** Only these people (by pseudonym), when given: a cohort instead of the whole municipality. */
  pseudonyms?: readonly string[],
): Promise<PersonGroundFacts[]> {
  return db.query<PersonGroundFacts>(
    `SELECT p.pseudonym, p.birth_country, p.mother_birth_country, p.father_birth_country, p.nationality, p.statushouder,
            p.health_limitation,
            (SELECT array_agg(cb.background ORDER BY cb.background) FROM monitoring.cultural_background cb WHERE cb.pseudonym = p.pseudonym) AS backgrounds
       FROM (${PERSON_FACTS_SQL}) p
      WHERE ($1::int IS NULL OR p.municipality_id = $1) AND ($2::text[] IS NULL OR p.pseudonym = ANY($2::text[]))`,
    [municipalityId, pseudonyms ?? null],
  );
}

/**
 * Per person of the municipality (by pseudonym), where each fact comes from: 'r' the register
 * only, 'q' a questionnaire answer only, 'a' both and they agree, 'd' both and they differ (the
 * register value is used). A fact that neither gives is left out. For aggregate counts only.
 */
export async function personFactSources(
  db: Queryable,
  municipalityId: number,
  /** Only these people (by pseudonym), when given. */
  pseudonyms?: readonly string[],
): Promise<Map<string, Partial<Record<RegisterFact, FactSourceCode>>>> {
  const parts = REGISTER_FACTS.map(
    (f) => `CASE WHEN r.${f} IS NOT NULL AND p.${f} IS NOT NULL THEN (CASE WHEN r.${f} = p.${f} THEN 'a' ELSE 'd' END)
            WHEN r.${f} IS NOT NULL THEN 'r' WHEN p.${f} IS NOT NULL THEN 'q' END AS ${f}`,
  );
  // For a list of people, the same rows as the full join gives for them, found through the keys.
  const rows = pseudonyms
    ? await db.query<Record<string, string | null>>(
        `SELECT w.pseudonym, ${parts.join(',\n       ')}
           FROM unnest($2::text[]) AS w(pseudonym)
           LEFT JOIN monitoring.register_person r ON r.pseudonym = w.pseudonym
           LEFT JOIN monitoring.person p ON p.pseudonym = w.pseudonym
          WHERE coalesce(r.municipality_id, p.municipality_id) = $1`,
        [municipalityId, pseudonyms],
      )
    : await db.query<Record<string, string | null>>(
        `SELECT coalesce(r.pseudonym, p.pseudonym) AS pseudonym, ${parts.join(',\n       ')}
           FROM monitoring.register_person r
           FULL JOIN monitoring.person p ON p.pseudonym = r.pseudonym
          WHERE coalesce(r.municipality_id, p.municipality_id) = $1`,
        [municipalityId],
      );
  const out = new Map<string, Partial<Record<RegisterFact, FactSourceCode>>>();
  for (const row of rows) {
    const codes: Partial<Record<RegisterFact, FactSourceCode>> = {};
    for (const f of REGISTER_FACTS) if (row[f]) codes[f] = row[f] as FactSourceCode;
    out.set(row.pseudonym!, codes);
  }
  return out;
}

/** See personFactSources. */
export type FactSourceCode = 'r' | 'q' | 'a' | 'd';
