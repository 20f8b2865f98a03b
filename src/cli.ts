#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { loadConfig, isDevSecret } from './config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, prepareDatabase } from './bootstrap.js';
import { buildApp } from './server/app.js';
import { openDb } from './store/db.js';
import { migrate } from './store/migrate.js';
import { writeDemodam } from './demo/write.js';
import { runSnapshot, runSpiegel, SPIEGEL_USAGE } from './spiegel-command.js';

const USAGE = `Gebruik: kansenspiegel <opdracht> [opties]

Opdrachten:
  serve                      start de webapplicatie (PORT, DATA_DIR, DATABASE_URL, ...)
  migrate                    werk de database bij naar de nieuwste versie
  demo [--clients N] [--seed S]
                             schrijf de demogemeente Demodam in de database
  spiegel [opties]           de spiegel van gelijke kansen als HTML, CSV of JSON
  snapshot --period P        bewaar de bevolking van een periode in kolommen (snel starten)
`;

async function serve(): Promise<void> {
  const config = loadConfig();
  const say = (line: string) => console.log(line);
  const { db } = await prepareDatabase(config, say);
  const app = await buildApp({ db, config, warmMirror: true }, { logger: process.env.LOG_REQUESTS === '1' });
  const url = await app.listen({ port: config.port, host: config.host });
  say('');
  say(`Kansenspiegel draait op ${url.replace('127.0.0.1', 'localhost')}`);
  say(`Database: ${db.kind === 'pglite' ? `ingebouwd (PGlite) in ${config.dataDir}` : 'PostgreSQL-server (DATABASE_URL)'}`);
  if (config.demo) {
    say(`Demo-accounts (wachtwoord voor allemaal: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) say(`  ${a.username.padEnd(14)} ${a.role}`);
  }
  if (isDevSecret(config.pseudonymSecret)) say('Let op: PSEUDONYM_SECRET is niet gezet; alleen geschikt voor de demo.');
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function demo(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { clients: { type: 'string', default: '6000' }, seed: { type: 'string', default: 'demodam' } } });
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(db);
  const t0 = Date.now();
  await writeDemodam(db, {
    clients: Number(values.clients), seed: values.seed, pseudonymSecret: config.pseudonymSecret,
    onProgress: (done: number, total: number) => process.stdout.write(`\r${done} / ${total} klanten`),
  });
  console.log(`\nDemodam geschreven in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  await db.close();
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': return serve();
    case 'migrate': {
      const config = loadConfig();
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const applied = await migrate(db);
      console.log(applied.length ? `Toegepast: ${applied.join(', ')}` : 'De database is al bij.');
      return db.close();
    }
    case 'demo': return demo(rest);
    case 'spiegel': return runSpiegel(rest);
    case 'snapshot': return runSnapshot(rest);
    default:
      console.log(USAGE);
      if (command === 'help') console.log(SPIEGEL_USAGE);
      if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
