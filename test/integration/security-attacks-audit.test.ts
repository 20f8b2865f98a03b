// Attacks on the audit log by someone who can change the database but holds neither
// AUDIT_SECRET nor the checkpoint file: each must be found by `audit-verify`.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { configureAudit, sealAuditLog, verifyAuditChain, writeAudit, writeCheckpoint } from '../../src/store/audit.js';
import { loadConfig } from '../../src/config.js';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function checkpointFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ks-audit-'));
  dirs.push(dir);
  return join(dir, 'audit-checkpoints.jsonl');
}

/** A log of some size: reads by consultants, an inzage on request by the administrator, retention-free. */
async function busyLog(app: TestApp, rows = 120): Promise<number[]> {
  const anna = await app.loginAs('anna');
  for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/api/v1/clients/1/file', headers: anna });
  const beheer = await app.loginAs('beheer');
  for (const ref of ['AVG-2026-0017', 'AVG-2026-0018']) {
    assert.equal(
      (await app.inject({ method: 'GET', url: `/api/v1/clients/1/inzage?verzoek=${ref}`, headers: beheer })).statusCode,
      200,
    );
  }
  const more = Array.from({ length: rows }, (_, i) => ({
    userId: 1,
    clientId: 1 + (i % 3),
    action: 'read' as const,
    resource: 'client',
    detail: `velden ${i}`,
  }));
  for (let i = 0; i < more.length; i += 40) await writeAudit(app.db, more.slice(i, i + 40));
  return (await app.db.query<{ id: string }>('SELECT id::text AS id FROM audit_log ORDER BY audit_log.id')).map((r) =>
    Number(r.id),
  );
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

test('audit truncation: deleting the last 50 rows is found against the checkpoint outside the database', async (t) => {
  const app = await buildTestApp(t);
  const file = await checkpointFile();
  const ids = await busyLog(app);
  const cp = await writeCheckpoint(app.db, file);
  assert.ok(cp && cp.count === ids.length, 'the checkpoint holds the number of rows and the head');
  assert.equal((await verifyAuditChain(app.db, { checkpointFile: file })).ok, true);

  await app.db.query('DELETE FROM audit_log WHERE id >= $1', [ids[ids.length - 50]]);
  const r = await verifyAuditChain(app.db, { checkpointFile: file });
  assert.equal(r.ok, false, 'the shortened log is not "in orde"');
  assert.match(r.firstBroken!.reason, /ingekort/);
  assert.match(r.firstBroken!.reason, new RegExp(`${ids.length} rijen`));

  // New rows after the cut do not hide it: the place of the old head now holds another row.
  await writeAudit(
    app.db,
    Array.from({ length: 60 }, () => ({ userId: 2, clientId: 2, action: 'read' as const, resource: 'client' })),
  );
  const later = await verifyAuditChain(app.db, { checkpointFile: file });
  assert.equal(later.ok, false);
  assert.match(later.firstBroken!.reason, /wijkt af van het ankerpunt/);

  // A changed checkpoint line (to match the shortened log) is refused too: it carries a MAC.
  const lines = (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { count: number });
  lines[0].count = ids.length - 50;
  await writeFile(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  assert.match((await verifyAuditChain(app.db, { checkpointFile: file })).firstBroken!.reason, /gewijzigd/);
});

test('audit recompute: a falsified row with every later hash recomputed (without the key) is found at that row', async (t) => {
  const app = await buildTestApp(t);
  const ids = await busyLog(app);
  const target = ids[10];
  await app.db.query(`UPDATE audit_log SET user_id = 2, detail = 'velden niets', content_hash = $2 WHERE id = $1`, [
    target,
    sha256('velden niets'),
  ]);
  // The attacker recomputes the chain from the falsified row onward, as the old unkeyed chain
  // allowed, once with sha256 and once with a guessed key.
  for (const guess of [null, 'demodam-only-not-for-production']) {
    const rows = await app.db.query<{
      id: string;
      seq: string;
      at: string;
      user_id: number;
      client_id: number;
      action: string;
      resource: string;
      content_hash: string | null;
      mac: string;
    }>(
      `SELECT id::text AS id, seq::text AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, user_id, client_id, action, resource, content_hash, mac
         FROM audit_log ORDER BY audit_log.id`,
    );
    let prev = rows[rows.findIndex((r) => Number(r.id) === target) - 1].mac;
    for (const r of rows.filter((x) => Number(x.id) >= target)) {
      const text = JSON.stringify([
        'ks-audit-v1',
        prev,
        r.seq,
        r.id,
        r.at,
        String(r.user_id),
        r.client_id === null ? null : String(r.client_id),
        r.action,
        r.resource,
        r.content_hash,
        null,
        null,
      ]);
      const mac = guess ? createHmac('sha256', guess).update(text).digest('hex') : sha256(text);
      await app.db.query('UPDATE audit_log SET mac = $2 WHERE id = $1', [r.id, mac]);
      prev = mac;
    }
    const v = await verifyAuditChain(app.db);
    assert.equal(v.ok, false, `recomputed with ${guess ? 'a guessed key' : 'sha256'}`);
    assert.equal(v.firstBroken!.id, target);
  }
});

test('audit pre-chain: rows put "outside the chain" (MAC and place removed) and one falsified are found; the app does not re-seal them', async (t) => {
  const app = await buildTestApp(t);
  const file = await checkpointFile();
  configureAudit({ secret: loadConfig({}).auditSecret, checkpointFile: file });
  t.after(() => configureAudit({ secret: loadConfig({}).auditSecret, checkpointFile: null }));
  const ids = await busyLog(app);
  await writeCheckpoint(app.db);
  const [{ head }] = await app.db.query<{ head: string }>(
    'SELECT mac AS head FROM audit_log ORDER BY audit_log.id DESC LIMIT 1',
  );

  // Rows 1..n-10 "from before the chain", one of them falsified; the head stays the same.
  await app.db.query('UPDATE audit_log SET seq = NULL, mac = NULL, prev_hash = NULL, row_hash = NULL WHERE id <= $1', [
    ids[ids.length - 11],
  ]);
  await app.db.query(`UPDATE audit_log SET user_id = 4 WHERE id = $1`, [ids[5]]);
  const [{ same }] = await app.db.query<{ same: string }>(
    'SELECT mac AS same FROM audit_log ORDER BY audit_log.id DESC LIMIT 1',
  );
  assert.equal(same, head, 'the final hash is unchanged');
  const r = await verifyAuditChain(app.db);
  assert.equal(r.ok, false);
  assert.equal(r.firstBroken!.id, ids[0]);
  assert.match(r.firstBroken!.reason, /zegel \(MAC\) ontbreekt/);

  // No row moves from chained to unchained and back: starting the app again seals nothing.
  assert.equal(await sealAuditLog(app.db), 0);
  assert.equal((await verifyAuditChain(app.db)).ok, false);

  // All rows unchained (no keyed row left): with a checkpoint on file the app refuses to re-seal.
  await app.db.query('UPDATE audit_log SET seq = NULL, mac = NULL');
  assert.equal(await sealAuditLog(app.db), 0);
  const all = await verifyAuditChain(app.db);
  assert.equal(all.ok, false);
  assert.match(all.firstBroken!.reason, /zegel/);
});

test("audit blanking: erasing the detail of rows (including the administrator's request references) is found", async (t) => {
  const app = await buildTestApp(t);
  const ids = await busyLog(app, 80);
  const refs = await app.db.query<{ id: string }>(
    `SELECT id::text AS id FROM audit_log WHERE detail LIKE 'verzoek %' ORDER BY audit_log.id`,
  );
  assert.equal(refs.length, 2);
  for (const blank of ['NULL', `''`]) {
    await app.db.query(`UPDATE audit_log SET detail = ${blank} WHERE id = ANY($1::bigint[]) OR id BETWEEN $2 AND $3`, [
      refs.map((r) => r.id),
      ids[20],
      ids[ids.length - 1],
    ]);
    const r = await verifyAuditChain(app.db);
    assert.equal(r.ok, false, `detail set to ${blank}`);
    assert.equal(r.firstBroken!.id, Number(refs[0].id), 'the first blanked row is named');
    assert.match(r.firstBroken!.reason, /inhoud/);
  }
});

test('retention may still erase details: with its retention row (written with the key) the chain holds', async (t) => {
  const app = await buildTestApp(t);
  await busyLog(app, 10);
  const { runRetention } = await import('../../src/store/avg.js');
  await app.db.query(
    `INSERT INTO benefit_period (client_id, start_date, end_date, end_reason) VALUES (3, '2010-01-01', '2012-01-01', 'werk')`,
  );
  const result = await runRetention(app.db, {
    years: 7,
    today: '2026-06-01',
    dryRun: false,
    pseudonymSecret: loadConfig({}).pseudonymSecret,
  });
  assert.deepEqual(result.clientIds, [3]);
  assert.ok(result.auditRowsErased > 0);
  assert.equal((await verifyAuditChain(app.db)).ok, true);
  // ...but only for that person: blanking another person's row is still found.
  await app.db.query(`UPDATE audit_log SET detail = NULL WHERE client_id = 1 AND detail IS NOT NULL`);
  assert.equal((await verifyAuditChain(app.db)).ok, false);
});

test('rows from before the key (the unkeyed chain of version 006) are sealed once, with a note whether the old chain held', async (t) => {
  const app = await buildTestApp(t);
  // Three rows as the previous version wrote them: sha256 chain, no place, no MAC.
  let prev: string | null = null;
  for (let i = 1; i <= 3; i++) {
    const at = `2025-01-0${i}T10:00:00.000Z`;
    const detail = `oud ${i}`;
    const ch = sha256(detail);
    const rh = sha256(JSON.stringify([prev ?? '', at, 1, 1, 'read', 'client', ch]));
    await app.db.query(
      `INSERT INTO audit_log (at, user_id, client_id, action, resource, detail, content_hash, prev_hash, row_hash) VALUES ($1, 1, 1, 'read', 'client', $2, $3, $4, $5)`,
      [at, detail, ch, prev, rh],
    );
    prev = rh;
  }
  assert.equal((await verifyAuditChain(app.db)).ok, false, 'unsealed rows are not "in orde"');
  assert.equal(await sealAuditLog(app.db), 3);
  assert.equal(await sealAuditLog(app.db), 0, 'only once');
  const v = await verifyAuditChain(app.db);
  assert.equal(v.ok, true);
  assert.equal(v.head!.count, 4);
  const [note] = await app.db.query<{ detail: string }>(`SELECT detail FROM audit_log WHERE resource = 'auditlog'`);
  assert.match(note.detail, /3 rijen .* oude hash-keten was in orde/);
  // The sealed rows are covered now: changing one is found.
  await app.db.query(`UPDATE audit_log SET action = 'update' WHERE detail = 'oud 2'`);
  assert.equal((await verifyAuditChain(app.db)).ok, false);
});
