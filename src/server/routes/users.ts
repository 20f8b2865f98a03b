import argon2 from 'argon2';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import type { Queryable } from '../../store/db.js';
import { sessionsRepository, usersRepository, type UserChange, type UserRow } from '../../store/users.js';
import { writeAudit } from '../../store/audit.js';
import type { Role } from '../../domain/roles.js';
import { temporaryPassword } from '../../domain/temporary-password.js';
import { ApiError, invalid } from '../errors.js';
import { SESSION_COOKIE, currentUser, hashToken, requireLogin, requireRole } from '../auth.js';
import { IdParams, NoContent, problems } from '../schemas/common.js';
import { Created } from '../schemas/clients.js';
import { PasswordChangeBody } from '../schemas/session.js';
import { NewUserBody, PasswordReset, UserChangeBody, UserItem, UserList } from '../schemas/users.js';

export { temporaryPassword };

const needsTeam = (role: Role): boolean => role === 'consultant' || role === 'teamleider';

/** Refuses a team that is missing for the role or not of this municipality. */
async function checkTeam(db: Queryable, municipalityId: number, role: Role, teamId: number | null): Promise<void> {
  if (needsTeam(role) && teamId === null) {
    throw invalid({ name: 'teamId', reason: 'Een klantmanager of teamleider hoort bij een team.' });
  }
  if (teamId === null) return;
  const team = await db.query('SELECT 1 FROM team WHERE id = $1 AND municipality_id = $2', [teamId, municipalityId]);
  if (team.length === 0) throw invalid({ name: 'teamId', reason: 'Onbekend team.' });
}

/** The fields of a change that differ from the user as stored, in Dutch for the audit log. */
function changedFields(user: UserRow, change: UserChange): string[] {
  const fields: string[] = [];
  if (change.displayName !== undefined && change.displayName !== user.display_name) fields.push('naam');
  if (change.role !== undefined && change.role !== user.role) fields.push(`rol ${user.role} -> ${change.role}`);
  if (change.teamId !== undefined && change.teamId !== user.team_id)
    fields.push(`team ${user.team_id ?? '-'} -> ${change.teamId ?? '-'}`);
  if (change.active !== undefined && change.active !== user.active)
    fields.push(change.active ? 'weer actief' : 'niet actief');
  return fields;
}

const adminOnly = requireRole('beheerder');
const tags = ['beheer'];

