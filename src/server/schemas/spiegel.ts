import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { MODES, WAVES } from '../../questionnaire/definition.js';
import { Enum, Nullable } from './common.js';

/**
 * The answers of the mirror routes (/api/v1/spiegel…, /api/v1/meetmomenten/uitkomsten). The
 * server serialises through these schemas, so every field the engine returns is listed here: a
 * field left out would silently be dropped from the answer. The web takes its types from here.
 */

/** An array the engine hands out read-only (the JSON schema is an ordinary array). */
const ReadonlyArrayOf = <T extends TSchema>(items: T) => Type.Unsafe<readonly Static<T>[]>(Type.Array(items));

const Num = () => Nullable(Type.Number());
const Suppressed = Type.Union([Type.Literal('klein-aantal'), Type.Literal('secundair'), Type.Null()], {
  description:
    'Waarom de groep verborgen is: te klein (klein-aantal), of om een andere groep te beschermen (secundair); null = getoond',
});
const TestKind = Type.Union([Type.Literal('chi-square'), Type.Literal('fisher'), Type.Null()]);

export const MirrorScope = Type.Object({
  municipalityId: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  teamId: Nullable(Type.Integer()),
  neighbourhoodId: Nullable(Type.Integer()),
});

/** One ground (or intersection) × group × stage (MirrorCell in src/mirror/funnel.ts). Percentages 0–100. */
export const MirrorCell = Type.Object({
  ground: Type.String({ description: 'Kenmerk, of kenmerken met " × " bij een kruising' }),
  group: Type.String(),
  groups: ReadonlyArrayOf(Type.String()),
  stage: Type.String(),
  unknown: Type.Boolean(),
  nPopulation: Num(),
  nStage: Num(),
  sharePopulation: Num(),
  shareStage: Num(),
  differencePp: Num(),
  rate: Num(),
  rateLower: Num(),
  rateUpper: Num(),
  ratio: Num(),
  ratioLower: Num(),
  ratioUpper: Num(),
  reference: Nullable(Type.String()),
  ratioReference: Num(),
  ratioReferenceLower: Num(),
  ratioReferenceUpper: Num(),
  test: TestKind,
  p: Num(),
  pAdjusted: Num(),
  clear: Type.Boolean(),
  suppressed: Suppressed,
});

export const StageTotal = Type.Object({
  stage: Type.String(),
  reached: Num(),
  rate: Num(),
  suppressed: Suppressed,
});

export const MirrorResult = Type.Object({
  threshold: Type.Number(),
  protection: Nullable(Type.Object({ base: Type.Number(), secondaryLimit: Type.Number() })),
  population: Type.Number(),
  stages: ReadonlyArrayOf(Type.String()),
  groupings: ReadonlyArrayOf(Type.String()),
  totals: Type.Array(StageTotal),
  cells: Type.Array(MirrorCell),
});

export const Narrative = Type.Object({
  headline: Type.String(),
  sections: Type.Array(Type.Object({ title: Type.String(), sentences: Type.Array(Type.String()) })),
});

export const PublishedQuality = Type.Object({
  missingDiagnosis: Num(),
  withoutConversation: Num(),
  impossibleDates: Num(),
  rejectedRows: Num(),
  factSources: Type.Optional(
    Type.Array(
      Type.Object({
        fact: Type.String({
          description: 'birth_country, mother_birth_country, father_birth_country, nationality, statushouder',
        }),
        register: Num(),
        questionnaire: Num(),
        unknown: Num(),
        differ: Num(),
      }),
      {
        description:
          'Waar de gegevens voor de gronden vandaan komen, per gegeven: uit de registratie (die gaat voor), alleen uit een vragenlijst, onbekend; en hoe vaak registratie en vragenlijst verschillen. Beschermde aantallen',
      },
    ),
  ),
});

export const BenchmarkRow = Type.Object({
  ground: Type.String(),
  nationalGroup: Type.String(),
  groups: Type.Array(Type.String()),
  stage: Type.String(),
  localDifferencePp: Num(),
  nationalDifferencePp: Type.Number(),
  localRate: Num(),
  nationalRate: Type.Number(),
});

/** GET /spiegel */
export const MirrorAnswer = Type.Object({
  scope: MirrorScope,
  result: MirrorResult,
  narrative: Narrative,
  quality: PublishedQuality,
  benchmark: Type.Array(BenchmarkRow),
});

/** GET /spiegel/aandacht */
export const AttentionAnswer = Type.Object({ scope: MirrorScope, result: MirrorResult });

const OddsRatio = Nullable(
  Type.Object({ oddsRatio: Type.Number(), lower: Type.Number(), upper: Type.Number(), p: Type.Number() }),
);

