import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** A small seeded generator (mulberry32) so every run writes the same file. */
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

export const EXTRACT_BENCH_STAGES = [
  'diagnose_kort',
  'plan',
  'voorziening',
  'contact_4',
  'werkzaam_1m',
  'werkzaam_6m',
  'uitstroom',
];

/**
 * Writes a municipal extract of `size` people (`;`, one row per person): the five grounds of the
 * extract format with ~3% unknown, and the seven stages with rates that depend on age and gender.
 */
export async function writeSyntheticExtract(path: string, size: number, seed = 2018): Promise<void> {
  const rand = mulberry32(seed);
  const pick = (xs: readonly string[]) => (rand() < 0.03 ? '' : xs[Math.floor(rand() * xs.length)]);
  const out = createWriteStream(path);
  const header = ['persoon', 'geslacht', 'leeftijd', 'migratieachtergrond', 'huishouden', 'doelgroepregister'];
  let chunk = `${[...header, ...EXTRACT_BENCH_STAGES].join(';')}\n`;
  const base = [0.6, 0.5, 0.45, 0.4, 0.25, 0.15, 0.2];
  for (let i = 1; i <= size; i++) {
    const gender = pick(['vrouw', 'man', 'vrouw', 'man', 'anders']);
    const age = rand() < 0.03 ? '' : String(18 + Math.floor(rand() * 49));
    const boost = (gender === 'vrouw' ? 0.85 : 1) * (age !== '' && Number(age) < 27 ? 1.3 : 1);
    const stages = base.map((b) => (rand() < Math.min(0.95, b * boost) ? '1' : '0'));
    chunk += `${[
      `p${i}`,
      gender,
      age,
      pick(['nederlands', 'westers', 'niet-westers', 'nederlands']),
      pick(['alleenstaand', 'eenouder', 'paar_met_kinderen', 'paar_zonder_kinderen', 'overig', 'alleenstaand']),
      pick(['ja', 'nee', 'nee', 'nee']),
      ...stages,
    ].join(';')}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  out.end();
  await once(out, 'finish');
}
