import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb } from '../helpers/db.js';
import { saveSnapshot, loadSnapshot } from '../../src/store/mirror-snapshot.js';
import { buildPersonTable, countGroups, type MirrorPerson } from '../../src/mirror/person-table.js';
import { GROUNDS } from '../../src/mirror/grounds.js';

test('a stored snapshot gives back exactly the same counts, and holds no identities', async (t) => {
  const db = await freshDb();
  t.after(() => db.drop());
  await db.query(`INSERT INTO municipality (id, code, name) VALUES (1, 'GM0001', 'Testdam')`);
  const persons: MirrorPerson[] = Array.from({ length: 1000 }, (_, i) => ({
    grounds: {
      geslacht: i % 3 === 0 ? 'vrouw' : i % 3 === 1 ? 'man' : null,
      leeftijd: ['t/m 26', '27-44', '45+'][(i % 5) % 3],
      huishouden: i % 7 === 0 ? 'eenouder' : 'alleenstaand',
    },
    stages: { plan: i % 2 === 0, voorziening: i % 5 === 0, werkzaam_1m: i % 11 === 0 },
  }));
  const defs = GROUNDS.filter((g) => ['geslacht', 'leeftijd', 'huishouden'].includes(g.key));
  const table = buildPersonTable(persons, defs, ['plan', 'voorziening', 'werkzaam_1m']);
  await saveSnapshot(db, 1, '2025-01-01', '2025-12-31', table);
  // saving again replaces it
  await saveSnapshot(db, 1, '2025-01-01', '2025-12-31', table);
  assert.equal((await db.query<{ n: number }>('SELECT count(*) AS n FROM monitoring.mirror_snapshot'))[0].n, 1);
  const loaded = await loadSnapshot(db, 1, '2025-01-01', '2025-12-31');
  assert.ok(loaded);
  assert.equal(loaded.table.size, 1000);
  for (const g of [['geslacht'], ['leeftijd', 'huishouden'], ['geslacht', 'leeftijd', 'huishouden']]) {
    assert.deepEqual(countGroups(loaded.table, g), countGroups(table, g));
  }
  assert.equal(await loadSnapshot(db, 1, '2024-01-01', '2024-12-31'), null);
  const columns = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'monitoring' AND table_name LIKE 'mirror_snapshot%'`,
  );
  assert.ok(!columns.some((c) => /client|pseudonym|bsn/.test(c.column_name)));
});
