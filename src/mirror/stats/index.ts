/**
 * Statistics for the equal-opportunity mirror: pure functions on counts and
 * plain arrays. Expected values in the tests come from R
 * (scripts/r/stats-golden.R), not from this code.
 */
export { wilsonInterval, type ProportionInterval } from './proportion.js';
export {
  riskRatio,
  riskDifference,
  oddsRatio2x2,
  type RiskRatio,
  type RiskDifference,
  type OddsRatio,
} from './ratio.js';
export { chiSquare2x2, expectedCounts, type ChiSquareResult, type Table2x2 } from './chisquare.js';
export { fisherExact2x2, type FisherResult } from './fisher.js';
export { testDifference, MIN_EXPECTED_FOR_CHI_SQUARE, type DifferenceTest } from './difference-test.js';
export { benjaminiHochberg } from './multiple-testing.js';
export {
  buildDesignMatrix,
  numericDesignMatrix,
  levelName,
  INTERCEPT,
  type CategoricalVariable,
  type NumericVariable,
  dropAliased,
  type DesignMatrix,
  type DesignTerm,
  type RecordValue,
} from './design-matrix.js';
export {
  logisticRegression,
  type LogisticCoefficient,
  type LogisticFit,
  type LogisticOptions,
  type LogisticProblem,
  type LogisticResult,
} from './logistic.js';
export {
  normalQuantile,
  criticalValue,
  normalUpperTail,
  twoSidedNormalP,
  chiSquare1UpperTail,
} from './normal-distribution.js';
export { logFactorial } from './log-factorial.js';
export {
  mcnemarTest,
  mcnemarPaired,
  wilcoxonSignedRank,
  wilcoxonRankSum,
  averageRanks,
  type McNemarResult,
  type WilcoxonResult,
} from './paired.js';
export { firthLogisticRegression, type FirthOptions } from './firth.js';
export { robustLogisticRegression, firstAliasedColumn, type RobustLogisticResult } from './robust-logistic.js';
export {
  powerTwoProportions,
  detectableProportionAbove,
  evidenceSize,
  EVIDENCE_ALPHA,
  EVIDENCE_POWER,
  TOO_LITTLE_EVIDENCE,
  type EvidenceSize,
} from './power.js';
export {
  kaplanMeier,
  logRank,
  type KaplanMeier,
  type LogRank,
  type SurvivalObservation,
  type SurvivalStep,
} from './survival.js';
export { chiSquareUpperTail } from './gamma.js';
