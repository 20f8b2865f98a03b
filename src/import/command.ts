import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Db } from '../store/db.js';
import { loadConfig } from '../config.js';
import { ENTITIES, isEntity } from './entities.js';
import { parseMapping } from './mapping.js';
import { rejectionsCsv, runImport, type ImportSummary } from './run.js';

export const IMPORT_USAGE = `kansenspiegel import --entity E --file F [--mapping M.json] [--dry-run] [--municipality GMxxxx] [--report R.csv]
  E: ${ENTITIES.join(', ')}
  Het bestand: CSV (; of ,, UTF-8 of Windows-1252) of XLSX. Afgekeurde regels komen in R.csv
  (standaard F.afgekeurd.csv); geldige regels worden wel ingelezen. Eén bestand is één transactie.`;

/** The municipality to import into: the one named, or the only one there is. */
async function municipality(db: Db, code: string | undefined): Promise<number> {
  const rows = await db.query<{ id: number; code: string }>('SELECT id, code FROM municipality ORDER BY id');
  if (code) {
    const found = rows.find((r) => r.code.toLowerCase() === code.toLowerCase());
    if (!found) throw new Error(`Gemeente ${code} staat niet in de database.`);
    return found.id;
  }
  if (rows.length !== 1)
    throw new Error(
      rows.length === 0
        ? 'Er is nog geen gemeente in de database.'
        : 'Er zijn meerdere gemeenten; kies er een met --municipality.',
    );
  return rows[0].id;
}

export async function importCommand(
  db: Db,
  args: string[],
  say: (line: string) => void = console.log,
): Promise<ImportSummary> {
  const { values } = parseArgs({
    args,
    options: {
      entity: { type: 'string' },
      file: { type: 'string' },
      mapping: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      municipality: { type: 'string' },
      report: { type: 'string' },
    },
  });
  if (!values.entity || !isEntity(values.entity) || !values.file) throw new Error(IMPORT_USAGE);
  const mapping = values.mapping ? parseMapping(JSON.parse(await readFile(values.mapping, 'utf8'))) : undefined;
  const summary = await runImport(db, createReadStream(values.file, { highWaterMark: 256 * 1024 }), {
    entity: values.entity,
    municipalityId: await municipality(db, values.municipality),
    fileName: basename(values.file),
    dryRun: values['dry-run'],
    mapping,
    userId: null,
    pseudonymSecret: loadConfig().pseudonymSecret,
    onProgress: (rows) => {
      if (rows % 50_000 < 1000) process.stderr.write(`\r${rows} regels gelezen`);
    },
  });
  process.stderr.write('\r');
  if (summary.status === 'mislukt') {
    say(`Import ${summary.id} mislukt: ${summary.error}`);
    return summary;
  }
  say(
    `Import ${summary.id} (${summary.entity})${summary.dryRun ? ' — PROEF, niets opgeslagen' : ''}: ${summary.rowsTotal} regels, ` +
      `${summary.inserted} nieuw, ${summary.updated} gewijzigd, ${summary.unchanged} ongewijzigd, ${summary.rowsRejected} afgekeurd.`,
  );
  if (summary.quality) say(`Datakwaliteit: ${JSON.stringify(summary.quality, null, 2)}`);
  if (summary.rowsRejected > 0) {
    const report = values.report ?? `${values.file}.afgekeurd.csv`;
    const out = createWriteStream(report);
    for await (const chunk of rejectionsCsv(db, summary.id)) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    say(`Afgekeurde regels (regel;veld;reden): ${report}`);
  }
  return summary;
}
