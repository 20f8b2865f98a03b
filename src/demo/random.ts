/**
 * A small seeded pseudo-random number generator (sfc32, seeded by a 128-bit string hash) with
 * the helpers the demo generator needs. Same seed text, same sequence, on every platform.
 * Not for anything security-related.
 */

/** A stream of pseudo-random numbers with drawing helpers. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element, all equally likely. */
  pick<T>(items: readonly T[]): T;
  /** One value of [value, weight] pairs, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Normally distributed (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** True with probability p. */
  bernoulli(p: number): boolean;
  /** An ISO date (YYYY-MM-DD) between two ISO dates, both inclusive. */
  dateBetween(from: string, to: string): string;
}

/** cyrb128: hashes a string into four 32-bit words (the seed of sfc32). */
export function hashString(text: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Small Fast Counting, 32-bit): returns a function giving uniform numbers in [0, 1). */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;

/** A generator seeded by the text; parts are joined with ':' (e.g. createRandom('demodam', 'client', 17)). */
export function createRandom(...seedParts: readonly (string | number)[]): Random {
  const [a, b, c, d] = hashString(seedParts.join(':'));
  const next = sfc32(a, b, c, d);
  for (let i = 0; i < 12; i++) next(); // warm up: spreads similar seeds apart
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    uniform: (min, max) => min + next() * (max - min),
    int,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weighted: (items) => {
      let total = 0;
      for (const [, w] of items) total += w;
      if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
      let r = next() * total;
      for (const [value, w] of items) {
        r -= w;
        if (r < 0) return value;
      }
      return items[items.length - 1][0];
    },
    normal: (mean = 0, sd = 1) => {
      const u = 1 - next(); // (0, 1]
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    bernoulli: (p) => next() < p,
    dateBetween: (from, to) => {
      const a0 = Date.parse(`${from}T00:00:00Z`) / DAY_MS;
      const b0 = Date.parse(`${to}T00:00:00Z`) / DAY_MS;
      if (!(b0 >= a0)) throw new RangeError(`empty date range ${from} .. ${to}`);
      return new Date(int(a0, b0) * DAY_MS).toISOString().slice(0, 10);
    },
  };
}
