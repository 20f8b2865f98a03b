import { isSignificant } from './clear.js';
import type { AdjustedRow } from './adjusted.js';

/**
 * How far the odds ratio must move towards 1 before we say the gap "disappears" after
 * adjustment: at least half of the distance on the log scale (e.g. from 2.0 to 1.41 or less).
 * Otherwise a gap that merely lost its significance is reported as uncertain, not explained.
 */
export const EXPLAINED_SHARE = 0.5;

/** Share of the crude log odds ratio that the adjustment took away (1 = all, 0 = none, < 0 = grew). */
export function shareExplained(crude: number, adjusted: number): number {
  const c = Math.log(crude);
  if (c === 0 || !Number.isFinite(c)) return 0;
  return 1 - Math.log(adjusted) / c;
}

export interface ExplainInput {
  rows: readonly AdjustedRow[];
  referenceLabel: string;
  covariateLabels: readonly string[];
  problem: string | null;
  aliased: readonly string[];
  method: 'glm' | 'firth';
}

/** Plain Dutch (B1) reading of the adjusted comparison. */
export function explainAdjusted(input: ExplainInput): string[] {
  const { rows, referenceLabel, problem } = input;
  if (problem) return [problem];
  const out: string[] = [];
  const fmt = (x: number) => x.toLocaleString('nl-NL', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const covs = input.covariateLabels.length ? input.covariateLabels.join(', ') : 'niets';
  for (const r of rows) {
    if (!r.crude || !r.adjusted) continue;
    const sigC = isSignificant(r.crude.p),
      sigA = isSignificant(r.adjusted.p);
    const dir = (or: number) => (or < 1 ? 'kleiner' : 'groter');
    const adj = `${fmt(r.adjusted.oddsRatio)}, interval ${fmt(r.adjusted.lower)}–${fmt(r.adjusted.upper)}`;
    const moved = shareExplained(r.crude.oddsRatio, r.adjusted.oddsRatio);
    if (sigC && !sigA && moved >= EXPLAINED_SHARE) {
      out.push(
        `${r.label}: zonder correctie is de kans ${dir(r.crude.oddsRatio)} dan bij ${referenceLabel} (odds ratio ${fmt(r.crude.oddsRatio)}), maar na rekening houden met ${covs} is er geen duidelijk verschil meer (${adj}). Het verschil hangt dus vooral samen met die andere kenmerken.`,
      );
    } else if (sigC && !sigA) {
      out.push(
        `${r.label}: zonder correctie is de kans ${dir(r.crude.oddsRatio)} dan bij ${referenceLabel} (odds ratio ${fmt(r.crude.oddsRatio)}). Na rekening houden met ${covs} is het verschil niet meer duidelijk, maar de odds ratio veranderde weinig (${adj}). Die kenmerken verklaren het verschil dus niet; er zijn te weinig gegevens om het zeker te zeggen.`,
      );
    } else if (sigA) {
      out.push(
        `${r.label}: ook na rekening houden met ${covs} is de kans ${dir(r.adjusted.oddsRatio)} dan bij ${referenceLabel} (odds ratio ${adj}). Dit verschil wordt niet verklaard door die kenmerken.`,
      );
    } else {
      out.push(
        `${r.label}: geen duidelijk verschil met ${referenceLabel}, met of zonder correctie (odds ratio ${adj}).`,
      );
    }
  }
  if (input.aliased.length)
    out.push(
      `Weggelaten uit de correctie, omdat het helemaal samenvalt met het kenmerk of de andere kenmerken: ${input.aliased.join(', ')}.`,
    );
  if (input.method === 'firth')
    out.push(
      'In een groep had iedereen (of niemand) de uitkomst. Daarom is gerekend met de correctie van Firth, die dan toch een eindige schatting geeft.',
    );
  out.push(
    'Een odds ratio van 1 betekent: geen verschil. Onder 1: kleinere kans, boven 1: grotere kans. Het interval laat zien hoe zeker we zijn; ligt 1 erbinnen, dan is het verschil niet duidelijk.',
  );
  return out;
}
