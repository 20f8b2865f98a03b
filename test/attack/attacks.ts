/**
 * Pure pieces of the disclosure-attack suite (test/attack/disclosure-attacks.test.ts): how an
 * attacker derives hidden counts from published figures, and how the suite scores the attempts
 * against the true counts. Nothing here reads the database or calls the server.
 */

/** One try at a value the mirror does not publish: the true count and what the attacker derived (null: nothing). */
export interface Attempt {
  truth: number;
  derived: number | null;
}

export interface FamilyScore {
  attempts: number;
  /** Attempts that produced a number. */
  derived: number;
  /** Derived values equal to the truth, of any size (a check of the derivation itself). */
  correct: number;
  /** Derived values that are exactly right and between 1 and 9. */
  exact: number;
  exactShare: number;
  /** Share a blind guess of the best single constant 1..9 gets right. */
  guessShare: number;
  limit: number;
  /** The same over only the attempts that produced a number (the attacker knows which those are). */
  exactShareDerived: number;
  guessShareDerived: number;
  limitDerived: number;
  pass: boolean;
}

/**
 * Over the attempts that produced a number, a family also fails when its exact share passes the
 * limit there, but only with at least this many exact values more than the guess gets on those
 * attempts: a handful of lucky hits from a noisy design is no disclosure.
 */
export const MIN_EXCESS = 10;

/** True when the derived value is exactly the true count and that count is a small one (1–9). */
export const isExactSmall = (a: Attempt): boolean =>
  a.derived !== null && a.derived === a.truth && a.truth >= 1 && a.truth <= 9;

/** The best a blind guess of one constant c ∈ 1..9, used for every attempt, gets right (as a share). */
export function guessShare(truths: readonly number[]): number {
  if (truths.length === 0) return 0;
  const perValue = new Array<number>(10).fill(0);
  for (const t of truths) if (Number.isInteger(t) && t >= 1 && t <= 9) perValue[t]++;
  return Math.max(...perValue.slice(1)) / truths.length;
}

/** What an attack may reach: the guess plus 2 points, and never more than 5% where the guess gets less. */
export function limitFor(guess: number): number {
  return guess < 0.05 ? Math.min(guess + 0.02, 0.05) : guess + 0.02;
}

export function scoreFamily(attempts: readonly Attempt[]): FamilyScore {
  const n = attempts.length;
  const derived = attempts.filter((a) => a.derived !== null).length;
  const exact = attempts.filter(isExactSmall).length;
  const correct = attempts.filter((a) => a.derived !== null && a.derived === a.truth).length;
  const guess = guessShare(attempts.map((a) => a.truth));
  const limit = limitFor(guess);
  const exactShare = n === 0 ? 0 : exact / n;
  const truthsDerived = attempts.filter((a) => a.derived !== null).map((a) => a.truth);
  const guessDerived = guessShare(truthsDerived);
  const limitDerived = limitFor(guessDerived);
  const exactShareDerived = derived === 0 ? 0 : exact / derived;
  const passAll = exactShare <= limit + 1e-12;
  const passDerived = exactShareDerived <= limitDerived + 1e-12 || exact - guessDerived * derived < MIN_EXCESS;
  return {
    attempts: n,
    derived,
    correct,
    exact,
    exactShare,
    guessShare: guess,
    limit,
    exactShareDerived,
    guessShareDerived: guessDerived,
    limitDerived,
    pass: passAll && passDerived,
  };
}

/** One attacked person: the true profile (values joined) and the profile the attacker read off (null: none). */
export interface ProfileAttempt {
  truth: string;
  predicted: string | null;
}

export interface ProfileScore {
  attacked: number;
  right: number;
  share: number;
  /** Right answers of guessing the most common true profile for everyone. */
  guessRight: number;
  guessShare: number;
  pass: boolean;
}

export function scoreProfiles(list: readonly ProfileAttempt[]): ProfileScore {
  const right = list.filter((p) => p.predicted !== null && p.predicted === p.truth).length;
  const freq = new Map<string, number>();
  for (const p of list) freq.set(p.truth, (freq.get(p.truth) ?? 0) + 1);
  const guessRight = Math.max(0, ...freq.values());
  const n = list.length;
  return {
    attacked: n,
    right,
    share: n ? right / n : 0,
    guessRight,
    guessShare: n ? guessRight / n : 0,
    pass: right <= guessRight + 1,
  };
}

export const Z95 = 1.959963984540054;

