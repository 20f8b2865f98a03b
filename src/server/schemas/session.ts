import { Type } from '@sinclair/typebox';
import { ROLES } from '../../domain/roles.js';
import { Enum, Nullable } from './common.js';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const SessionAnswer = Type.Object({
  user: Type.Object({
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    role: Enum(ROLES),
    teamId: Nullable(Type.Integer()),
    teamName: Nullable(Type.String()),
    municipalityName: Type.String(),
  }),
  csrfToken: Type.String(),
});