/** GET /spiegel/aangepast (AdjustedResult in src/mirror/adjusted.ts) */
export const AdjustedAnswer = Type.Object({
  stage: Type.String(),
  ground: Type.String(),
  reference: Type.String(),
  covariates: Type.Array(Type.String()),
  used: Num(),
  leftOut: Num(),
  rows: Type.Array(
    Type.Object({
      group: Type.String(),
      label: Type.String(),
      n: Num(),
      reached: Num(),
      crude: OddsRatio,
      adjusted: OddsRatio,
      suppressed: Type.Boolean(),
    }),
  ),
  aliased: Type.Array(Type.String(), { description: 'kenmerken weggelaten omdat ze samenvallen met andere (R: NA)' }),
  method: Type.Union([Type.Literal('glm'), Type.Literal('firth')]),
  problem: Nullable(Type.String()),
  explanation: Type.Array(Type.String()),
});

export const StageOption = Type.Object({
  key: Type.String(),
  label: Type.String(),
  description: Type.String(),
  adverse: Type.Optional(Type.Boolean()),
});

/** GET /spiegel/options */
export const MirrorOptions = Type.Object({
  periods: Type.Array(Type.String()),
  grounds: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      groups: ReadonlyArrayOf(Type.String()),
      groupLabels: Type.Record(Type.String(), Type.String()),
      reference: Nullable(Type.String()),
    }),
  ),
  stages: ReadonlyArrayOf(StageOption),
  teams: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  wijken: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  threshold: Type.Number(),
  perConsultant: Type.Boolean(),
});

// --- outcomes of the measurement moments (OutcomeReport in src/mirror/outcomes.ts) ---

const WaveKey = Enum(WAVES);
const ModeKey = Enum(MODES);

const ResponseCell = Type.Object({ wave: WaveKey, due: Num(), responded: Num(), rate: Num() });
export const MeasureResult = Type.Object({
  measure: Type.String(),
  label: Type.String(),
  kind: Enum(['grade', 'yesno', 'scale', 'number'] as const),
  waves: Type.Array(Type.Object({ wave: WaveKey, n: Num(), value: Num() })),
  changes: Type.Array(
    Type.Object({
      from: WaveKey,
      to: WaveKey,
      pairs: Num(),
      meanChange: Num(),
      method: Enum(['mcnemar', 'wilcoxon-signed-rank'] as const),
      statistic: Num(),
      p: Num(),
    }),
  ),
});

export const OutcomeGroundResult = Type.Object({
  key: Type.String(),
  label: Type.String(),
  unknown: Num(),
  groups: Type.Array(
    Type.Object({
      group: Type.String(),
      label: Type.String(),
      size: Num(),
      suppressed: Suppressed,
      response: Type.Array(ResponseCell),
      retention: Type.Array(Type.Object({ wave: WaveKey, base: Num(), kept: Num(), rate: Num() })),
      measures: Type.Array(MeasureResult),
    }),
  ),
  differences: Type.Array(
    Type.Object({
      measure: Type.String(),
      from: WaveKey,
      to: WaveKey,
      group: Type.String(),
      pairsGroup: Num(),
      pairsRest: Num(),
      meanChangeGroup: Num(),
      meanChangeRest: Num(),
      statistic: Num(),
      p: Num(),
      pAdjusted: Num(),
    }),
  ),
});

export const OutcomeReport = Type.Object({
  threshold: Type.Number(),
  cohort: Num(),
  response: Type.Array(ResponseCell),
  modes: Type.Array(Type.Object({ mode: ModeKey, n: Num() })),
  overall: Type.Array(MeasureResult),
  grounds: Type.Array(OutcomeGroundResult),
  narrative: Type.Array(Type.String()),
});

/** GET /meetmomenten/uitkomsten */
export const OutcomesAnswer = Type.Object({
  period: Type.String(),
  teamId: Nullable(Type.Integer()),
  settings: Type.Object({ t1Months: Type.Integer(), t2Months: Type.Integer() }),
  teams: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  report: OutcomeReport,
});

export type MirrorScopeT = Static<typeof MirrorScope>;
export type MirrorCellT = Static<typeof MirrorCell>;
export type MirrorResultT = Static<typeof MirrorResult>;
export type NarrativeT = Static<typeof Narrative>;
export type BenchmarkRowT = Static<typeof BenchmarkRow>;
export type PublishedQualityT = Static<typeof PublishedQuality>;
export type MirrorAnswerT = Static<typeof MirrorAnswer>;
export type AttentionAnswerT = Static<typeof AttentionAnswer>;
export type AdjustedAnswerT = Static<typeof AdjustedAnswer>;
export type MirrorOptionsT = Static<typeof MirrorOptions>;
export type StageOptionT = Static<typeof StageOption>;
export type OutcomeReportT = Static<typeof OutcomeReport>;
export type OutcomeGroundResultT = Static<typeof OutcomeGroundResult>;
export type MeasureResultT = Static<typeof MeasureResult>;
export type OutcomesAnswerT = Static<typeof OutcomesAnswer>;
