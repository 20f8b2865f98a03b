/**
 * Register or questionnaire: where the facts behind the grounds migration background,
 * nationality and statushouder come from, counted per fact over a population and published
 * through the disclosure control (rounded by cell key, small counts hidden). Pure functions.
 *
 * Precedence, per fact (docs/avg.md, PERSON_FACTS_SQL): the register value when the register has
 * one, otherwise the questionnaire answer.
 */
import type { KeyedCount } from './answer.js';
import { keyOfSet } from './disclosure.js';
import { REGISTER_FACTS, type FactSourceCode, type RegisterFact } from '../store/register.js';

/** One person: the record key and, per fact, its source (absent: neither gives it). */
export interface FactSourcePerson {
  key: number;
  codes: Partial<Record<RegisterFact, FactSourceCode>> | undefined;
}

/** Per fact, the sets of people by source, each as a count with the key of its set. */
export interface KeyedFactSources {
  /** The value used comes from the register (whether or not there is also an answer). */
  register: KeyedCount;
  /** The value used comes from a questionnaire answer (the register has none). */
  questionnaire: KeyedCount;
  /** Neither gives it: the ground is "onbekend" as far as this fact goes. */
  unknown: KeyedCount;
  /** Register and answer both there and different; the register value is used. */
  differ: KeyedCount;
}

/** A fact's split as published: null where the count is too small to show. */
export interface PublishedFactSource {
  fact: RegisterFact;
  register: number | null;
  questionnaire: number | null;
  unknown: number | null;
  differ: number | null;
}

/** Counts the sources of every fact over the people given (the population of the mirror). */
export function countFactSources(people: readonly FactSourcePerson[]): Record<RegisterFact, KeyedFactSources> {
  const out = {} as Record<RegisterFact, KeyedFactSources>;
  for (const fact of REGISTER_FACTS) {
    const sets: Record<keyof KeyedFactSources, number[]> = { register: [], questionnaire: [], unknown: [], differ: [] };
    for (const p of people) {
      const code = p.codes?.[fact];
      if (code === undefined) sets.unknown.push(p.key);
      else if (code === 'q') sets.questionnaire.push(p.key);
      else {
        sets.register.push(p.key);
        if (code === 'd') sets.differ.push(p.key);
      }
    }
    const keyed = (keys: number[]): KeyedCount => ({ count: keys.length, key: keyOfSet(keys) });
    out[fact] = {
      register: keyed(sets.register),
      questionnaire: keyed(sets.questionnaire),
      unknown: keyed(sets.unknown),
      differ: keyed(sets.differ),
    };
  }
  return out;
}

/** The split of every fact as it may be published, in the order of REGISTER_FACTS. */
export function publishFactSources(
  keyed: Record<RegisterFact, KeyedFactSources>,
  publish: (c: KeyedCount) => number | null,
): PublishedFactSource[] {
  return REGISTER_FACTS.map((fact) => ({
    fact,
    register: publish(keyed[fact].register),
    questionnaire: publish(keyed[fact].questionnaire),
    unknown: publish(keyed[fact].unknown),
    differ: publish(keyed[fact].differ),
  }));
}
