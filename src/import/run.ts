import type { Db, Queryable } from '../store/db.js';
import { importRepository, upsertPlan, writeBatch, type ImportRun, type Rejection } from '../store/import.js';
import { writeAudit } from '../store/audit.js';
import {
  ENTITY_DEFS,
  parseField,
  type EntityDef,
  type EntityName,
  type FieldDef,
  type FieldProblem,
  type ParsedRow,
  type Value,
} from './entities.js';
import { planColumns, type ColumnPlan, type EntityMapping, type MappingFile } from './mapping.js';
import { pseudonymFor } from '../domain/pseudonym.js';
import { openSource, type SourceRow } from './read.js';
import { todayIso } from '../domain/dates.js';

export interface ImportOptions {
  entity: EntityName;
  municipalityId: number;
  fileName: string;
  dryRun?: boolean;
  mapping?: MappingFile;
  /** The user who started it; null for the command line. */
  userId: number | null;
  batchSize?: number;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rows: number, importId: number) => void;
  /** 'YYYY-MM-DD'; dates after it are impossible for things that have happened. */
  today?: string;
  /** The key of the pseudonyms (config.pseudonymSecret); required for special-category data. */
  pseudonymSecret?: string;
}

/** The data-quality report of one file. */
export interface FileQuality {
  rows: number;
  rejectedRows: number;
  /** Empty cells per field, over all rows (also the rejected ones). */
  missing: Record<string, number>;
  impossibleDates: Record<string, number>;
  invalid: Record<string, number>;
  /** Codes not in a list or the catalogue: per field the count and the most frequent values. */
  unknownCodes: Record<string, { count: number; values: Record<string, number> }>;
  duplicates: {
    /** Rows with the natural key of an earlier row in the same file (same BSN for clients). */
    sameKeyInFile: number;
    /** Clients only: rows with the name and birth date of an earlier row but another BSN. */
    sameNameAndBirthDateInFile: number;
    /** Clients only: after the import, groups of clients in the database with the same name and birth date. */
    sameNameAndBirthDateInDatabase: { groups: number; clients: number } | null;
  };
  ignoredColumns: string[];
  format: string;
  encoding: string | null;
  delimiter: string | null;
}

/** What an import did: the run's counts, with the data-quality report of the file. */
export type ImportSummary = Pick<
  ImportRun,
  | 'id'
  | 'status'
  | 'entity'
  | 'dryRun'
  | 'rowsTotal'
  | 'rowsValid'
  | 'rowsRejected'
  | 'inserted'
  | 'updated'
  | 'unchanged'
  | 'error'
> & {
  quality: FileQuality | null;
};

/** An error that fails the whole file (wrong header, unreadable file); nothing is written. */
export class ImportFileError extends Error {}

const MAX_CODE_VALUES = 20;

function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

type Problem = Pick<FieldProblem, 'field' | 'reason'>;

/** The state of one run while its transaction is open. */
interface RunState {
  id: number;
  opts: ImportOptions;
  def: EntityDef;
  mapping: EntityMapping;
  dryRun: boolean;
  today: string;
  quality: FileQuality;
  counts: { valid: number; inserted: number; updated: number };
  rejectedRows: Set<number>;
  pending: Rejection[];
  reject: (row: number, p: Problem) => void;
}

function newQuality(): FileQuality {
  return {
    rows: 0,
    rejectedRows: 0,
    missing: {},
    impossibleDates: {},
    invalid: {},
    unknownCodes: {},
    duplicates: { sameKeyInFile: 0, sameNameAndBirthDateInFile: 0, sameNameAndBirthDateInDatabase: null },
    ignoredColumns: [],
    format: 'csv',
    encoding: null,
    delimiter: null,
  };
}

function countUnknownCode(quality: FileQuality, field: string, raw: string): void {
  const u = (quality.unknownCodes[field] ??= { count: 0, values: {} });
  u.count++;
  const key = raw.slice(0, 40);
  if (key in u.values || Object.keys(u.values).length < MAX_CODE_VALUES) bump(u.values, key);
}

const LOOKUP_NAMES: Record<NonNullable<FieldDef['lookup']>, string> = {
  team: 'team',
  consultant: 'medewerker (gebruikersnaam)',
  neighbourhood: 'wijkcode',
  instrument: 'voorziening',
  srg: 'SRG-code',
};

