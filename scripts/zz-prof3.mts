import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
const T = async (label: string, fn: () => Promise<unknown>) => { const t = performance.now(); const r = await fn(); console.log(label, Math.round(performance.now() - t)); return r; };
const base = await openPglite();
await T('migrate', () => migrate(base));
const dump = (await (base as any).dumpDataDir()) as Blob;
console.log('dump MB', dump.size / 1e6);
for (let i = 0; i < 3; i++) {
  const p = (await T('plain create', () => PGlite.create())) as PGlite; await p.close();
  const q = (await T('load dump', () => PGlite.create({ loadDataDir: dump }))) as PGlite; await q.close();
}
const live = await PGlite.create({ loadDataDir: dump });
for (let i = 0; i < 3; i++) {
  const c = (await T('clone', () => live.clone())) as PGlite;
  await T('q', () => c.query('select count(*) from pg_class')); await c.close();
}
