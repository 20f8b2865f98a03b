import type { Config } from './config.js';
import { openDb, type Db } from './store/db.js';
import { migrate } from './store/migrate.js';
import { configureAudit, sealAuditLog } from './store/audit.js';
import { writeDemodam } from './demo/write.js';

import { DEMO_ACCOUNTS as ACCOUNTS, DEMO_PASSWORD } from './demo/organisation.js';

export { DEMO_PASSWORD };

/** The demo log-ins as printed at start. */
export const DEMO_ACCOUNTS = [
  { username: ACCOUNTS.consultant, role: 'Klantmanager (team Noord)' },
  { username: ACCOUNTS.teamleider, role: 'Teamleider (team Noord)' },
  { username: ACCOUNTS.beleidsmedewerker, role: 'Beleidsmedewerker' },
  { username: ACCOUNTS.onderzoeker, role: 'Onderzoeker' },
  { username: ACCOUNTS.beheerder, role: 'Functioneel beheerder' },
] as const;

/**
 * Opens the database (embedded or server), applies migrations, and loads Demodam once when
 * DEMO is on and the database holds no municipality yet.
 */
export async function prepareDatabase(
  config: Config,
  log: (line: string) => void = () => undefined,
): Promise<{ db: Db; loadedDemo: boolean }> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length > 0) log(`Database bijgewerkt (migraties ${applied.join(', ')}).`);
  configureAudit({ secret: config.auditSecret, checkpointFile: config.auditCheckpointFile });
  const sealed = await sealAuditLog(db);
  if (sealed > 0) log(`Auditlog: ${sealed} oudere rijen verzegeld met AUDIT_SECRET.`);
  let loadedDemo = false;
  if (config.demo) {
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM municipality');
    if (n === 0) {
      const clients = Number(process.env.DEMO_CLIENTS || 6000);
      log(`Demogemeente Demodam wordt geladen (${clients} klanten, eenmalig)...`);
      await writeDemodam(db, { clients, pseudonymSecret: config.pseudonymSecret });
      loadedDemo = true;
    }
  }
  return { db, loadedDemo };
}
