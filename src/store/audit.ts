import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadConfig } from '../config.js';
import type { Db, Queryable } from './db.js';

export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'export' | 'denied' | 'import';

export interface AuditEntry {
  /** null for the system itself (e.g. the retention run). */
  userId: number | null;
  clientId: number | null;
  /**
   * The persons shown by one read of a list (a caseload, a search): one row for the request
   * instead of one per person. Set clientId to null with it; inzage finds the row through either.
   */
  clientIds?: readonly number[];
  action: AuditAction;
  resource: string;
  detail?: string;
}

// ---------------------------------------------------------------------------------------------
// Configuration: the key of the chain (AUDIT_SECRET) and the checkpoint file outside the
// database. Set once at start (serve, CLI); without it the key comes from the environment.

interface AuditSettings {
  secret: string;
  /** null: no checkpoints are read or written (tests, tools that only append). */
  checkpointFile: string | null;
}

let settings: AuditSettings | null = null;

/** Sets the audit key and (when given) the checkpoint file for this process. */
export function configureAudit(next: { secret: string; checkpointFile?: string | null }): void {
  settings = {
    secret: next.secret,
    checkpointFile: next.checkpointFile === undefined ? (settings?.checkpointFile ?? null) : next.checkpointFile,
  };
}

function current(): AuditSettings {
  settings ??= { secret: loadConfig().auditSecret, checkpointFile: null };
  return settings;
}

