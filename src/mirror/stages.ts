import { BOTTOM_OF_PILE_DAYS, INTENSIVE_CONVERSATIONS_PER_YEAR, YEAR_DAYS } from '../domain/casefile-rules.js';

/**
 * The decision moments (beslismomenten) of the reintegration funnel. Each stage is a yes/no
 * fact per person in the population of a period; the exact definitions on case data are in
 * src/store/mirror-source.ts and the README ("De trechter").
 */
export interface StageDef {
  key: string;
  /** Short Dutch label for tables and charts. */
  label: string;
  /** What reaching the stage means, in plain Dutch. */
  description: string;
  /** True for a stage nobody should reach (e.g. no contact for six months). */
  adverse?: boolean;
}

export const CORE_STAGES: readonly StageDef[] = [
  {
    key: 'diagnose_kort',
    label: 'Diagnose kort',
    description: 'kreeg als laatste diagnoseadvies "korte afstand tot werk"',
  },
  {
    key: 'werkplein',
    label: 'Werkpleinbestand',
    description: 'stond in de periode in het Werkpleinbestand, met een werkzoekendebegeleider',
  },
  { key: 'plan', label: 'Plan van aanpak', description: 'had een plan van aanpak' },
  {
    key: 'voorziening',
    label: 'Voorziening',
    description: 'kreeg minstens één voorziening (re-integratie-instrument)',
  },
  { key: 'contact_4', label: '4+ gesprekken', description: 'had minstens 4 gesprekken in 12 maanden' },
  {
    key: 'onder_op_de_stapel',
    label: 'Onder op de stapel',
    description: 'had 6 maanden of langer geen gesprek',
    adverse: true,
  },
  { key: 'werkzaam_1m', label: 'Werk ≥ 1 maand', description: 'werkte minstens 1 maand bij dezelfde werkgever' },
  {
    key: 'werkzaam_6m',
    label: 'Werk ≥ 6 maanden',
    description: 'werkte minstens 6 maanden bij dezelfde werkgever (duurzaam)',
  },
  { key: 'uitstroom', label: 'Uitstroom', description: 'stroomde uit de bijstand' },
];

/** Stage key for "received at least one instrument of SRG type `code`". */
export const srgStageKey = (code: number): string => `voorziening_srg_${code}`;

/** The stage definition for a key, falling back to the key itself for stages from an extract. */
export function stageDef(key: string, extra: readonly StageDef[] = []): StageDef {
  return [...CORE_STAGES, ...extra].find((s) => s.key === key) ?? { key, label: key, description: key };
}

/**
 * The stage definitions as data: per stage the case-file event it reads, the window in which
 * the event counts and, where it matters, a minimum (count, duration, gap). The SQL that
 * reads the case file (src/store/stage-sql.ts) and the in-memory reading of the demo
 * (src/mirror/stage-facts.ts, used by src/demo/measure.ts) are both derived from this list,
 * and test/unit/stage-facts.test.ts with test/integration/stage-sql.test.ts check that they
 * agree. Dates are calendar days; a period is [from, to] inclusive; a person's "observed end"
 * is the end of the period or of the benefit, whichever comes first.
 */
export type StageRule =
  /** The latest event on or before the end of the period has `field` = `value`. */
  | { kind: 'latestIs'; event: 'diagnosis'; field: 'distance'; value: string }
  /** An event period (with `field` = `value`) overlaps the period. */
  | { kind: 'overlaps'; event: 'bestand_period'; field: 'bestand'; value: string }
  /** An event on or before the end of the period, not with status `exceptStatus`. */
  | { kind: 'byEnd'; event: 'action_plan'; exceptStatus: string }
  /** An event (its start) falls within the period. */
  | { kind: 'startsIn'; event: 'instrument_allocation' }
  /** At least `atLeast` events in the `days` days up to the observed end. */
  | { kind: 'countUpToEnd'; event: 'conversation'; days: number; atLeast: number }
  /**
   * On some day of the period while on benefit, the last event (or the benefit start) was
   * `days` days or more before.
   */
  | { kind: 'gap'; event: 'conversation'; days: number }
  /**
   * An event period that began within the period and lasted (or, still running, has lasted
   * until today) at least `months` calendar months: its end is on or after start + months − 1 day.
   */
  | { kind: 'lasts'; event: 'work_period'; months: number }
  /** An event period ended within the period. */
  | { kind: 'endsIn'; event: 'benefit_period' };

export const STAGE_RULES: Readonly<Record<string, StageRule>> = {
  diagnose_kort: { kind: 'latestIs', event: 'diagnosis', field: 'distance', value: 'kort' },
  werkplein: { kind: 'overlaps', event: 'bestand_period', field: 'bestand', value: 'werkplein' },
  plan: { kind: 'byEnd', event: 'action_plan', exceptStatus: 'concept' },
  voorziening: { kind: 'startsIn', event: 'instrument_allocation' },
  contact_4: {
    kind: 'countUpToEnd',
    event: 'conversation',
    days: YEAR_DAYS,
    atLeast: INTENSIVE_CONVERSATIONS_PER_YEAR,
  },
  onder_op_de_stapel: { kind: 'gap', event: 'conversation', days: BOTTOM_OF_PILE_DAYS },
  werkzaam_1m: { kind: 'lasts', event: 'work_period', months: 1 },
  werkzaam_6m: { kind: 'lasts', event: 'work_period', months: 6 },
  uitstroom: { kind: 'endsIn', event: 'benefit_period' },
};

/**
 * The date columns of each case-file event: `on` for a dated event, `start`/`end` for a
 * period (an open end is NULL).
 */
export const EVENT_DATES = {
  diagnosis: { on: 'given_on' },
  bestand_period: { start: 'start_date', end: 'end_date' },
  action_plan: { on: 'created_on' },
  instrument_allocation: { on: 'started_on' },
  conversation: { on: 'held_on' },
  work_period: { start: 'start_date', end: 'end_date' },
  benefit_period: { start: 'start_date', end: 'end_date' },
} as const;
