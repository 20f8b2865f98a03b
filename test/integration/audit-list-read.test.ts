// A list read (a caseload) is one audit row per request that lists the persons shown; it stays
// in the keyed chain, a change to the list is found, and inzage still finds it for each person.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../helpers/app.js';
import { verifyAuditChain, writeAudit } from '../../src/store/audit.js';

test("a team leader's caseload is one audit row listing both clients of the team, and the chain holds", async (t) => {
  const app = await buildTestApp(t);
  const res = await app.inject({ method: 'GET', url: '/api/v1/caseload', headers: await app.loginAs('tl-a') });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().total, 2);
  const rows = await app.db.query<{ client_id: number | null; client_ids: number[]; user_id: number }>(
    `SELECT client_id, client_ids, user_id FROM audit_log WHERE resource = 'caseload'`,
  );
  assert.equal(rows.length, 1, 'one row for the request, not one per client');
  assert.equal(rows[0].client_id, null);
  assert.equal(rows[0].user_id, 3);
  assert.deepEqual([...rows[0].client_ids].sort(), [1, 3]);
  const verified = await verifyAuditChain(app.db);
  assert.equal(verified.ok, true, JSON.stringify(verified.firstBroken));
});

test('removing a person from the list of a sealed row is found by audit-verify', async (t) => {
  const app = await buildTestApp(t);
  await app.inject({ method: 'GET', url: '/api/v1/caseload', headers: await app.loginAs('tl-a') });
  await app.inject({ method: 'GET', url: '/api/v1/clients/1/file', headers: await app.loginAs('anna') });
  assert.equal((await verifyAuditChain(app.db)).ok, true);
  await app.db.query(`UPDATE audit_log SET client_ids = array_remove(client_ids, 3) WHERE resource = 'caseload'`);
  const broken = await verifyAuditChain(app.db);
  assert.equal(broken.ok, false);
  assert.match(broken.firstBroken!.reason, /zegel klopt niet/);
});

test('inzage for a person lists the list reads that showed them, and only those', async (t) => {
  const app = await buildTestApp(t);
  await app.inject({ method: 'GET', url: '/api/v1/caseload', headers: await app.loginAs('tl-a') });
  await app.inject({ method: 'GET', url: '/api/v1/caseload', headers: await app.loginAs('bram') });
  const beheer = await app.loginAs('beheer');
  const trail = async (id: number) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/clients/${id}/inzage?verzoek=AVG-2026-0100`,
      headers: beheer,
    });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().auditTrail as { user: string; resource: string }[]).map((r) => `${r.user}:${r.resource}`);
  };
  // Client 3 (team A) was shown to the team leader; client 2 (team B) to Bram only.
  assert.deepEqual((await trail(3)).slice(0, 1), ['Tessa Leider:caseload']);
  const two = await trail(2);
  assert.ok(two.includes('Bram Bakker:caseload'));
  assert.ok(!two.includes('Tessa Leider:caseload'));
});

test('the index on the person list is usable for the inzage query (EXPLAIN)', async (t) => {
  const app = await buildTestApp(t);
  const plan = await app.db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    return tx.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT a.id FROM audit_log a WHERE a.client_id = 3 OR a.client_ids @> ARRAY[3::int]`,
    );
  });
  const text = plan.map((r) => r['QUERY PLAN']).join('\n');
  assert.match(text, /audit_log_client_ids_idx/);
  assert.match(text, /audit_log_client_idx/);
});

test('fifty reads at once: their audit rows share transactions (group commit), all are there, the chain holds; a bad entry fails only its own caller', async (t) => {
  const app = await buildTestApp(t);
  const entry = (i: number) => ({ userId: 1, clientId: (i % 3) + 1, action: 'read' as const, resource: `burst-${i}` });
  const results = await Promise.allSettled([
    ...Array.from({ length: 50 }, (_, i) => writeAudit(app.db, [entry(i)])),
    writeAudit(app.db, [{ userId: 1, clientId: null, clientIds: [1, 2.5], action: 'read', resource: 'bad' }]),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    [...Array<string>(50).fill('fulfilled'), 'rejected'],
  );
  const rows = await app.db.query<{ resource: string; at: string }>(
    `SELECT resource, at::text AS at FROM audit_log WHERE resource LIKE 'burst-%' OR resource = 'bad'`,
  );
  assert.equal(rows.length, 50, 'every good row written, the bad one not');
  // rows of one transaction carry the same now(): fewer distinct moments than rows
  assert.ok(new Set(rows.map((r) => r.at)).size < 50, 'some rows were committed together');
  const verified = await verifyAuditChain(app.db);
  assert.equal(verified.ok, true, JSON.stringify(verified.firstBroken));
});