const hmac = (secret: string, text: string): string => createHmac('sha256', secret).update(text, 'utf8').digest('hex');
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function sameHex(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The keyed hash of a detail text (null stays null). Kept, so retention may erase the text itself. */
export const contentMac = (detail: string | null, secret = current().secret): string | null =>
  detail === null ? null : hmac(secret, `ks-audit-detail-v1\u0000${detail}`);

/** One audit row as the chain sees it: every column, as text, in a fixed order. */
export interface ChainRow {
  seq: string;
  id: string;
  at: string;
  userId: string | null;
  clientId: string | null;
  /** The persons of a list read, comma-separated in the order stored; null for rows about one person. */
  clientIds: string | null;
  action: string;
  resource: string;
  contentHash: string | null;
  /** The unkeyed hashes of the first chain (migration 006), kept as they were; null for newer rows. */
  legacyPrev: string | null;
  legacyRow: string | null;
}

/**
 * HMAC-SHA256 over the previous row's MAC and every column of this row (detail through its keyed
 * hash). Rows that list persons (client_ids, version 070) are sealed as v2, with the list last;
 * every other row is sealed exactly as before, so older chains verify unchanged.
 */
export function rowMac(prevMac: string | null, r: ChainRow, secret = current().secret): string {
  const fields = [
    prevMac ?? '',
    r.seq,
    r.id,
    r.at,
    r.userId,
    r.clientId,
    r.action,
    r.resource,
    r.contentHash,
    r.legacyPrev,
    r.legacyRow,
  ];
  return hmac(
    secret,
    JSON.stringify(r.clientIds === null ? ['ks-audit-v1', ...fields] : ['ks-audit-v2', ...fields, r.clientIds]),
  );
}

/** Timestamps are hashed as the database prints them (UTC, microseconds), the same on every driver. */
const AT_TEXT = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const NOW_TEXT = `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

interface DbRow {
  id: unknown;
  seq: unknown;
  at: string;
  user_id: unknown;
  client_id: unknown;
  client_ids: string | null;
  action: string;
  resource: string;
  detail: string | null;
  content_hash: string | null;
  prev_hash: string | null;
  row_hash: string | null;
  mac: string | null;
}

const SELECT_ROW = `SELECT id::text AS id, seq::text AS seq, ${AT_TEXT} AS at, user_id, client_id,
                           array_to_string(client_ids, ',') AS client_ids, action, resource, detail,
                           content_hash, prev_hash, row_hash, mac FROM audit_log`;

const chainRow = (r: DbRow, seq: string): ChainRow => ({
  seq,
  id: String(r.id),
  at: r.at,
  userId: str(r.user_id),
  clientId: str(r.client_id),
  clientIds: r.client_ids,
  action: r.action,
  resource: r.resource,
  contentHash: r.content_hash,
  legacyPrev: r.prev_hash,
  legacyRow: r.row_hash,
});

/** All audit writers queue behind this lock, so the chain has one order. */
const AUDIT_LOCK = 7_210_001;

const isDb = (q: Queryable): q is Db => typeof (q as Partial<Db>).transaction === 'function';

async function chainHead(tx: Queryable): Promise<{ seq: number; mac: string } | null> {
  const [last] = await tx.query<{ seq: string; mac: string }>(
    'SELECT a.seq::text AS seq, a.mac FROM audit_log a WHERE a.seq IS NOT NULL ORDER BY a.seq DESC LIMIT 1',
  );
  return last ? { seq: Number(last.seq), mac: last.mac } : null;
}

/** The person list as the chain seals it: ids comma-separated, as the database prints the array. */
function listText(e: AuditEntry): string | null {
  if (e.clientIds === undefined) return null;
  if (e.clientIds.some((id) => !Number.isSafeInteger(id))) throw new Error('audit: client id is not an integer');
  return e.clientIds.join(',');
}

async function appendChained(tx: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  // One round trip: the head, the time, and the ids the new rows will get.
  const [state] = await tx.query<{ seq: string | null; mac: string | null; at: string; ids: string[] }>(
    `SELECT h.seq, h.mac, ${NOW_TEXT} AS at,
            ARRAY(SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::text FROM generate_series(1, $1::int)) AS ids
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT a.seq::text AS seq, a.mac FROM audit_log a WHERE a.seq IS NOT NULL ORDER BY a.seq DESC LIMIT 1) h ON true`,
    [entries.length],
  );
  const head = state.seq === null ? null : { seq: Number(state.seq), mac: state.mac! };
  if (!head) {
    // The first keyed row: rows from before the key (migration 010) are sealed first, once;
    // then start again, so the new rows get ids after the sealing note (unused ids are harmless).
    const [any] = await tx.query('SELECT 1 FROM audit_log LIMIT 1');
    if (any && (await sealLegacyRows(tx)) > 0) return appendChained(tx, entries);
  }
  const { secret } = current();
  const { at, ids } = state;
  let prev = head?.mac ?? null;
  let seq = head?.seq ?? 0;
  const seqs: string[] = [];
  const macs: string[] = [];
  const contents: (string | null)[] = [];
  entries.forEach((e, i) => {
    seq++;
    const ch = contentMac(e.detail ?? null, secret);
    const mac = rowMac(
      prev,
      {
        seq: String(seq),
        id: ids[i],
        at,
        userId: str(e.userId),
        clientId: str(e.clientId),
        clientIds: listText(e),
        action: e.action,
        resource: e.resource,
        contentHash: ch,
        legacyPrev: null,
        legacyRow: null,
      },
      secret,
    );
    seqs.push(String(seq));
    macs.push(mac);
    contents.push(ch);
    prev = mac;
  });
  await tx.query(
    `INSERT INTO audit_log (id, seq, at, user_id, client_id, client_ids, action, resource, detail, content_hash, mac)
     SELECT i::bigint, s::bigint, $1::timestamptz, u, c, string_to_array(cs, ',')::int[], a, r, d, ch, m
       FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[])
            AS x(i, s, u, c, a, r, d, ch, m, cs)`,
    [
      at,
      ids,
      seqs,
      entries.map((e) => e.userId),
      entries.map((e) => e.clientId),
      entries.map((e) => e.action),
      entries.map((e) => e.resource),
      entries.map((e) => e.detail ?? null),
      contents,
      macs,
      entries.map(listText),
    ],
  );
}

/**
 * Records one read of a list of persons as one audit row for the whole request: client_id when
 * it showed one person, client_ids when it showed more, nothing when it showed none. The cost is
 * one row and one chain link whatever the length of the page.
 */
export async function writeListRead(
  db: Queryable,
  read: { userId: number; resource: string; clientIds: readonly number[] },
): Promise<void> {
  const { userId, resource, clientIds } = read;
  if (clientIds.length === 0) return;
  const entry: AuditEntry =
    clientIds.length === 1
      ? { userId, clientId: clientIds[0], action: 'read', resource }
      : { userId, clientId: null, clientIds, action: 'read', resource };
  await writeAudit(db, [entry]);
}

/**
 * Writes audit rows (one per person touched, or one per list read), chained: each row stores
 * HMAC-SHA256(AUDIT_SECRET, previous row's MAC || every column of the row). Call inside the same
 * transaction as a change; called with the database itself it opens a short transaction of its own.
 */
export async function writeAudit(db: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (isDb(db)) await groupCommit(db, entries);
  else await appendChained(db, entries);
}

interface Waiting {
  entries: readonly AuditEntry[];
  resolve: () => void;
  reject: (err: unknown) => void;
}
const queues = new WeakMap<Db, { waiting: Waiting[]; writing: boolean }>();
const GROUP_MAX = 200;

/**
 * Audit rows of requests that arrive while a write is under way go into the next transaction
 * together (group commit): one lock, one chain head and one INSERT for all of them, so the cost
 * per request falls as the load rises. Each caller still waits until its own rows are committed.
 * The first write starts at once; a group that fails is written again request by request, so
 * one bad entry fails only its own request.
 */
function groupCommit(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], writing: false };
    queues.set(db, queue);
  }
  const q = queue;
  return new Promise<void>((resolve, reject) => {
    entries.forEach(listText); // a malformed person list fails its own caller, before any group
    q.waiting.push({ entries, resolve, reject });
    if (!q.writing) void drain(db, q);
  });
}

async function drain(db: Db, q: { waiting: Waiting[]; writing: boolean }): Promise<void> {
  q.writing = true;
  try {
    while (q.waiting.length > 0) {
      const group = q.waiting.splice(0, GROUP_MAX);
      try {
        await db.transaction((tx) =>
          appendChained(
            tx,
            group.flatMap((w) => w.entries),
          ),
        );
        for (const w of group) w.resolve();
      } catch (err) {
        if (group.length === 1) group[0].reject(err);
        else
          for (const w of group) await db.transaction((tx) => appendChained(tx, w.entries)).then(w.resolve, w.reject);
      }
    }
  } finally {
    q.writing = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Rows from before the key: sealed once, when the chain has no keyed row yet.

/** The unkeyed chain of migration 006 (sha256), checked once before its rows are sealed. */
function legacyCheck<R extends DbRow>(rows: readonly R[], atOf: (r: R) => string): string {
  let prev: string | null = null;
  let chained = false;
  for (const r of rows) {
    if (r.row_hash === null) {
      if (chained) return `gebroken bij rij ${String(r.id)} (hash ontbreekt)`;
      continue;
    }
    if (chained && r.prev_hash !== prev) return `gebroken bij rij ${String(r.id)} (rij verwijderd of ingevoegd)`;
    if (r.detail !== null && sha256(r.detail) !== r.content_hash)
      return `gebroken bij rij ${String(r.id)} (inhoud gewijzigd)`;
    const expected = sha256(
      JSON.stringify([
        r.prev_hash ?? '',
        atOf(r),
        r.user_id === null ? null : Number(r.user_id),
        r.client_id === null ? null : Number(r.client_id),
        r.action,
        r.resource,
        r.content_hash,
      ]),
    );
    if (expected !== r.row_hash) return `gebroken bij rij ${String(r.id)} (hash klopt niet)`;
    chained = true;
    prev = r.row_hash;
  }
  return 'in orde';
}

/**
 * Seals the rows written before the keyed chain existed (version 010): each gets its place (seq)
 * and a MAC, in id order, and a row at the end records how many rows were sealed and whether the
 * old unkeyed chain held. Refused once a checkpoint exists: then rows without a MAC can only mean
 * that someone removed it, and `audit-verify` reports them.
 */
async function sealLegacyRows(tx: Queryable): Promise<number> {
  const { secret, checkpointFile } = current();
  if (checkpointFile && (await readCheckpoints(checkpointFile)).length > 0) return 0;
  const rows = await tx.query<DbRow & { at_js: Date | string }>(
    `${SELECT_ROW.replace('FROM audit_log', ', at AS at_js FROM audit_log')} ORDER BY audit_log.id`,
  );
  if (rows.length === 0) return 0;
  const legacy = legacyCheck(rows, (r) => (r.at_js instanceof Date ? r.at_js.toISOString() : String(r.at_js)));
  let prev: string | null = null;
  for (let i = 0; i < rows.length; i += 5000) {
    const page = rows.slice(i, i + 5000);
    const ids: string[] = [];
    const seqs: string[] = [];
    const macs: string[] = [];
    const contents: (string | null)[] = [];
    page.forEach((r, j) => {
      const seq = String(i + j + 1);
      const ch = r.detail !== null ? contentMac(r.detail, secret) : r.content_hash;
      const mac = rowMac(prev, { ...chainRow(r, seq), contentHash: ch }, secret);
      ids.push(String(r.id));
      seqs.push(seq);
      macs.push(mac);
      contents.push(ch);
      prev = mac;
    });
    await tx.query(
      `UPDATE audit_log a SET seq = x.s::bigint, mac = x.m, content_hash = x.ch
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(i, s, m, ch) WHERE a.id = x.i::bigint`,
      [ids, seqs, macs, contents],
    );
  }
  await appendChained(tx, [
    {
      userId: null,
      clientId: null,
      action: 'update',
      resource: 'auditlog',
      detail: `verzegeld met AUDIT_SECRET: ${rows.length} rijen van vóór de sleutel; de oude hash-keten was ${legacy}`,
    },
  ]);
  return rows.length;
}

/**
 * Seals rows from before the keyed chain, if there are any and the chain has not started yet.
 * Run after migrating (the CLI and the server do); writing the first audit row does it too.
 */
export async function sealAuditLog(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    if (await chainHead(tx)) return 0;
    return sealLegacyRows(tx);
  });
}

// ---------------------------------------------------------------------------------------------
// Checkpoints: the chain's head (count and MAC), appended at intervals to a file outside the
// database. Rows can then not be cut off the end, nor the chain rebuilt, without it showing.

export interface Checkpoint {
  at: string;
  /** Number of chained rows (the seq of the head). */
  count: number;
  /** The MAC of row `count`. */
  head: string;
  /** HMAC of the three fields above, so a changed checkpoint line is found too. */
  sig: string;
}

const checkpointSig = (c: Omit<Checkpoint, 'sig'>, secret: string): string =>
  hmac(secret, `ks-audit-checkpoint-v1|${c.at}|${c.count}|${c.head}`);

export async function readCheckpoints(file: string): Promise<Checkpoint[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      try {
        const c = JSON.parse(line) as Checkpoint;
        return { at: String(c.at), count: Number(c.count), head: String(c.head), sig: String(c.sig) };
      } catch {
        return { at: '', count: -1, head: '', sig: '' };
      }
    });
}

/**
 * Appends the chain's current head to the checkpoint file when it moved since the last line.
 * Returns the checkpoint written, or null (nothing new, or no file configured).
 */
export async function writeCheckpoint(db: Queryable, file = current().checkpointFile): Promise<Checkpoint | null> {
  if (!file) return null;
  const head = await chainHead(db);
  if (!head) return null;
  const existing = await readCheckpoints(file);
  const last = existing.at(-1);
  if (last && last.count === head.seq && last.head === head.mac) return null;
  const base = { at: new Date().toISOString(), count: head.seq, head: head.mac };
  const cp: Checkpoint = { ...base, sig: checkpointSig(base, current().secret) };
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(cp)}\n`, { encoding: 'utf8', mode: 0o600 });
  return cp;
}

