import argon2 from 'argon2';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { usersRepository } from '../../store/users.js';
import { ROLES } from '../../domain/roles.js';
import { ApiError, invalid } from '../errors.js';
import { currentUser, requireRole } from '../auth.js';
import { Enum, Nullable, problems } from '../schemas/common.js';
import { Created } from '../schemas/clients.js';

const NewUserBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,49}$', description: 'kleine letters, cijfers, . _ -' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    role: Enum(ROLES),
    teamId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    password: Type.String({ minLength: 12, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const UserList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      username: Type.String(),
      displayName: Type.String(),
      role: Enum(ROLES),
      teamId: Nullable(Type.Integer()),
      teamName: Nullable(Type.String()),
      active: Type.Boolean(),
    }),
  ),
});

/** Users and roles: functional administrators only. */
export const userRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const users = usersRepository(db);

  app.get(
    '/users',
    {
      preHandler: requireRole('beheerder'),
      schema: { tags: ['beheer'], summary: 'Gebruikers', response: { 200: UserList, ...problems(401, 403) } },
    },
    async (request) => {
      const rows = await users.list(currentUser(request).municipalityId);
      return {
        items: rows.map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.display_name,
          role: u.role,
          teamId: u.team_id,
          teamName: u.team_name,
          active: u.active,
        })),
      };
    },
  );

  app.post(
    '/users',
    {
      preHandler: requireRole('beheerder'),
      schema: {
        tags: ['beheer'],
        summary: 'Nieuwe gebruiker',
        body: NewUserBody,
        response: { 201: Created, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const admin = currentUser(request);
      const b = request.body;
      const teamId = b.teamId ?? null;
      if ((b.role === 'consultant' || b.role === 'teamleider') && teamId === null) {
        throw invalid({ name: 'teamId', reason: 'Een klantmanager of teamleider hoort bij een team.' });
      }
      if (teamId !== null) {
        const team = await db.query('SELECT 1 FROM team WHERE id = $1 AND municipality_id = $2', [
          teamId,
          admin.municipalityId,
        ]);
        if (team.length === 0) throw invalid({ name: 'teamId', reason: 'Onbekend team.' });
      }
      if (await users.findByUsername(b.username))
        throw new ApiError('CONFLICT_DUPLICATE', 'Deze gebruikersnaam bestaat al.');
      const row = await users.create({
        municipalityId: admin.municipalityId,
        teamId,
        username: b.username,
        displayName: b.displayName,
        passwordHash: await argon2.hash(b.password),
        role: b.role,
      });
      return reply.status(201).send(row);
    },
  );
};
