import { evidenceSize, riskRatio, TOO_LITTLE_EVIDENCE, type EvidenceSize } from './stats/index.js';
import { computeMirror } from './funnel.js';
import { groupLabel, UNKNOWN } from './grounds.js';
import type { PersonTable } from './person-table.js';
import type { ProtectionRules } from './disclosure.js';
import { outsideBand, protectedTest } from './scan.js';

/** Reference choices: everyone else, the largest group, or a named group. */
export const EVERYONE_ELSE = 'iedereen';
export const LARGEST = 'grootste';

export interface ComparisonRow {
  group: string;
  label: string;
  n: number | null;
  reached: number | null;
  rate: number | null;
  /** Against the chosen reference: ratio with interval and p (on published counts). */
  ratio: number | null;
  ratioLower: number | null;
  ratioUpper: number | null;
  p: number | null;
  /** Outside 0.8–1.25: a signal to look closer, never a verdict. */
  signal: boolean;
  evidence: EvidenceSize | null;
  /** "Te weinig gegevens om iets te zeggen" when the group is too small to detect even a doubling. */
  evidenceNote: string | null;
  suppressed: boolean;
}

export interface ComparisonTable {
  stage: string;
  ground: string;
  reference: string;
  referenceLabel: string;
  rows: ComparisonRow[];
}

/**
 * One table of group sizes, rates, ratios, tests and evidence size for one ground and stage,
 * against everyone else, the largest group or a named group; all from the protected mirror's
 * published counts.
 */
export function comparisonTable(
  table: PersonTable,
  stage: string,
  ground: string,
  reference: string,
  protection: ProtectionRules,
): ComparisonTable {
  const def = table.grounds.get(ground)?.def;
  if (!def) throw new RangeError(`unknown ground "${ground}"`);
  const mirror = computeMirror(table, [[ground]], { protection });
  const cells = mirror.cells.filter((c) => c.stage === stage && !c.unknown);
  const total = mirror.totals.find((t) => t.stage === stage)!;
  const largest = [...cells].sort((a, b) => (b.nPopulation ?? 0) - (a.nPopulation ?? 0))[0]?.groups[0];
  const refGroup = reference === LARGEST ? largest : reference === EVERYONE_ELSE ? null : reference;
  if (refGroup !== null && refGroup !== undefined && !def.groups.includes(refGroup))
    throw new RangeError(`"${refGroup}" is not a group of ${ground}`);
  const refCell = refGroup ? cells.find((c) => c.groups[0] === refGroup) : undefined;
  const knownN = cells.reduce((a, c) => a + (c.nPopulation ?? 0), 0);
  const knownX = cells.reduce((a, c) => a + (c.nStage ?? 0), 0);
  const rows = cells.map((c): ComparisonRow => {
    const hidden = c.suppressed !== null || c.nPopulation === null || c.nStage === null;
    const base = {
      group: c.groups[0],
      label: groupLabel(def, c.groups[0]),
      n: hidden ? null : c.nPopulation,
      reached: hidden ? null : c.nStage,
      rate: hidden ? null : c.rate,
      suppressed: hidden,
    };
    const empty = { ratio: null, ratioLower: null, ratioUpper: null, p: null, signal: false, evidence: null };
    if (hidden || c.groups[0] === refGroup) return { ...base, ...empty, evidenceNote: null };
    let n2: number, x2: number;
    if (refCell) {
      if (refCell.nPopulation === null || refCell.nStage === null || refCell.suppressed)
        return { ...base, ...empty, evidenceNote: null };
      [n2, x2] = [refCell.nPopulation, refCell.nStage];
    } else {
      // everyone else with a known value: the mirror's own comparison
      [n2, x2] = [knownN - c.nPopulation!, knownX - c.nStage!];
    }
    if (n2 <= 0 || total.reached === null) return { ...base, ...empty, evidenceNote: null };
    const rr = riskRatio(c.nStage!, c.nPopulation!, x2, n2);
    const evidence = evidenceSize(c.nPopulation!, n2, x2 / n2);
    return {
      ...base,
      ratio: rr.ratio,
      ratioLower: rr.lower,
      ratioUpper: rr.upper,
      p: protectedTest(c.nStage!, c.nPopulation!, x2, n2, protection.testSlack),
      signal: outsideBand(rr.ratio),
      evidence,
      evidenceNote: evidence.enough ? null : TOO_LITTLE_EVIDENCE,
    };
  });
  return {
    stage,
    ground,
    reference: refGroup ?? EVERYONE_ELSE,
    referenceLabel: refGroup ? groupLabel(def, refGroup) : 'Iedereen anders',
    rows: rows.filter((r) => r.group !== UNKNOWN),
  };
}
