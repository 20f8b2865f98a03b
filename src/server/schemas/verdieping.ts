import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './common.js';

/**
 * The answers of /api/v1/spiegel/verdieping/… (src/mirror/scan.ts, comparison.ts,
 * attribution.ts, time-to-step.ts, trends.ts). Every field the engine returns is listed.
 */
const Num = () => Nullable(Type.Number());

const Evidence = Nullable(
  Type.Object({
    nPerGroup: Type.Number(),
    ratioAbove: Num(),
    ratioBelow: Num(),
    enough: Type.Boolean(),
  }),
);

export const ScanAnswer = Type.Object({
  stage: Type.String(),
  grounds: Type.Array(Type.String()),
  tested: Type.Number(),
  rows: Type.Array(
    Type.Object({
      grounds: Type.Array(Type.String()),
      groups: Type.Array(Type.String()),
      label: Type.String(),
      n: Type.Number(),
      reached: Type.Number(),
      rate: Type.Number(),
      ratio: Type.Number(),
      ratioLower: Num(),
      ratioUpper: Num(),
      parents: Type.Array(
        Type.Object({ label: Type.String(), rate: Type.Number(), ratio: Type.Number(), p: Type.Number() }),
      ),
      p: Type.Number(),
      pAdjusted: Type.Number(),
      evidence: Evidence,
      signal: Type.Boolean(),
    }),
  ),
  minimumEffect: Type.Object({ lower: Type.Number(), upper: Type.Number() }),
  protection: Nullable(Type.Object({ base: Type.Number(), threshold: Type.Number() })),
});

const ComparisonRow = Type.Object({
  group: Type.String(),
  label: Type.String(),
  n: Num(),
  reached: Num(),
  rate: Num(),
  ratio: Num(),
  ratioLower: Num(),
  ratioUpper: Num(),
  p: Num(),
  signal: Type.Boolean(),
  evidence: Evidence,
  evidenceNote: Nullable(Type.String()),
  suppressed: Type.Boolean(),
});

export const ComparisonAnswer = Type.Object({
  stage: Type.String(),
  ground: Type.String(),
  reference: Type.String(),
  referenceLabel: Type.String(),
  rows: Type.Array(ComparisonRow),
});

export const AttributionAnswer = Type.Object({
  stage: Type.String(),
  ground: Type.String(),
  group: Type.String(),
  by: Type.String(),
  gap: Type.Number(),
  parts: Type.Array(
    Type.Object({ group: Type.String(), label: Type.String(), rate: Type.Number(), composition: Type.Number() }),
  ),
  hidden: Type.Number(),
});

export const TimeToStepAnswer = Type.Object({
  step: Type.String(),
  groups: Type.Array(
    Type.Object({
      group: Type.String(),
      label: Type.String(),
      n: Num(),
      events: Num(),
      medianMonths: Num(),
      medianLower: Num(),
      medianUpper: Num(),
      curve: Type.Array(Type.Object({ month: Type.Number(), reached: Num(), lower: Num(), upper: Num() })),
      suppressed: Type.Boolean(),
    }),
  ),
  logRank: Nullable(Type.Object({ chiSquare: Type.Number(), degreesOfFreedom: Type.Number(), p: Type.Number() })),
});

export const TrendAnswer = Type.Object({
  stage: Type.String(),
  ground: Type.String(),
  periods: Type.Array(Type.String()),
  groups: Type.Array(
    Type.Object({
      group: Type.String(),
      label: Type.String(),
      cells: Type.Array(
        Type.Object({
          period: Type.String(),
          row: ComparisonRow,
          change: Nullable(Type.Object({ difference: Type.Number(), lower: Type.Number(), upper: Type.Number() })),
        }),
      ),
    }),
  ),
  notes: Type.Array(Type.String()),
});

export type ScanAnswerT = Static<typeof ScanAnswer>;
export type ComparisonAnswerT = Static<typeof ComparisonAnswer>;
export type AttributionAnswerT = Static<typeof AttributionAnswer>;
export type TimeToStepAnswerT = Static<typeof TimeToStepAnswer>;
export type TrendAnswerT = Static<typeof TrendAnswer>;
