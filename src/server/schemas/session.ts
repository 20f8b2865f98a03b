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
    mustChangePassword: Type.Boolean({
      description: 'Na een reset door de beheerder: eerst een nieuw wachtwoord kiezen, de rest is tot dan dicht',
    }),
  }),
  csrfToken: Type.String(),
});

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 12, maxLength: 200 }),
  },
  { additionalProperties: false },
);
