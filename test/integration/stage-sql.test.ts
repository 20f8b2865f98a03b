import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb } from '../helpers/db.js';
import { seedSmall } from '../helpers/app.js';
import type { Db } from '../../src/store/db.js';
import { loadMirrorRows } from '../../src/store/mirror-source.js';
import { fullEvents, STAGE_CASES } from '../helpers/stage-cases.js';

// The stage SQL must give the hand-made answers that the in-memory reading gives
// (test/unit/stage-facts.test.ts): both are derived from STAGE_RULES.
let db: Db & { drop(): Promise<void> };
const FIRST_ID = 100;

before(async () => {
  db = await freshDb();
  await seedSmall(db);
  await db.query(`INSERT INTO instrument (id, municipality_id, code, name, srg_code) VALUES
    (2, 1, 'SRG23', 'Type 23', 23), (3, 1, 'SRG59', 'Type 59', 59)`);
  const instrumentOf: Record<number, number> = { 30: 1, 23: 2, 59: 3 };
  for (const [i, c] of STAGE_CASES.entries()) {
    const id = FIRST_ID + i;
    const e = fullEvents(c.events);
    await db.query(
      `INSERT INTO client (id, municipality_id, bsn, given_name, family_name, birth_date, gender, team_id, consultant_id)
       VALUES ($1, 1, $2, 'Test', $3, '1980-01-01', 'vrouw', 1, 1)`,
      [id, String(id).padStart(9, '0'), `Geval ${i}`],
    );
    for (const b of e.benefit_period)
      await db.query(
        `INSERT INTO benefit_period (client_id, start_date, end_date, end_reason)
         VALUES ($1, $2, $3::date, CASE WHEN $3::date IS NULL THEN NULL ELSE 'overig' END)`,
        [id, b.start_date, b.end_date],
      );
    // diagnosis ids in the order of the case, so "the later record" is the higher id
    for (const d of [...e.diagnosis].sort((a, b) => a.id - b.id))
      await db.query(`INSERT INTO diagnosis (client_id, given_on, distance, reasons) VALUES ($1, $2, $3, '')`, [
        id,
        d.given_on,
        d.distance,
      ]);
    for (const p of e.bestand_period)
      await db.query('INSERT INTO bestand_period (client_id, bestand, start_date, end_date) VALUES ($1, $2, $3, $4)', [
        id,
        p.bestand,
        p.start_date,
        p.end_date,
      ]);
    for (const p of e.action_plan)
      await db.query('INSERT INTO action_plan (client_id, created_on, status) VALUES ($1, $2, $3)', [
        id,
        p.created_on,
        p.status,
      ]);
    for (const a of e.instrument_allocation)
      await db.query(
        `INSERT INTO instrument_allocation (client_id, instrument_id, requested_on, started_on, reason)
         VALUES ($1, $2, '2024-01-01', $3, 'test')`,
        [id, instrumentOf[a.srg_code], a.started_on],
      );
    for (const v of e.conversation)
      await db.query(`INSERT INTO conversation (client_id, held_on, kind) VALUES ($1, $2, 'gesprek')`, [id, v.held_on]);
    for (const w of e.work_period)
      await db.query(
        `INSERT INTO work_period (client_id, employer, start_date, end_date, hours_per_week) VALUES ($1, 'Werkgever', $2, $3, 20)`,
        [id, w.start_date, w.end_date],
      );
  }
});
after(async () => db.drop());

for (const [i, c] of STAGE_CASES.entries()) {
  test(`in SQL: ${c.name}`, async () => {
    const rows = await loadMirrorRows(db, { municipalityId: 1, from: c.period.from, to: c.period.to }, 's', c.today);
    const row = rows.find((r) => r.clientId === FIRST_ID + i);
    if (c.expected === null) return assert.equal(row, undefined);
    assert.ok(row, 'in the population');
    const reached = Object.keys(row.person.stages).filter((k) => row.person.stages[k]);
    assert.deepEqual(reached.sort(), [...c.expected].sort());
  });
}
