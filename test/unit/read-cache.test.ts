// The read cache serves an answer only while the data it was read from is unchanged; the data
// version moves for every statement that can change data, never for audit rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changesData } from '../../src/store/data-version.js';
import { createReadCache } from '../../src/server/read-cache.js';

test('which statements count as a change of the data', () => {
  const changes = [
    'INSERT INTO conversation (client_id) VALUES ($1)',
    '  update client SET given_name = $1',
    'DELETE FROM user_session WHERE token_hash = $1',
    'WITH x AS (DELETE FROM plan_step WHERE id = $1 RETURNING plan_id) SELECT * FROM x',
    'WITH n AS (SELECT 1) INSERT INTO team (name) SELECT name FROM n',
    '-- a comment first\nINSERT INTO client DEFAULT VALUES',
    'TRUNCATE import_row',
    'ALTER TABLE client ADD COLUMN x int',
    'CREATE TEMP TABLE t (i int)',
    'COPY client FROM STDIN',
    'VACUUM ANALYZE client',
  ];
  for (const sql of changes) assert.equal(changesData(sql), true, sql);
  const reads = [
    'SELECT * FROM client WHERE id = $1',
    'WITH cl AS (SELECT id FROM client) SELECT count(*) FROM cl',
    'SELECT c.updated_at, c.deleted FROM client c',
    'EXPLAIN SELECT 1',
    'INSERT INTO audit_log (id, seq) VALUES ($1, $2)',
    'SELECT pg_advisory_xact_lock($1)',
  ];
  for (const sql of reads) assert.equal(changesData(sql), false, sql);
});

test('an answer is kept until the version moves; a read overtaken by a change is not kept', async () => {
  let version = 0;
  let reads = 0;
  const cache = createReadCache<number>({ max: 2, version: () => version });
  const read = async () => ++reads;
  assert.equal(await cache.remember('a', read), 1);
  assert.equal(await cache.remember('a', read), 1, 'kept');
  version++;
  assert.equal(await cache.remember('a', read), 2, 'read again after a change');
  // a change lands while the read is under way: the answer is given, not kept
  const slow = cache.remember('b', async () => {
    version++;
    return ++reads;
  });
  assert.equal(await slow, 3);
  assert.equal(await cache.remember('b', read), 4, 'not served from before the change');
  assert.equal(await cache.remember('b', read), 4);
  // bounded: the least recently used goes
  await cache.remember('c', read);
  await cache.remember('d', read);
  assert.equal(cache.size, 2);
  // keep: a null answer (an unknown session) is never kept
  const sessions = createReadCache<string | null>({ max: 5, version: () => version });
  let lookups = 0;
  const find = async () => {
    lookups++;
    return null;
  };
  await sessions.remember('x', find, (v) => v !== null);
  await sessions.remember('x', find, (v) => v !== null);
  assert.equal(lookups, 2);
});