/** Users and roles: functional administrators only; changing one's own password: every user. */
export const userRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  const users = usersRepository(db);

  async function listUsers(municipalityId: number) {
    const rows = await users.list(municipalityId);
    return rows.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      teamId: u.team_id,
      teamName: u.team_name,
      active: u.active,
      mustChangePassword: u.must_change_password,
      oidc: u.oidc,
    }));
  }

  // /users is the older path of /gebruikers; both answer the same.
  for (const url of ['/gebruikers', '/users']) {
    app.get(
      url,
      {
        preHandler: adminOnly,
        schema: { tags, summary: 'Gebruikers', response: { 200: UserList, ...problems(401, 403) } },
      },
      async (request) => ({ items: await listUsers(currentUser(request).municipalityId) }),
    );

    app.post(
      url,
      {
        preHandler: adminOnly,
        schema: {
          tags,
          summary: 'Nieuwe gebruiker',
          body: NewUserBody,
          response: { 201: Created, ...problems(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const admin = currentUser(request);
        const b = request.body;
        const teamId = b.teamId ?? null;
        await checkTeam(db, admin.municipalityId, b.role, teamId);
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
        await writeAudit(db, [
          { userId: admin.id, clientId: null, action: 'create', resource: 'gebruiker', detail: `gebruiker ${row.id}` },
        ]);
        return reply.status(201).send(row);
      },
    );
  }

  app.patch(
    '/gebruikers/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Gebruiker wijzigen: naam, rol, team, actief. Niet actief maken beëindigt alle sessies',
        params: IdParams,
        body: UserChangeBody,
        response: { 200: UserItem, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const admin = currentUser(request);
      const user = await users.findById(request.params.id, admin.municipalityId);
      if (!user) throw new ApiError('NOT_FOUND', 'Deze gebruiker bestaat niet.');
      const change = request.body;
      if (user.id === admin.id && (change.active === false || (change.role && change.role !== 'beheerder'))) {
        throw invalid({
          name: change.active === false ? 'active' : 'role',
          reason: 'U kunt uzelf niet uitschakelen of uw eigen beheerrol afnemen. Vraag dat aan een andere beheerder.',
        });
      }
      const role = change.role ?? user.role;
      const teamId = change.teamId !== undefined ? change.teamId : user.team_id;
      await checkTeam(db, admin.municipalityId, role, teamId);
      const fields = changedFields(user, change);
      await db.transaction(async (tx) => {
        await usersRepository(tx).update(user.id, change);
        if (change.active === false) await sessionsRepository(tx).removeAllOf(user.id);
        if (fields.length > 0) {
          await writeAudit(tx, [
            {
              userId: admin.id,
              clientId: null,
              action: 'update',
              resource: 'gebruiker',
              detail: `gebruiker ${user.id}: ${fields.join('; ')}`,
            },
          ]);
        }
      });
      const item = (await listUsers(admin.municipalityId)).find((u) => u.id === user.id);
      return item!;
    },
  );

  app.post(
    '/gebruikers/:id/wachtwoord-reset',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary:
          'Wachtwoord resetten: een tijdelijk wachtwoord (één keer getoond); de gebruiker kiest bij de volgende keer inloggen een nieuw. Alle sessies eindigen',
        params: IdParams,
        response: { 200: PasswordReset, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const admin = currentUser(request);
      const user = await users.findById(request.params.id, admin.municipalityId);
      if (!user) throw new ApiError('NOT_FOUND', 'Deze gebruiker bestaat niet.');
      const password = temporaryPassword();
      const hash = await argon2.hash(password);
      await db.transaction(async (tx) => {
        await usersRepository(tx).setPassword(user.id, hash, true);
        await sessionsRepository(tx).removeAllOf(user.id);
        await writeAudit(tx, [
          {
            userId: admin.id,
            clientId: null,
            action: 'update',
            resource: 'gebruiker',
            detail: `gebruiker ${user.id}: wachtwoord gereset`,
          },
        ]);
      });
      return { temporaryPassword: password };
    },
  );

  await app.register(ownPasswordRoutes, ctx);
};

/** Every user changes their own password here; after a reset by beheer this is the only way on. */
const ownPasswordRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const users = usersRepository(db);
  app.put(
    '/gebruikers/ik/wachtwoord',
    {
      preHandler: requireLogin,
      schema: {
        tags: ['sessie'],
        summary: 'Eigen wachtwoord wijzigen (ook verplicht na een reset); uw andere sessies eindigen',
        body: PasswordChangeBody,
        response: { 204: NoContent, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const me = currentUser(request);
      const user = await users.findById(me.id, me.municipalityId);
      const { currentPassword, newPassword } = request.body;
      if (!user?.password_hash || !(await argon2.verify(user.password_hash, currentPassword))) {
        throw invalid({ name: 'currentPassword', reason: 'Uw huidige wachtwoord klopt niet.' });
      }
      if (newPassword === currentPassword) {
        throw invalid({ name: 'newPassword', reason: 'Kies een ander wachtwoord dan het huidige.' });
      }
      if (newPassword.toLowerCase().includes(user.username.toLowerCase())) {
        throw invalid({ name: 'newPassword', reason: 'Uw gebruikersnaam mag niet in het wachtwoord staan.' });
      }
      const hash = await argon2.hash(newPassword);
      const token = request.cookies[SESSION_COOKIE];
      await db.transaction(async (tx) => {
        await usersRepository(tx).setPassword(user.id, hash, false);
        await sessionsRepository(tx).removeAllOf(user.id, token ? hashToken(token) : undefined);
        await writeAudit(tx, [
          { userId: user.id, clientId: null, action: 'update', resource: 'wachtwoord', detail: 'eigen wachtwoord' },
        ]);
      });
      return reply.status(204).send();
    },
  );
};
