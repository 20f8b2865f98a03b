// Child process of bench/mirror.ts: a cold start of the mirror on a stored snapshot.
import { openPglite, openPostgres } from '../src/store/db.js';
import { loadSnapshot } from '../src/store/mirror-snapshot.js';
import { computeMirror, pairsOf } from '../src/mirror/funnel.js';

const [target, from, to] = process.argv.slice(2);
const t0 = performance.now();
const db = target.startsWith('postgres') ? await openPostgres(target) : await openPglite(target);
const t1 = performance.now();
const snap = await loadSnapshot(db, 1, from, to);
if (!snap) throw new Error('no snapshot');
const t2 = performance.now();
const keys = [...snap.table.grounds.keys()];
const result = computeMirror(snap.table, [...keys.map((k) => [k]), ...pairsOf(keys)]);
const t3 = performance.now();
await db.close();
console.log(
  JSON.stringify({
    open: t1 - t0,
    read: t2 - t1,
    compute: t3 - t2,
    cells: result.cells.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