type Lookups = Awaited<ReturnType<ReturnType<typeof importRepository>['lookups']>>;

/**
 * Resolves a batch of parsed rows to column values: the client (by BSN) or, for special-category
 * data, the pseudonym of that client; and the looked-up ids of teams, users and codes.
 */
async function resolveBatch(
  st: RunState,
  tx: Queryable,
  lookups: Lookups,
  rows: { row: number; values: ParsedRow }[],
): Promise<Record<string, Value>[]> {
  const { def, opts } = st;
  const resolved: Record<string, Value>[] = [];
  const clientIds = def.clientLinked
    ? await importRepository(tx).clientIds(opts.municipalityId, [...new Set(rows.map((r) => r.values.bsn as string))])
    : null;
  for (const { row, values } of rows) {
    const out: Record<string, Value> = {};
    let ok = true;
    if (clientIds) {
      const cid = clientIds.get(values.bsn as string);
      if (cid === undefined) {
        st.reject(row, { field: 'bsn', reason: 'Er is geen klant met dit BSN; importeer eerst de klanten.' });
        ok = false;
      }
      if (def.byPseudonym) out.pseudonym = cid === undefined ? null : pseudonymFor(cid, opts.pseudonymSecret!);
      else out.client_id = cid ?? null;
    }
    for (const f of def.fields) {
      if (!f.column) continue;
      const v = values[f.field] ?? null;
      if (!f.lookup || v === null) {
        out[f.column] = v;
        continue;
      }
      const found = lookups[f.lookup].get(String(v).toLowerCase());
      if (found === undefined) {
        st.reject(row, {
          field: f.field,
          reason: `Onbekende ${LOOKUP_NAMES[f.lookup]} "${String(v).slice(0, 40)}": staat niet in de ${f.lookup === 'instrument' ? 'catalogus' : 'lijst'}.`,
        });
        countUnknownCode(st.quality, f.field, String(v));
        ok = false;
        continue;
      }
      out[f.column] = found;
    }
    if (ok) resolved.push(out);
  }
  return resolved;
}

/** Checks one row of the file; returns its values, or null when it was rejected (and reported). */
function checkRow(
  st: RunState,
  src: SourceRow,
  source: { header: string[]; format: string },
  plan: ColumnPlan,
  seen: { keys: Map<string, number>; persons: Map<string, string> },
): ParsedRow | null {
  const { quality, def } = st;
  if (src.cells.length > source.header.length || (src.cells.length < source.header.length && source.format === 'csv')) {
    st.reject(src.row, {
      field: '(regel)',
      reason: `Deze regel heeft ${src.cells.length} kolommen; de kopregel heeft er ${source.header.length}.`,
    });
    return null;
  }
  const parsed = parseRow(src, plan.index, st.mapping.values, st.mapping.defaults, def.fields, st.today);
  for (const p of parsed.problems) {
    st.reject(src.row, p);
    if (p.kind === 'missing') continue;
    if (p.kind === 'impossible_date') bump(quality.impossibleDates, p.field);
    else if (p.kind === 'unknown_code') countUnknownCode(quality, p.field, parsed.raw[p.field] ?? '');
    else bump(quality.invalid, p.field);
  }
  for (const f of parsed.empty) bump(quality.missing, f);
  if (parsed.problems.length > 0) return null;
  const crossProblems = def.check?.(parsed.values) ?? [];
  if (crossProblems.length > 0) {
    for (const [field, reason] of crossProblems) {
      st.reject(src.row, { field, reason });
      bump(quality.invalid, field);
    }
    return null;
  }
  const key = def.key.map((k) => String(parsed.values[k] ?? '').toLowerCase()).join('\u0001');
  const earlier = seen.keys.get(key);
  if (earlier !== undefined) {
    quality.duplicates.sameKeyInFile++;
    st.reject(src.row, {
      field: def.key.join('+'),
      reason: `Dubbel: regel ${earlier} heeft dezelfde ${def.key.join(' en ')}.`,
    });
    return null;
  }
  seen.keys.set(key, src.row);
  if (def.name === 'clients') {
    const person = [parsed.values.given_name, parsed.values.family_name, parsed.values.birth_date]
      .map((v) => String(v).toLowerCase())
      .join('\u0001');
    const bsn = seen.persons.get(person);
    if (bsn !== undefined && bsn !== parsed.values.bsn) quality.duplicates.sameNameAndBirthDateInFile++;
    else seen.persons.set(person, parsed.values.bsn as string);
  }
  return parsed.values;
}

