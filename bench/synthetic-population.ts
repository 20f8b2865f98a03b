import { GROUNDS, type GroundDef } from '../src/mirror/grounds.js';
import { CORE_STAGES } from '../src/mirror/stages.js';
import { fromColumns, type GroundColumn, type PersonTable } from '../src/mirror/person-table.js';

/** A small seeded generator (mulberry32) so every run benches the same rows. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A national-size population in columns: every ground of the mirror with ~3% unknown, and the
 * core stages with rates that depend on age and gender (so the counts are not uniform).
 */
export function syntheticPopulation(
  size: number,
  seed = 2018,
): { table: PersonTable; grounds: GroundDef[]; stages: string[] } {
  const rand = mulberry32(seed);
  const grounds = [...GROUNDS];
  const stages = CORE_STAGES.map((s) => s.key);
  const cols = new Map<string, GroundColumn>();
  for (const def of grounds) {
    const codes = new Uint8Array(size);
    const k = def.groups.length;
    for (let i = 0; i < size; i++) codes[i] = rand() < 0.03 ? 0 : 1 + (Math.floor(rand() * rand() * k * 1.3) % k);
    cols.set(def.key, { def, codes });
  }
  const age = cols.get('leeftijd')!.codes;
  const gender = cols.get('geslacht')!.codes;
  const base = [0.3, 0.2, 0.45, 0.45, 0.3, 0.15, 0.2, 0.14, 0.12];
  const masks = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    let m = 0;
    const boost = (age[i] === 1 ? 1.4 : age[i] === 3 ? 0.6 : 1) * (gender[i] === 1 ? 0.85 : 1);
    for (let s = 0; s < stages.length; s++) if (rand() < Math.min(0.95, base[s] * boost)) m |= 1 << s;
    masks[i] = m;
  }
  return { table: fromColumns(size, stages, cols, masks), grounds, stages };
}
