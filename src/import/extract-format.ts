import type { GroundDef } from '../mirror/grounds.js';
import type { PersonTable } from '../mirror/person-table.js';
import type { ExtractMapping } from './extract-mapping.js';

/** Stage columns of the extract format, in funnel order. Absent columns are skipped. */
export const EXTRACT_STAGES = [
  'diagnose_kort',
  'plan',
  'voorziening',
  'contact_4',
  'werkzaam_1m',
  'werkzaam_6m',
  'uitstroom',
] as const;

export interface RowError {
  /** Line number in the file (the header is line 1; empty lines are not counted). */
  row: number;
  field: string;
  reason: string;
}

/** A value that was not understood: that ground counts as unknown for the people who have it. */
export interface ValueWarning {
  field: string;
  value: string;
  count: number;
  firstRow: number;
}

export interface ExtractResult {
  /** The people counted, in columns, ready for the mirror. */
  table: PersonTable;
  grounds: GroundDef[];
  stages: string[];
  /** The first errors (at most MAX_ERRORS_KEPT); `errorCount` counts them all. */
  errors: RowError[];
  errorCount: number;
  /** Rows left out because of an error. */
  rejectedRows: number;
  /** Per ground and value not understood, how many people counted as unknown for it. */
  warnings: ValueWarning[];
  delimiter: ';' | ',';
}

export interface ExtractOptions {
  /** Extra columns to compare groups on (free values). */
  extraGrounds?: readonly string[];
  /** Lower bounds of the age bands after the first (default [27, 45]: ≤ 26, 27–44, 45+). */
  ageBands?: readonly number[];
  /** Gives each person a record key from their `persoon` id, for protected figures. */
  keyFor?: (id: string) => number;
  /** Column names, value recodings and defaults (the import mapping format, part "extract"). */
  mapping?: ExtractMapping;
  /**
   * The earlier rule: a row with a value that is not understood is left out and reported as an
   * error. By default only that ground becomes unknown for that person, with a warning.
   */
  strict?: boolean;
  /**
   * Only counts are asked of the people (the mirror without the adjusted comparison): the reader
   * may then keep them as a cross-classification of the grounds per stage set instead of a row
   * per person (table.cube), and their rows come out in no particular order within a stage set.
   * Not with record keys or free grounds; then it reads a row per person as usual.
   */
  countsOnly?: boolean;
}

export const MAX_ERRORS_KEPT = 1000;