/**
 * The comparison group ("everyone else with a known value") behind a published ratio and its
 * Katz upper bound. The rate ratio is (x/n) / (x2/n2) and the Katz interval is
 * exp(ln ratio ± z·sqrt(1/x − 1/n + 1/x2 − 1/n2)), so with p2 = (x/n)/ratio and
 * s = (ln(upper/ratio)/z)² − (1/x − 1/n) = (1 − p2)/x2 the complement is x2 = (1 − p2)/s, n2 = x2/p2.
 */
export function solveComplement(x: number, n: number, ratio: number, upper: number): { n2: number; x2: number } | null {
  if (!(x > 0 && n > 0 && ratio > 0 && upper > ratio) || !Number.isFinite(upper)) return null;
  const p2 = x / n / ratio;
  const s = ((Math.log(upper) - Math.log(ratio)) / Z95) ** 2 - (1 / x - 1 / n);
  if (!(p2 > 0 && p2 < 1 && s > 0)) return null;
  const x2 = (1 - p2) / s;
  const n2 = x2 / p2;
  if (!Number.isFinite(n2) || !Number.isFinite(x2)) return null;
  return { n2, x2 };
}

/** A published count: a finite number, else null (hidden, missing, text). */
export const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** a − Σ parts, or null when any of them is hidden. */
export function subtract(whole: number | null, parts: readonly (number | null)[]): number | null {
  if (whole === null || parts.some((p) => p === null)) return null;
  return whole - parts.reduce<number>((s, p) => s + (p as number), 0);
}

/** total = Σ parts, over named values (e.g. a municipality's cell and its teams' cells). */
export interface Equation {
  total: string;
  parts: readonly string[];
}

/**
 * What subtraction gives: any equation with exactly one unknown value is solved, and that is
 * repeated with every value found, until nothing changes. Returns only the values found.
 */
export function solveChains(
  published: ReadonlyMap<string, number | null>,
  equations: readonly Equation[],
): Map<string, number> {
  const values = new Map<string, number>();
  for (const [k, v] of published) if (v !== null) values.set(k, v);
  const found = new Map<string, number>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of equations) {
      const missing = [eq.total, ...eq.parts].filter((v) => !values.has(v));
      if (missing.length !== 1) continue;
      const m = missing[0];
      const sumParts = eq.parts.filter((p) => p !== m).reduce((a, p) => a + values.get(p)!, 0);
      const v = m === eq.total ? sumParts : values.get(eq.total)! - sumParts;
      values.set(m, v);
      found.set(m, v);
      changed = true;
    }
  }
  return found;
}

/** Parses RFC 4180 CSV (quotes, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A Dutch-formatted whole number ("1.234") before a phrase in a text, e.g. "mensen in de bijstand". */
export function numberBefore(text: string, phrase: string): number | null {
  const m = new RegExp(`(\\d[\\d.]*) ${phrase}`).exec(text);
  return m ? Number(m[1].replace(/\./g, '')) : null;
}

/** ISO dates from..to inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Last day of a month (1–12) of a year, ISO. */
export const monthEnd = (year: number, month: number): string =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** One printed line of the attack table. */
export function familyLine(family: string, role: string, s: FamilyScore): string {
  return [
    family.padEnd(34),
    role.padEnd(10),
    String(s.attempts).padStart(8),
    String(s.derived).padStart(7),
    String(s.correct).padStart(7),
    String(s.exact).padStart(6),
    pct(s.exactShare).padStart(7),
    pct(s.guessShare).padStart(7),
    pct(s.limit).padStart(7),
    pct(s.exactShareDerived).padStart(8),
    pct(s.guessShareDerived).padStart(8),
    pct(s.limitDerived).padStart(7),
    s.pass ? 'PASS' : 'FAIL',
  ].join(' ');
}

export const FAMILY_HEADER = [
  'family'.padEnd(34),
  'role'.padEnd(10),
  'attempts'.padStart(8),
  'derived'.padStart(7),
  'correct'.padStart(7),
  'exact'.padStart(6),
  'exact%'.padStart(7),
  'guess%'.padStart(7),
  'limit'.padStart(7),
  'exact%d'.padStart(8),
  'guess%d'.padStart(8),
  'limit d'.padStart(7),
  'result',
].join(' ');

export function profileLine(family: string, role: string, s: ProfileScore): string {
  return (
    `${family.padEnd(34)} ${role.padEnd(10)} attacked ${s.attacked}, profiles fully right ${s.right} (${pct(s.share)}), ` +
    `guessing the most common profile ${s.guessRight} (${pct(s.guessShare)}), allowed ≤ ${s.guessRight + 1}: ${s.pass ? 'PASS' : 'FAIL'}`
  );
}
