// npm run bench:explain — the query plans (EXPLAIN ANALYZE) of the caseload (a consultant's and a
// team leader's) and of the inzage lookup in the audit log, on the embedded database with the demo
// municipality. Shows that each is one statement answered through the client_id indexes.
// Options (environment): DEMO_CLIENTS (2000).
import { openPglite } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { writeDemodam } from '../src/demo/write.js';
import { loadConfig } from '../src/config.js';
import { caseloadRepository } from '../src/store/casefile/caseload.js';
import type { SessionUser } from '../src/store/users.js';
import type { Queryable } from '../src/store/db.js';

const CLIENTS = Number(process.env.DEMO_CLIENTS ?? 2000);
const db = await openPglite();
await migrate(db);
await writeDemodam(db, { clients: CLIENTS, pseudonymSecret: loadConfig({}).pseudonymSecret });
await db.query('ANALYZE');

async function plan(title: string, sql: string, params: readonly unknown[]): Promise<void> {
  const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS off) ${sql}`, params);
  console.log(`\n-- ${title}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
}

/** The caseload's statement as the repository sends it (captured, not run). */
async function caseloadSql(user: SessionUser): Promise<{ sql: string; params: readonly unknown[] }> {
  let captured = { sql: '', params: [] as readonly unknown[] };
  const capture: Queryable = {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      captured = { sql, params };
      return [] as T[];
    },
  };
  await caseloadRepository(capture).list(user, new Date().toISOString().slice(0, 10));
  return captured;
}

const users = await db.query<{ id: number; role: SessionUser['role']; team_id: number }>(
  `SELECT id, role, team_id FROM app_user WHERE username IN ('klantmanager', 'teamleider') ORDER BY username`,
);
console.log(`Query plans on PGlite, Demodam with ${CLIENTS} clients`);
for (const u of users) {
  const user: SessionUser = {
    id: u.id,
    username: '',
    displayName: '',
    role: u.role,
    municipalityId: 1,
    municipalityName: '',
    teamId: u.team_id,
    teamName: null,
    mustChangePassword: false,
  };
  const { sql, params } = await caseloadSql(user);
  await plan(`caseload of a ${u.role}`, sql, params);
}
await db.query(
  `INSERT INTO audit_log (user_id, client_id, client_ids, action, resource)
   SELECT 1, NULL, ARRAY(SELECT c.id FROM client c WHERE c.id % 50 = g % 50 LIMIT 100), 'read', 'caseload'
     FROM generate_series(1, 5000) g`,
);
await db.query('ANALYZE audit_log');
await plan(
  'inzage: every audit row about one person (client_id or in the list client_ids)',
  `SELECT a.at, a.action, a.resource FROM audit_log a WHERE a.client_id = $1 OR a.client_ids @> ARRAY[$1::int] ORDER BY a.id`,
  [7],
);
await db.close();