/** Writes a checkpoint every `seconds` while the server runs (and once more on stop). */
export function startCheckpoints(
  db: Queryable,
  seconds: number,
  log: (line: string) => void = () => undefined,
): { stop(): Promise<void> } {
  const tick = () =>
    writeCheckpoint(db).catch((err: unknown) =>
      log(`Auditlog-ankerpunt niet geschreven: ${err instanceof Error ? err.message : String(err)}`),
    );
  const timer = seconds > 0 ? setInterval(() => void tick(), seconds * 1000) : null;
  timer?.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await tick();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Verification

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** Always 0 since version 010: rows from before the key are sealed; a row without MAC is broken. */
  unchained: number;
  /** The chain's head: number of rows and the last MAC (write it down elsewhere too). */
  head: { count: number; mac: string } | null;
  /** Checkpoints found outside the database and compared. */
  checkpoints: number;
  /** The first row (or checkpoint) that does not hold. */
  firstBroken: { id: number; reason: string } | null;
}

export interface VerifyOptions {
  pageSize?: number;
  /** The checkpoint file to compare with; default the configured one (none in tests). */
  checkpointFile?: string | null;
}

/**
 * Walks the whole audit log in id order and recomputes the keyed chain: every row must have the
 * next place (seq), its MAC must follow from the row before and all its columns, a detail text
 * must match its keyed hash, and a detail may only be missing where retention erased it (a later
 * retention row for the same person). Then every checkpoint outside the database must match the
 * row at its place: rows cut off the end, or a chain rebuilt, are found there.
 */
