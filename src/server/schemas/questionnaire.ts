import { Type, type Static } from '@sinclair/typebox';
import { MODES, WAVES, type QuestionnaireDefinition as DefinitionT } from '../../questionnaire/definition.js';
import { Enum, Nullable } from './common.js';

/** The answers of the measurement-moment routes (src/server/routes/questionnaire.ts). */

const WaveKey = Enum(WAVES);
const WaveStatus = Enum(['gepland', 'open', 'te_laat', 'verstuurd', 'ingevuld', 'gemist'] as const);

/**
 * One item of the questionnaire: the fields of every item type together (src/questionnaire/definition.ts);
 * an item carries only those of its own type.
 */
const QuestionnaireItem = Type.Object({
  id: Type.String(),
  type: Enum(['grade', 'yesno', 'scale5', 'multi', 'number', 'country'] as const),
  special: Type.Optional(Type.Boolean()),
  showIf: Type.Optional(Type.Object({ item: Type.String(), equals: Type.Boolean() })),
  measure: Type.Optional(Enum(['grade', 'yesno', 'scale', 'number'] as const)),
  better: Type.Optional(Enum(['hoog', 'laag'] as const)),
  scale: Type.Optional(Enum(['moeite', 'eens', 'tevreden', 'begrijpen'] as const)),
  allowNotApplicable: Type.Optional(Type.Boolean()),
  options: Type.Optional(Type.Array(Type.String())),
  other: Type.Optional(Type.Boolean()),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  step: Type.Optional(Type.Number()),
  allowUnknown: Type.Optional(Type.Boolean()),
});

/** The structure of a questionnaire version (the texts are in the translation files). */
export const QuestionnaireDefinition = Type.Unsafe<DefinitionT>(
  Type.Object({
    version: Type.Integer(),
    sections: Type.Array(Type.Object({ id: Type.String(), items: Type.Array(QuestionnaireItem) })),
  }),
);

const WaveDue = Type.Object({
  wave: WaveKey,
  dueOn: Type.String(),
  status: WaveStatus,
  sentOn: Nullable(Type.String()),
  completedOn: Nullable(Type.String()),
  mode: Nullable(Enum(MODES)),
});

/** GET /clients/:id/measurements */
export const ClientMeasurements = Type.Object({
  clientId: Type.Integer(),
  start: Nullable(Type.String({ description: 'Start van de begeleiding; null zonder uitkering' })),
  waves: Type.Array(WaveDue),
});

/** GET /measurements/due */
export const MeasurementsDue = Type.Object({
  items: Type.Array(
    Type.Object({
      clientId: Type.Integer(),
      name: Type.String(),
      start: Type.String(),
      wave: WaveKey,
      dueOn: Type.String(),
      status: WaveStatus,
      sentOn: Nullable(Type.String()),
    }),
  ),
  total: Type.Integer(),
  settings: Type.Object({ t1Months: Type.Integer(), t2Months: Type.Integer() }),
});

/** POST /clients/:id/measurements/:wave/link */
export const QuestionnaireLink = Type.Object({
  path: Type.String({ description: 'Pad van de persoonlijke link (/v/<token>)' }),
  expiresAt: Type.String({ description: 'Tijdstip waarop de link verloopt' }),
  wave: WaveKey,
});

/** POST /clients/:id/measurements/:wave/kiosk */
export const KioskStart = Type.Object({ kioskToken: Type.String(), wave: WaveKey, username: Type.String() });

/** GET /vragenlijst/:token */
export const QuestionnaireByToken = Type.Object({
  wave: WaveKey,
  kind: Enum(['link', 'kiosk'] as const),
  definition: QuestionnaireDefinition,
});

export type ClientMeasurementsT = Static<typeof ClientMeasurements>;
export type MeasurementsDueT = Static<typeof MeasurementsDue>;
export type QuestionnaireByTokenT = Static<typeof QuestionnaireByToken>;
