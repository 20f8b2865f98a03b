import type { Config } from './config.js';
import { openDb, type Db } from './store/db.js';
import { migrate } from './store/migrate.js';
import { writeDemodam } from './demo/write.js';

export const DEMO_ACCOUNTS = [
  { username: 'klantmanager', role: 'Klantmanager (team Noord)' },
  { username: 'teamleider', role: 'Teamleider (team Noord)' },
  { username: 'beleid', role: 'Beleidsmedewerker' },
  { username: 'onderzoek', role: 'Onderzoeker' },
  { username: 'beheer', role: 'Functioneel beheerder' },
] as const;
export const DEMO_PASSWORD = 'demodam';

/**
 * Opens the database (embedded or server), applies migrations, and loads Demodam once when
 * DEMO is on and the database holds no municipality yet.
 */
export async function prepareDatabase(config: Config, log: (line: string) => void = () => undefined): Promise<{ db: Db; loadedDemo: boolean }> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length > 0) log(`Database bijgewerkt (migraties ${applied.join(', ')}).`);
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