export async function verifyAuditChain(
  db: Queryable,
  options: number | VerifyOptions = {},
): Promise<AuditVerification> {
  const opts = typeof options === 'number' ? { pageSize: options } : options;
  const pageSize = opts.pageSize ?? 5000;
  const checkpointFile = opts.checkpointFile === undefined ? current().checkpointFile : opts.checkpointFile;
  const { secret } = current();
  const retention = new Map(
    (
      await db.query<{ client_id: unknown; id: string }>(
        `SELECT client_id, max(id)::text AS id FROM audit_log
      WHERE action = 'delete' AND resource = 'bewaartermijn' AND user_id IS NULL AND client_id IS NOT NULL GROUP BY client_id`,
      )
    ).map((r) => [String(r.client_id), Number(r.id)]),
  );
  const macAt = new Map<number, string>();
  const checkpoints = checkpointFile ? await readCheckpoints(checkpointFile) : [];
  const wanted = new Set(checkpoints.map((c) => c.count));
  let lastId = '0';
  let prev: string | null = null;
  let seq = 0;
  let checked = 0;
  const result = (firstBroken: AuditVerification['firstBroken']): AuditVerification => ({
    ok: firstBroken === null,
    checked,
    unchained: 0,
    head: seq > 0 ? { count: seq, mac: prev! } : null,
    checkpoints: checkpoints.length,
    firstBroken,
  });
  for (;;) {
    const rows = await db.query<DbRow>(`${SELECT_ROW} WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT $2`, [
      lastId,
      pageSize,
    ]);
    if (rows.length === 0) break;
    for (const r of rows) {
      lastId = String(r.id);
      checked++;
      const broken = (reason: string) => result({ id: Number(r.id), reason });
      if (r.mac === null || r.seq === null)
        return broken('zegel (MAC) ontbreekt: rij buiten de keten gezet of buiten de applicatie toegevoegd');
      if (Number(r.seq) !== seq + 1)
        return broken(
          `verwijst niet naar de rij ervoor (rij verwijderd of ingevoegd: plaats ${String(r.seq)}, verwacht ${seq + 1})`,
        );
      if (r.detail !== null && !sameHex(contentMac(r.detail, secret), r.content_hash))
        return broken('de inhoud (detail) is gewijzigd');
      if (r.detail === null && r.content_hash !== null) {
        const erasedBy = r.client_id === null ? undefined : retention.get(String(r.client_id));
        if (erasedBy === undefined || erasedBy <= Number(r.id))
          return broken('de inhoud (detail) is gewist zonder verwijdering door de bewaartermijn');
      }
      const expected = rowMac(prev, chainRow(r, String(r.seq)), secret);
      if (!sameHex(expected, r.mac)) return broken('de rij is gewijzigd (zegel klopt niet met sleutel en inhoud)');
      seq++;
      prev = r.mac;
      if (wanted.has(seq)) macAt.set(seq, r.mac);
    }
  }
  for (const c of checkpoints) {
    const at = c.at || '?';
    if (c.count < 1 || !sameHex(checkpointSig({ at: c.at, count: c.count, head: c.head }, secret), c.sig)) {
      return result({ id: 0, reason: `ankerpunt van ${at} in ${checkpointFile} is onleesbaar of gewijzigd` });
    }
    if (c.count > seq) {
      return result({
        id: 0,
        reason: `het auditlog is ingekort: het ankerpunt van ${at} telde ${c.count} rijen, de database heeft er nog ${seq}`,
      });
    }
    if (macAt.get(c.count) !== c.head) {
      return result({
        id: 0,
        reason: `rij ${c.count} van de keten wijkt af van het ankerpunt van ${at} (keten opnieuw berekend of herschreven)`,
      });
    }
  }
  return result(null);
}
