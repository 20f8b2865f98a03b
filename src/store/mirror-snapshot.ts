import type { Db } from './db.js';
import type { GroundDef } from '../mirror/grounds.js';
import { fromColumns, type GroundColumn, type PersonTable } from '../mirror/person-table.js';

const MASKS = '__stages';

/**
 * Stores a period's person table as columns (one bytea per ground, one for the stage
 * bitmasks), replacing an earlier snapshot of the same period. Reading it back is a handful of
 * rows, so the mirror of a large municipality starts in milliseconds instead of re-deriving every
 * stage from the case file.
 */
export async function saveSnapshot(
  db: Db,
  municipalityId: number,
  from: string,
  to: string,
  table: PersonTable,
): Promise<number> {
  const masks = new Uint32Array(table.size);
  for (let i = 0; i < table.size; i++) masks[i] = table.distinctMasks[table.maskIds[i]];
  return db.transaction(async (tx) => {
    await tx.query(
      'DELETE FROM monitoring.mirror_snapshot WHERE municipality_id = $1 AND period_from = $2 AND period_to = $3',
      [municipalityId, from, to],
    );
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO monitoring.mirror_snapshot (municipality_id, period_from, period_to, size, stages, grounds)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        municipalityId,
        from,
        to,
        table.size,
        table.stages,
        JSON.stringify([...table.grounds.values()].map((c) => c.def)),
      ],
    );
    const columns: [string, Uint8Array][] = [
      [MASKS, new Uint8Array(masks.buffer)],
      ...[...table.grounds].map(([k, c]) => [k, c.codes] as [string, Uint8Array]),
    ];
    for (const [name, data] of columns) {
      await tx.query('INSERT INTO monitoring.mirror_snapshot_column (snapshot_id, name, data) VALUES ($1, $2, $3)', [
        row.id,
        name,
        data,
      ]);
    }
    return row.id;
  });
}

/** The stored person table of a period, or null when there is none. */
export async function loadSnapshot(
  db: Db,
  municipalityId: number,
  from: string,
  to: string,
): Promise<{ table: PersonTable; builtAt: string } | null> {
  const [meta] = await db.query<{
    id: number;
    size: number;
    stages: string[];
    grounds: GroundDef[] | string;
    built_at: string;
  }>(
    'SELECT id, size, stages, grounds, built_at FROM monitoring.mirror_snapshot WHERE municipality_id = $1 AND period_from = $2 AND period_to = $3',
    [municipalityId, from, to],
  );
  if (!meta) return null;
  const defs: GroundDef[] = typeof meta.grounds === 'string' ? JSON.parse(meta.grounds) : meta.grounds;
  // base64 text decodes natively in Node; the drivers' bytea (hex) parsing is many times slower
  const cols = await db.query<{ name: string; data: string }>(
    `SELECT name, encode(data, 'base64') AS data FROM monitoring.mirror_snapshot_column WHERE snapshot_id = $1`,
    [meta.id],
  );
  const byName = new Map(cols.map((c) => [c.name, Buffer.from(c.data, 'base64')]));
  const rawMasks = byName.get(MASKS);
  if (!rawMasks) throw new Error(`snapshot ${meta.id} has no stage column`);
  const masks = new Uint32Array(rawMasks.byteLength / 4);
  new Uint8Array(masks.buffer).set(rawMasks);
  const grounds = new Map<string, GroundColumn>();
  for (const def of defs) {
    const data = byName.get(def.key);
    if (!data || data.byteLength !== meta.size)
      throw new Error(`snapshot ${meta.id}: column ${def.key} missing or of the wrong length`);
    grounds.set(def.key, { def, codes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
  }
  return { table: fromColumns(meta.size, meta.stages, grounds, masks), builtAt: meta.built_at };
}
