import type { Queryable } from './db.js';
import type { Role } from '../domain/roles.js';

export interface UserRow {
  id: number;
  municipality_id: number;
  team_id: number | null;
  username: string;
  display_name: string;
  /** null for a user who only logs in through OpenID Connect. */
  password_hash: string | null;
  role: Role;
  active: boolean;
  failed_logins: number;
  locked_until: string | null;
  must_change_password: boolean;
  /** "issuer|subject" at the identity provider, for a user who logs in through OpenID Connect. */
  oidc_subject: string | null;
}

/** What the administrator may change about a user (only the fields given change). */
export interface UserChange {
  displayName?: string;
  role?: Role;
  teamId?: number | null;
  active?: boolean;
}

/** The person behind a request, as the server passes it around. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  municipalityId: number;
  municipalityName: string;
  teamId: number | null;
  teamName: string | null;
  /** Only a new password may be chosen until this is false (after a reset). */
  mustChangePassword: boolean;
}

export function usersRepository(db: Queryable) {
  return {
    async findByUsername(username: string): Promise<UserRow | null> {
      const rows = await db.query<UserRow>('SELECT * FROM app_user WHERE username = $1', [username]);
      return rows[0] ?? null;
    },
    async findById(id: number, municipalityId: number): Promise<UserRow | null> {
      const rows = await db.query<UserRow>('SELECT * FROM app_user WHERE id = $1 AND municipality_id = $2', [
        id,
        municipalityId,
      ]);
      return rows[0] ?? null;
    },
    async findByOidcSubject(subject: string): Promise<UserRow | null> {
      const rows = await db.query<UserRow>('SELECT * FROM app_user WHERE oidc_subject = $1', [subject]);
      return rows[0] ?? null;
    },
    /** Changes the given fields; the database refuses a consultant or team leader without a team. */
    async update(id: number, change: UserChange): Promise<void> {
      const columns: Record<keyof UserChange, string> = {
        displayName: 'display_name',
        role: 'role',
        teamId: 'team_id',
        active: 'active',
      };
      const sets: string[] = [];
      const values: unknown[] = [];
      for (const key of Object.keys(columns) as (keyof UserChange)[]) {
        if (change[key] === undefined) continue;
        values.push(change[key]);
        sets.push(`${columns[key]} = $${values.length}`);
      }
      if (sets.length === 0) return;
      values.push(id);
      await db.query(`UPDATE app_user SET ${sets.join(', ')} WHERE id = $${values.length}`, values);
    },
    async setPassword(id: number, passwordHash: string, mustChange: boolean): Promise<void> {
      await db.query(
        'UPDATE app_user SET password_hash = $2, must_change_password = $3, failed_logins = 0 WHERE id = $1',
        [id, passwordHash, mustChange],
      );
    },
    /** Ties a user to an identity at the identity provider and takes over its name, role and team. */
    async syncOidc(
      id: number,
      u: { subject: string; displayName: string; role: Role; teamId: number | null },
    ): Promise<void> {
      await db.query(
        `UPDATE app_user SET oidc_subject = $2, display_name = $3, role = $4, team_id = $5, failed_logins = 0
          WHERE id = $1`,
        [id, u.subject, u.displayName, u.role, u.teamId],
      );
    },
    async createOidc(u: {
      municipalityId: number;
      teamId: number | null;
      username: string;
      displayName: string;
      role: Role;
      subject: string;
    }): Promise<{ id: number }> {
      const rows = await db.query<{ id: number }>(
        `INSERT INTO app_user (municipality_id, team_id, username, display_name, password_hash, role, oidc_subject)
         VALUES ($1, $2, $3, $4, NULL, $5, $6) RETURNING id`,
        [u.municipalityId, u.teamId, u.username, u.displayName, u.role, u.subject],
      );
      return rows[0];
    },
    /** Counts failures since the last successful log-in (shown to administrators; it locks nothing). */
    async recordFailedLogin(id: number): Promise<void> {
      await db.query('UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = $1', [id]);
    },
    async recordSuccessfulLogin(id: number): Promise<void> {
      await db.query('UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
    },
    async create(u: {
      municipalityId: number;
      teamId: number | null;
      username: string;
      displayName: string;
      passwordHash: string;
      role: Role;
    }): Promise<{ id: number }> {
      const rows = await db.query<{ id: number }>(
        `INSERT INTO app_user (municipality_id, team_id, username, display_name, password_hash, role)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [u.municipalityId, u.teamId, u.username, u.displayName, u.passwordHash, u.role],
      );
      return rows[0];
    },
    async list(municipalityId: number) {
      return db.query<{
        id: number;
        username: string;
        display_name: string;
        role: Role;
        team_id: number | null;
        team_name: string | null;
        active: boolean;
        must_change_password: boolean;
        oidc: boolean;
      }>(
        `SELECT u.id, u.username, u.display_name, u.role, u.team_id, t.name AS team_name, u.active,
                u.must_change_password, u.oidc_subject IS NOT NULL AS oidc
           FROM app_user u LEFT JOIN team t ON t.id = u.team_id
          WHERE u.municipality_id = $1 ORDER BY u.username`,
        [municipalityId],
      );
    },
  };
}

export function sessionsRepository(db: Queryable) {
  return {
    async create(tokenHash: string, userId: number, csrfToken: string, hours: number): Promise<void> {
      await db.query(
        `INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
        [tokenHash, userId, csrfToken, hours],
      );
    },
    /** The live session's user, or null when unknown, expired or the account is inactive. */
    async find(tokenHash: string): Promise<{ user: SessionUser; csrfToken: string; expiresAt: number } | null> {
      const rows = await db.query<{
        id: number;
        username: string;
        display_name: string;
        role: Role;
        municipality_id: number;
        municipality_name: string;
        team_id: number | null;
        team_name: string | null;
        must_change_password: boolean;
        csrf_token: string;
        expires_at: string;
      }>(
        `SELECT u.id, u.username, u.display_name, u.role, u.municipality_id, m.name AS municipality_name,
                u.team_id, t.name AS team_name, u.must_change_password, s.csrf_token, s.expires_at
           FROM user_session s
           JOIN app_user u ON u.id = s.user_id AND u.active
           JOIN municipality m ON m.id = u.municipality_id
           LEFT JOIN team t ON t.id = u.team_id
          WHERE s.token_hash = $1 AND s.expires_at > now()`,
        [tokenHash],
      );
      const r = rows[0];
      if (!r) return null;
      return {
        csrfToken: r.csrf_token,
        expiresAt: Date.parse(r.expires_at),
        user: {
          id: r.id,
          username: r.username,
          displayName: r.display_name,
          role: r.role,
          municipalityId: r.municipality_id,
          municipalityName: r.municipality_name,
          teamId: r.team_id,
          teamName: r.team_name,
          mustChangePassword: r.must_change_password,
        },
      };
    },
    /** Ends every session of a user (deactivation, password reset), or every other one (password change). */
    async removeAllOf(userId: number, exceptTokenHash?: string): Promise<void> {
      await db.query('DELETE FROM user_session WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [
        userId,
        exceptTokenHash ?? null,
      ]);
    },
    async remove(tokenHash: string): Promise<void> {
      await db.query('DELETE FROM user_session WHERE token_hash = $1 OR expires_at < now()', [tokenHash]);
    },
  };
}