/** Opens the file and plans its columns; a file that cannot be read or mapped fails as a whole. */
async function openPlanned(st: RunState, input: AsyncIterable<Buffer | Uint8Array | string>) {
  const { quality, opts } = st;
  const source = await openSource(input, {
    encoding: opts.mapping?.encoding,
    delimiter: opts.mapping?.delimiter,
    onUnreadable: (u) => {
      quality.rows++;
      st.reject(u.row, { field: '(regel)', reason: u.reason });
    },
  }).catch((err: unknown) => {
    throw new ImportFileError(`Het bestand is niet te lezen: ${err instanceof Error ? err.message : String(err)}`);
  });
  Object.assign(quality, { format: source.format, encoding: source.encoding, delimiter: source.delimiter });
  if (source.header.length === 0) throw new ImportFileError('Het bestand is leeg: er is geen kopregel.');
  let plan: ColumnPlan;
  try {
    plan = planColumns(opts.entity, source.header, st.mapping);
  } catch (err) {
    throw new ImportFileError((err as Error).message);
  }
  quality.ignoredColumns = plan.ignored;
  return { source, plan };
}

/** The body of the run's one transaction: read, check and write every row, then record the run. */
async function importInTransaction(
  st: RunState,
  tx: Queryable,
  input: AsyncIterable<Buffer | Uint8Array | string>,
): Promise<void> {
  const { opts, quality, counts, dryRun, id } = st;
  const txRepo = importRepository(tx);
  await txRepo.lock();
  const lookups = await txRepo.lookups(opts.municipalityId);
  const { source, plan } = await openPlanned(st, input);
  const upsert = upsertPlan(opts.entity, new Set(plan.index.keys()));
  const seen = { keys: new Map<string, number>(), persons: new Map<string, string>() };
  const batchSize = opts.batchSize ?? 1000;
  let batch: { row: number; values: ParsedRow }[] = [];

  const flush = async () => {
    const resolved = await resolveBatch(st, tx, lookups, batch);
    batch = [];
    if (resolved.length > 0) {
      if (dryRun) await tx.query('SAVEPOINT proef');
      const r = await writeBatch(tx, upsert, opts.municipalityId, resolved);
      if (dryRun) await tx.query('ROLLBACK TO SAVEPOINT proef');
      counts.inserted += r.inserted;
      counts.updated += r.updated;
      counts.valid += resolved.length;
    }
    await txRepo.addRejections(id, st.pending.splice(0));
    opts.onProgress?.(quality.rows, id);
  };

  for await (const src of source.rows as AsyncIterable<SourceRow>) {
    quality.rows++;
    const values = checkRow(st, src, source, plan, seen);
    if (values === null) continue;
    batch.push({ row: src.row, values });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  quality.rejectedRows = st.rejectedRows.size;
  if (opts.entity === 'clients') {
    const d = await txRepo.possibleDuplicatePersons(opts.municipalityId);
    quality.duplicates.sameNameAndBirthDateInDatabase = { groups: Number(d.groups), clients: Number(d.clients) };
  }
  await txRepo.finishRun(id, { status: dryRun ? 'proef' : 'klaar', ...runCounts(st), quality });
  await writeAudit(tx, [
    {
      userId: opts.userId,
      clientId: null,
      action: 'import',
      resource: st.def.table,
      detail: `import ${id} (${opts.entity}${dryRun ? ', proef' : ''}): ${counts.inserted} nieuw, ${counts.updated} gewijzigd, ${st.rejectedRows.size} regels afgekeurd`,
    },
  ]);
}

function runCounts(st: RunState) {
  const { counts } = st;
  return {
    rowsTotal: st.quality.rows,
    rowsValid: counts.valid,
    rowsRejected: st.rejectedRows.size,
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: counts.valid - counts.inserted - counts.updated,
  };
}

/**
 * Imports one extract as one transaction: every valid row is written (or, in a dry run,
 * counted), every refused row is reported with its row, field and reason, and a crash or error
 * half-way leaves nothing of this file behind. Rows are streamed in batches; only the natural
 * keys seen so far are kept in memory (for duplicates within the file).
 */
export async function runImport(
  db: Db,
  input: AsyncIterable<Buffer | Uint8Array | string>,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const repo = importRepository(db);
  const def = ENTITY_DEFS[opts.entity];
  const dryRun = opts.dryRun ?? false;
  const id = await repo.createRun({
    municipalityId: opts.municipalityId,
    entity: opts.entity,
    fileName: opts.fileName,
    dryRun,
    startedBy: opts.userId,
  });
  const st: RunState = {
    id,
    opts,
    def,
    mapping: opts.mapping?.entities[opts.entity] ?? {},
    dryRun,
    today: opts.today ?? todayIso(),
    quality: newQuality(),
    counts: { valid: 0, inserted: 0, updated: 0 },
    rejectedRows: new Set<number>(),
    pending: [],
    reject: (row, p) => {
      st.pending.push({ row, field: p.field, reason: p.reason });
      st.rejectedRows.add(row);
    },
  };
  const base = { id, entity: opts.entity, dryRun };
  try {
    if (def.byPseudonym && !opts.pseudonymSecret)
      throw new ImportFileError('Er is geen sleutel voor pseudoniemen ingesteld (PSEUDONYM_SECRET).');
    await db.transaction((tx) => importInTransaction(st, tx, input));
    // Fresh planner statistics: without them a table that was nearly empty before the import is
    // planned as empty, and the mirror's queries over it become very slow (embedded PGlite has
    // no autovacuum to do this).
    if (!dryRun && st.counts.inserted > 0) await db.query(`ANALYZE ${def.table}`).catch(() => undefined);
  } catch (err) {
    const message =
      err instanceof ImportFileError
        ? err.message
        : `De import is afgebroken; er is niets van dit bestand opgeslagen. (${err instanceof Error ? err.message : String(err)})`;
    await repo.failRun(id, message);
    return {
      ...base,
      status: 'mislukt',
      rowsTotal: st.quality.rows,
      rowsValid: 0,
      rowsRejected: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      quality: null,
      error: message,
    };
  }
  return { ...base, status: dryRun ? 'proef' : 'klaar', ...runCounts(st), quality: st.quality, error: null };
}

/** Parses the cells of one row into field values, collecting every problem (not only the first). */
export function parseRow(
  src: SourceRow,
  index: ReadonlyMap<string, number>,
  values: Record<string, Record<string, string>> | undefined,
  defaults: Record<string, string> | undefined,
  fields: (typeof ENTITY_DEFS)[EntityName]['fields'],
  today: string,
): { values: ParsedRow; problems: FieldProblem[]; empty: string[]; raw: Record<string, string> } {
  const out: ParsedRow = {};
  const problems: FieldProblem[] = [];
  const empty: string[] = [];
  const raw: Record<string, string> = {};
  for (const f of fields) {
    const i = index.get(f.field);
    let cell = i === undefined || i < 0 ? '' : (src.cells[i] ?? '').trim();
    if (i !== undefined && i >= 0 && cell === '') empty.push(f.field);
    if (cell === '' && defaults?.[f.field] !== undefined) cell = defaults[f.field];
    const recoded = values?.[f.field]?.[cell];
    if (recoded !== undefined) cell = recoded;
    raw[f.field] = cell;
    if (i === undefined && cell === '') {
      // Column absent: the field keeps its fallback on insert and is not changed on update.
      out[f.field] = f.fallback ?? null;
      continue;
    }
    const r = parseField(f, cell, today);
    if ('problem' in r) problems.push(r.problem);
    else out[f.field] = r.value;
  }
  return { values: out, problems, empty, raw };
}

/** Writes the rejected rows of an import as CSV (regel;veld;reden), page by page. */
export async function* rejectionsCsv(db: Queryable, importId: number): AsyncGenerator<string> {
  const repo = importRepository(db);
  const quote = (s: string) => (/[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  yield '\uFEFFregel;veld;reden\r\n';
  let afterRow = -1;
  let afterField = '';
  for (;;) {
    const page = await repo.rejections(importId, afterRow, afterField, 5000);
    if (page.length === 0) return;
    yield page.map((r) => `${r.row};${quote(r.field)};${quote(r.reason)}\r\n`).join('');
    afterRow = page[page.length - 1].row;
    afterField = page[page.length - 1].field;
  }
}
