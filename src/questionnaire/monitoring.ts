/**
 * From answers to the special-category store: which facts of monitoring.person and which
 * self-reported cultural backgrounds the questionnaire gives. Pure; the store writes them.
 */
import { classifyAll, type MigrationClassification, type MigrationInput } from '../domain/migration-background.js';
import type { Answers, AnswerValue } from './definition.js';

/** Facts for monitoring.person (undefined = not answered: keep what is stored). */
export interface PersonFacts {
  birthCountry?: string | null;
  motherBirthCountry?: string | null;
  fatherBirthCountry?: string | null;
  nationality?: string | null;
  healthLimitation?: boolean;
}

export interface MonitoringUpdate {
  readonly person: PersonFacts;
  /** Self-reported cultural backgrounds (codes, or the client's own words for "other"); null = not answered. */
  readonly culturalBackgrounds: string[] | null;
}

function country(value: AnswerValue | undefined): string | null | undefined {
  if (value === undefined || typeof value !== 'string') return undefined;
  return value === 'onbekend' ? null : value;
}

/** The monitoring facts in a set of (validated) answers. */
export function monitoringFromAnswers(answers: Answers): MonitoringUpdate {
  const person: PersonFacts = {};
  const set = <K extends keyof PersonFacts>(key: K, value: PersonFacts[K] | undefined) => {
    if (value !== undefined) person[key] = value;
  };
  set('birthCountry', country(answers.geboorteland));
  set('motherBirthCountry', country(answers.geboorteland_moeder));
  set('fatherBirthCountry', country(answers.geboorteland_vader));
  set('nationality', country(answers.nationaliteit));
  if (typeof answers.gezondheid_beperking === 'boolean') person.healthLimitation = answers.gezondheid_beperking;
  const bg = answers.culturele_achtergrond;
  let culturalBackgrounds: string[] | null = null;
  if (typeof bg === 'object' && bg !== null) {
    culturalBackgrounds = [...bg.codes];
    const other = bg.other?.trim();
    if (other) culturalBackgrounds.push(other);
  }
  return { person, culturalBackgrounds };
}

/** A stored monitoring row as the classification reads it. */
export interface MonitoringRow {
  birth_country: string | null;
  mother_birth_country: string | null;
  father_birth_country: string | null;
  nationality: string | null;
}

/** Migration background in the three definitions, from stored monitoring rows (reuses classifyAll). */
export function classifyMonitoring(row: MonitoringRow, backgrounds: readonly string[]): MigrationClassification {
  const input: MigrationInput = {
    birthCountry: row.birth_country,
    motherBirthCountry: row.mother_birth_country,
    fatherBirthCountry: row.father_birth_country,
    nationality: row.nationality,
    culturalBackgrounds: backgrounds.length > 0 ? backgrounds : null,
  };
  return classifyAll(input);
}
