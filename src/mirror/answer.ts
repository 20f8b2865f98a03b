import { computeMirror, type MirrorResult } from './funnel.js';
import { narrate, type Narrative } from './narrative.js';
import { compareWithNational, type BenchmarkRow } from './benchmark.js';
import { publishCount, type ProtectionRules } from './disclosure.js';
import type { GroundDef } from './grounds.js';
import type { PersonTable } from './person-table.js';
import { publishFactSources, type KeyedFactSources, type PublishedFactSource } from './fact-sources.js';
import type { RegisterFact } from '../store/register.js';

/** A count outside the cell grid, with the key of its set of people (disclosure.ts). */
export interface KeyedCount {
  count: number;
  key: number;
}

export interface QualityInput {
  missingDiagnosis?: KeyedCount;
  withoutConversation?: KeyedCount;
  impossibleDates?: KeyedCount;
  /** Rows of an extract that were left out (about the file, not about people). */
  rejectedRows?: number;
  /** Register or questionnaire, per fact behind the grounds (the server; not for an extract). */
  factSources?: Record<RegisterFact, KeyedFactSources>;
}

/** Data-quality counts as published: null when under the threshold. */
export interface PublishedQuality {
  missingDiagnosis: number | null;
  withoutConversation: number | null;
  impossibleDates: number | null;
  rejectedRows: number | null;
  /** Register or questionnaire, per fact; absent when not known (an extract). */
  factSources?: PublishedFactSource[];
}

export interface MirrorAnswer {
  result: MirrorResult;
  quality: PublishedQuality;
  narrative: Narrative;
  benchmark: BenchmarkRow[];
}

export interface MirrorAnswerInput {
  table: PersonTable;
  groupings: readonly (readonly string[])[];
  threshold: number;
  /** Protected figures (the server, and `spiegel --protect`); null = exact with threshold suppression. */
  protection: ProtectionRules | null;
  extraGrounds?: readonly GroundDef[];
  quality?: QualityInput;
}

/**
 * The one place where the mirror's answer is put together, for the API, the exports and the
 * command line alike: the mirror itself, the data-quality counts, the story and the national
 * comparison. Everything in it is computed from the published figures, so that the same cell
 * gives the same number in every format.
 */
export function buildMirrorAnswer(input: MirrorAnswerInput): MirrorAnswer {
  const { table, groupings, threshold, protection } = input;
  const extraGrounds = input.extraGrounds ?? [];
  const result = computeMirror(
    table,
    groupings,
    protection ? { protection, extraGrounds } : { threshold, extraGrounds },
  );
  const q = input.quality ?? {};
  const count = (c: KeyedCount | undefined): number | null => {
    if (c === undefined) return null;
    if (protection) return publishCount(c.count, c.key, protection);
    return c.count > 0 && c.count < threshold ? null : c.count;
  };
  const quality: PublishedQuality = {
    missingDiagnosis: count(q.missingDiagnosis),
    withoutConversation: count(q.withoutConversation),
    impossibleDates: count(q.impossibleDates),
    rejectedRows: q.rejectedRows ?? null,
    ...(q.factSources ? { factSources: publishFactSources(q.factSources, count) } : {}),
  };
  const narrative = narrate(
    result,
    {
      missingDiagnosis: quality.missingDiagnosis ?? undefined,
      withoutConversation: quality.withoutConversation ?? undefined,
      rejectedRows: quality.rejectedRows ?? undefined,
    },
    { extraGrounds },
  );
  return { result, quality, narrative, benchmark: compareWithNational(result) };
}
