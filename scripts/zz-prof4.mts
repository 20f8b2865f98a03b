import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
const dump = new Blob([readFileSync('/tmp/kansenspiegel-test-db/f1c2f3cba1cc4148.tar')]);
const mod = await WebAssembly.compile(readFileSync('node_modules/@electric-sql/pglite/dist/pglite.wasm'));
const fsb = new Blob([readFileSync('node_modules/@electric-sql/pglite/dist/pglite.data')]);
const T = async (label: string, fn: () => Promise<PGlite>) => {
  const c0 = process.cpuUsage(); const t = performance.now(); const db = await fn();
  await db.query('select 1'); await db.close();
  const c = process.cpuUsage(c0);
  console.log(label, 'wall', Math.round(performance.now() - t), 'cpu', Math.round((c.user + c.system) / 1000));
};
for (let i = 0; i < 3; i++) {
  await T('plain', () => PGlite.create({ loadDataDir: dump }));
  await T('module', () => PGlite.create({ loadDataDir: dump, pgliteWasmModule: mod }));
  await T('module+fs', () => PGlite.create({ loadDataDir: dump, pgliteWasmModule: mod, fsBundle: fsb }));
}
