#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { loadConfig, isDevSecret } from './config.js';
import type { Db } from './store/db.js';

// Each command loads its own modules when it runs, so that `spiegel --input` and `--help` do not
// start by loading the web server and the database.

async function serve(): Promise<void> {
  const { DEMO_ACCOUNTS, DEMO_PASSWORD, prepareDatabase } = await import('./bootstrap.js');
  const { buildApp } = await import('./server/app.js');
  const { startCheckpoints } = await import('./store/audit.js');
  const config = loadConfig();
  const say = (line: string) => console.log(line);
  const { db } = await prepareDatabase(config, say);
  const app = await buildApp(
    { db, config, warmMirror: true, readCache: config.readCache },
    { logger: process.env.LOG_REQUESTS === '1' },
  );
  const checkpoints = startCheckpoints(db, config.auditCheckpointSeconds, say);
  const url = await app.listen({ port: config.port, host: config.host });
  say('');
  say(`Kansenspiegel draait op ${url.replace('127.0.0.1', 'localhost')}`);
  say(
    `Database: ${db.kind === 'pglite' ? `ingebouwd (PGlite) in ${config.dataDir}` : 'PostgreSQL-server (DATABASE_URL)'}`,
  );
  if (config.demo) {
    say(`Demo-accounts (wachtwoord voor allemaal: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) say(`  ${a.username.padEnd(14)} ${a.role}`);
  }
  if ((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user'))[0].n === 0)
    say('Nog geen gebruikers. Maak de gemeente en de eerste beheerder met: kansenspiegel init --help');
  if (isDevSecret(config.pseudonymSecret)) say('Let op: PSEUDONYM_SECRET is niet gezet; alleen geschikt voor de demo.');
  if (isDevSecret(config.auditSecret)) say('Let op: AUDIT_SECRET is niet gezet; alleen geschikt voor de demo.');
  const stop = async () => {
    await app.close();
    await checkpoints.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function demo(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { clients: { type: 'string', default: '6000' }, seed: { type: 'string', default: 'demodam' } },
  });
  const { openDb } = await import('./store/db.js');
  const { migrate } = await import('./store/migrate.js');
  const { writeDemodam } = await import('./demo/write.js');
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(db);
  const t0 = Date.now();
  await writeDemodam(db, {
    clients: Number(values.clients),
    seed: values.seed,
    pseudonymSecret: config.pseudonymSecret,
    onProgress: (done: number, total: number) => process.stdout.write(`\r${done} / ${total} klanten`),
  });
  console.log(`\nDemodam geschreven in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  await db.close();
}

/**
 * Opens the configured database (migrated, audit log sealed), runs `fn`, closes it. What `fn`
 * wrote to the audit log is anchored in the checkpoint file afterwards.
 */
async function withDb(fn: (db: Db) => Promise<void>): Promise<void> {
  const { openDb } = await import('./store/db.js');
  const { migrate } = await import('./store/migrate.js');
  const { configureAudit, sealAuditLog, writeCheckpoint } = await import('./store/audit.js');
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    configureAudit({ secret: config.auditSecret, checkpointFile: config.auditCheckpointFile });
    await sealAuditLog(db);
    await fn(db);
    if (!process.exitCode) await writeCheckpoint(db);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (rest.includes('--help') || rest.includes('-h')) {
    const help = (await import('./cli-help.js')).commandHelp(command ?? '');
    if (help) {
      process.stdout.write(help);
      return;
    }
  }
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate': {
      const { openDb } = await import('./store/db.js');
      const { migrate } = await import('./store/migrate.js');
      const { configureAudit, sealAuditLog } = await import('./store/audit.js');
      const config = loadConfig();
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const applied = await migrate(db);
      console.log(applied.length ? `Toegepast: ${applied.join(', ')}` : 'De database is al bij.');
      configureAudit({ secret: config.auditSecret, checkpointFile: config.auditCheckpointFile });
      const sealed = await sealAuditLog(db);
      if (sealed > 0) console.log(`Auditlog: ${sealed} oudere rijen verzegeld met AUDIT_SECRET.`);
      return db.close();
    }
    case 'demo':
      return demo(rest);
    case 'spiegel':
      return (await import('./spiegel-command.js')).runSpiegel(rest);
    case 'import':
      return withDb(async (db) => {
        const { importCommand } = await import('./import/command.js');
        const summary = await importCommand(db, rest);
        if (summary.status === 'mislukt') process.exitCode = 1;
      });
    case 'audit-verify':
      return withDb(async (db) => {
        const { verifyAuditChain, writeCheckpoint } = await import('./store/audit.js');
        const config = loadConfig();
        const r = await verifyAuditChain(db);
        if (r.ok) {
          const cp = await writeCheckpoint(db);
          console.log(
            `Auditlog in orde: ${r.checked} rijen gecontroleerd met de sleutel, ${r.checkpoints} ankerpunten in ${config.auditCheckpointFile} kloppen.`,
          );
          console.log(
            `Kop van de keten (bewaar deze ook elders, bijvoorbeeld in het beheerlogboek): ${r.head ? `${r.head.count} rijen, ${r.head.mac}` : 'leeg'}` +
              `${cp ? ' — als nieuw ankerpunt vastgelegd.' : ''}`,
          );
          if (r.checkpoints === 0)
            console.log(
              'Let op: er was nog geen ankerpunt buiten de database; het weghalen van de laatste rijen valt pas op na het eerste ankerpunt.',
            );
        } else {
          const where = r.firstBroken!.id > 0 ? `bij rij ${r.firstBroken!.id}` : 'bij de ankerpunten';
          console.log(`Auditlog GEBROKEN ${where}: ${r.firstBroken!.reason}.`);
          process.exitCode = 1;
        }
      });
    case 'retention':
      return withDb(async (db) => {
        const { runRetention } = await import('./store/avg.js');
        const { todayIso } = await import('./domain/dates.js');
        const { values } = parseArgs({
          args: rest,
          options: { 'dry-run': { type: 'boolean', default: false }, years: { type: 'string' } },
        });
        const config = loadConfig();
        const years = Number(values.years ?? process.env.RETENTION_YEARS ?? 7);
        if (!Number.isInteger(years) || years < 1)
          throw new Error('--years (of RETENTION_YEARS) moet een heel getal ≥ 1 zijn.');
        const r = await runRetention(db, {
          years,
          today: todayIso(),
          dryRun: values['dry-run'],
          pseudonymSecret: config.pseudonymSecret,
        });
        console.log(
          `${r.dryRun ? 'PROEF — ' : ''}Bewaartermijn ${years} jaar (uitkering beëindigd vóór ${r.cutoff}): ${r.clients} dossiers ${r.dryRun ? 'zouden worden' : 'zijn'} verwijderd` +
            `${r.dryRun ? '' : `, ${r.monitoringRows} rijen bijzondere persoonsgegevens, inhoud van ${r.auditRowsErased} auditregels gewist, ${r.sessionsDeleted} verlopen sessies`}; ` +
            `afkeurrapporten van ${r.rejectionReportsDeleted} imports ${r.dryRun ? 'zouden worden' : 'zijn'} opgeruimd.`,
        );
      });
    case 'backup': {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
      if (!values.out) throw new Error('Gebruik: kansenspiegel backup --out BESTAND');
      const { backupPglite, backupPostgres } = await import('./store/backup.js');
      const config = loadConfig();
      if (config.databaseUrl) await backupPostgres(config.databaseUrl, values.out);
      else await backupPglite(config.dataDir, values.out);
      console.log(`Reservekopie geschreven: ${values.out}`);
      return;
    }
    case 'restore': {
      const { values } = parseArgs({ args: rest, options: { in: { type: 'string' } } });
      if (!values.in) throw new Error('Gebruik: kansenspiegel restore --in BESTAND');
      const { restorePglite, restorePostgres } = await import('./store/backup.js');
      const config = loadConfig();
      if (config.databaseUrl) await restorePostgres(values.in, config.databaseUrl);
      else await restorePglite(values.in, config.dataDir);
      console.log('Teruggezet. Start daarna kansenspiegel migrate (als de kopie ouder is dan deze versie) en serve.');
      return;
    }
    case 'init':
      return withDb(async (db) => (await import('./init-command.js')).runInit(db, rest));
    case 'snapshot':
      return (await import('./spiegel-command.js')).runSnapshot(rest);
    case 'help': {
      const { commandHelp, overview } = await import('./cli-help.js');
      const about = rest[0] ? commandHelp(rest[0]) : undefined;
      if (rest[0] && !about) {
        console.error(`Onbekende opdracht "${rest[0]}".\n`);
        process.exitCode = 2;
      }
      process.stdout.write(about ?? overview());
      return;
    }
    default: {
      const { overview } = await import('./cli-help.js');
      if (command && command !== '--help' && command !== '-h') {
        console.error(`Onbekende opdracht "${command}".\n`);
        process.exitCode = 2;
      }
      process.stdout.write(overview());
    }
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
