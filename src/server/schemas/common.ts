import { Type, type TSchema } from '@sinclair/typebox';

export const IsoDate = (description?: string) =>
  Type.String({ format: 'iso-date', description, examples: ['2026-01-31'] });
export const PastDate = (description?: string) =>
  Type.String({ format: 'past-date', description, examples: ['1980-05-17'] });
export const Id = Type.Integer({ minimum: 1 });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const Text = (max = 2000, min = 0) => Type.String({ maxLength: max, minLength: min });
export const Enum = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    invalidParams: Type.Optional(Type.Array(Type.Object({ name: Type.String(), reason: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' },
);
export const ProblemRef = Type.Ref('Problem');
export const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemRef]));

/** The success of a route that answers 204: no body. Declared so the OpenAPI document says what success looks like. */
export const NoContent = Type.Unsafe<void>(Type.Null({ description: 'Geen inhoud (204)' }));
