import { Type } from '@sinclair/typebox';

/** One import run with its data-quality report (GET /imports/:id, POST /imports). */
export const ImportRunSchema = Type.Object({
  id: Type.Integer(),
  entity: Type.String(),
  fileName: Type.String(),
  dryRun: Type.Boolean(),
  status: Type.String({ description: 'bezig | klaar | proef | mislukt | afgebroken' }),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  rowsTotal: Type.Integer(),
  rowsValid: Type.Integer(),
  rowsRejected: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  quality: Type.Unknown({
    description:
      'Datakwaliteit van dit bestand: ontbrekende waarden per veld, onmogelijke datums, dubbele personen, onbekende codes',
  }),
  error: Type.Union([Type.String(), Type.Null()]),
});

/** POST /imports/preview: a look at a file before it is imported. */
export const FilePreviewSchema = Type.Object({
  fileName: Type.String(),
  format: Type.String({ description: 'csv | xlsx' }),
  encoding: Type.Union([Type.String(), Type.Null()]),
  delimiter: Type.Union([Type.String(), Type.Null()]),
  header: Type.Array(Type.String()),
  rows: Type.Array(Type.Array(Type.String()), { description: 'De eerste regels, als tekst' }),
  rowsRead: Type.Integer(),
  complete: Type.Boolean({ description: 'Of de tellingen over het hele bestand gaan' }),
  columns: Type.Array(
    Type.Object({
      name: Type.String(),
      values: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
      distinct: Type.Integer(),
      more: Type.Boolean(),
      empty: Type.Integer(),
    }),
  ),
});

/** GET /imports/progress/:ticket */
export const ProgressSchema = Type.Object({
  fraction: Type.Number({ description: 'Deel van het bestand dat is verwerkt (0 tot 1)' }),
  rows: Type.Integer({ description: 'Regels gelezen' }),
  done: Type.Boolean(),
});
