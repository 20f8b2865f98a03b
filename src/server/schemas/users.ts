import { Type } from '@sinclair/typebox';
import { ROLES, USERNAME_PATTERN } from '../../domain/roles.js';
import { Enum, Nullable } from './common.js';

export const NewUserBody = Type.Object(
  {
    username: Type.String({ pattern: USERNAME_PATTERN, description: 'kleine letters, cijfers, . _ -' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    role: Enum(ROLES),
    teamId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    password: Type.String({ minLength: 12, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const UserChangeBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    role: Type.Optional(Enum(ROLES)),
    teamId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    active: Type.Optional(Type.Boolean({ description: 'false: niet actief; alle sessies van de gebruiker eindigen' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserItem = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Enum(ROLES),
  teamId: Nullable(Type.Integer()),
  teamName: Nullable(Type.String()),
  active: Type.Boolean(),
  mustChangePassword: Type.Boolean({ description: 'Moet bij de volgende keer inloggen een nieuw wachtwoord kiezen' }),
  oidc: Type.Boolean({ description: 'Logt in via de identity provider van de gemeente (OpenID Connect)' }),
});

export const UserList = Type.Object({ items: Type.Array(UserItem) });

export const PasswordReset = Type.Object({
  temporaryPassword: Type.String({
    description:
      'Tijdelijk wachtwoord, één keer getoond; de gebruiker kiest bij de volgende keer inloggen een nieuw wachtwoord',
  }),
});
