import type { TestContext } from 'node:test';
import argon2 from 'argon2';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { AppContext } from '../../src/server/context.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/store/db.js';
import { freshDb } from './db.js';

export const PASSWORD = 'correct horse battery staple';
let hash: Promise<string> | null = null;

/**
 * The stored hash for the test accounts' PASSWORD: argon2id like every stored password, at the
 * lowest cost argon2 allows. Log-in verifies it through the same code path; only the work per
 * log-in is smaller (the tests log in some hundreds of times per run). Passwords that the app
 * itself sets are hashed at the app's own cost.
 */
export function testPasswordHash(): Promise<string> {
  hash ??= argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  return hash;
}

/**
 * A small municipality by hand: two teams, one consultant in each, a team leader of team A,
 * a policy officer and an administrator; one client per consultant; one instrument.
 */
export async function seedSmall(db: Db) {
  const h = await testPasswordHash();
  await db.query(`INSERT INTO municipality (id, code, name) VALUES (1, 'GM0001', 'Testdam')`);
  await db.query(`INSERT INTO team (id, municipality_id, name) VALUES (1, 1, 'Team A'), (2, 1, 'Team B')`);
  await db.query(
    `INSERT INTO app_user (id, municipality_id, team_id, username, display_name, password_hash, role) VALUES
      (1, 1, 1, 'anna', 'Anna de Vries', $1, 'consultant'),
      (2, 1, 2, 'bram', 'Bram Bakker', $1, 'consultant'),
      (3, 1, 1, 'tl-a', 'Tessa Leider', $1, 'teamleider'),
      (4, 1, NULL, 'beleid', 'Bert Beleid', $1, 'beleidsmedewerker'),
      (5, 1, NULL, 'beheer', 'Bea Beheer', $1, 'beheerder'),
      (6, 1, 1, 'anton', 'Anton Jansen', $1, 'consultant')`,
    [h],
  );
  await db.query(
    `INSERT INTO client (id, municipality_id, bsn, given_name, family_name, birth_date, gender, team_id, consultant_id) VALUES
      (1, 1, '111222333', 'Fatima', 'El Amrani', '1980-03-01', 'vrouw', 1, 1),
      (2, 1, '123456782', 'Kees', 'Smit', '1965-07-12', 'man', 2, 2),
      (3, 1, '100000009', 'Mila', 'Peters', '1999-01-20', 'vrouw', 1, 6)`,
  );
  await db.query(
    `INSERT INTO instrument (id, municipality_id, code, name, srg_code) VALUES (1, 1, 'JOBCOACH', 'Jobcoach', 30)`,
  );
  for (const t of ['app_user', 'client', 'team', 'municipality', 'instrument']) {
    await db.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** Logs in and returns headers for further requests as that user. */
  loginAs(username: string): Promise<{ cookie: string; 'x-csrf-token': string }>;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

/**
 * Boots the real app on a fresh database with the small municipality; torn down after the test.
 * `options`: what `serve` would add (e.g. `readCache: true`).
 */
export async function buildTestApp(t: TestContext, options: Pick<AppContext, 'readCache'> = {}): Promise<TestApp> {
  const db = await freshDb();
  await seedSmall(db);
  const config = { ...loadConfig({}), demo: false };
  const app = await buildApp({ db, config, ...options });
  t.after(async () => {
    await app.close();
    await db.drop();
  });
  return {
    app,
    db,
    inject: (opts: InjectOptions) => app.inject(opts),
    async loginAs(username) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { username, password: PASSWORD },
      });
      if (res.statusCode !== 201) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'ks_session')!;
      return { cookie: `ks_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
    },
  };
}
