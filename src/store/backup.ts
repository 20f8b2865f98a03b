import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';

/**
 * Back-up and restore of both kinds of database.
 *
 * - Embedded (PGlite): a gzipped tar of the data folder made by PGlite itself (dumpDataDir).
 *   The server must be stopped: PGlite allows one process per data folder.
 * - PostgreSQL server: pg_dump in custom format and pg_restore (Debian's postgresql-client),
 *   which may run while Kansenspiegel runs (pg_dump reads one consistent snapshot).
 */
export async function backupPglite(dataDir: string, outFile: string): Promise<number> {
  if (!existsSync(dataDir)) throw new Error(`De datamap ${dataDir} bestaat niet.`);
  const db = await PGlite.create({ dataDir });
  try {
    const blob = await db.dumpDataDir('gzip');
    const bytes = Buffer.from(await blob.arrayBuffer());
    await writeFile(outFile, bytes);
    return bytes.length;
  } finally {
    await db.close();
  }
}

export async function restorePglite(inFile: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(
      `De datamap ${dataDir} is niet leeg. Zet de huidige map opzij (hernoem hem) en probeer het opnieuw.`,
    );
  }
  const blob = new Blob([await readFile(inFile)]);
  const db = await PGlite.create({ dataDir, loadDataDir: blob });
  await db.query('SELECT 1');
  await db.close();
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', (e) =>
      reject(new Error(`${command} kon niet starten (${e.message}); installeer postgresql-client.`)),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} stopte met code ${code}: ${err.trim()}`)),
    );
  });
}

export async function backupPostgres(databaseUrl: string, outFile: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', `--file=${outFile}`, `--dbname=${databaseUrl}`]);
}

/** Restores into the database at the URL, replacing what is there (--clean). */
export async function restorePostgres(inFile: string, databaseUrl: string): Promise<void> {
  await run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    `--dbname=${databaseUrl}`,
    inFile,
  ]);
}
