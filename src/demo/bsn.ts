/**
 * Fictitious but valid BSNs for demo clients: nine digits that pass the 11-proef, unique per
 * client number, without any state (so chunks can be generated independently).
 *
 * Layout: '9', six digits that are a fixed permutation of the client number (0 … 999,999),
 * an eighth digit chosen so that the check digit exists, and the check digit itself.
 */
import { isValidBsn } from '../domain/bsn.js';

/** How many distinct demo BSNs there are. */
export const MAX_DEMO_BSNS = 1_000_000;

// i → (i · A + B) mod 10^6 is a permutation because A is coprime to 10.
const A = 738_197;
const B = 271_828;

/** The BSN of client number `index` (0-based). */
export function demoBsn(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_DEMO_BSNS)
    throw new RangeError(`demo BSN index out of range: ${index}`);
  const middle = String((index * A + B) % MAX_DEMO_BSNS).padStart(6, '0');
  const first7 = `9${middle}`;
  let partial = 0;
  for (let i = 0; i < 7; i++) partial += (9 - i) * Number(first7[i]);
  const start = index % 10; // spreads the eighth digit
  for (let k = 0; k < 10; k++) {
    const d8 = (start + k) % 10;
    const d9 = (partial + 2 * d8) % 11;
    if (d9 <= 9) {
      const bsn = `${first7}${d8}${d9}`;
      if (isValidBsn(bsn)) return bsn;
    }
  }
  // Unreachable: 2·d8 mod 11 takes ten distinct values, so at most one eighth digit fails.
  throw new Error(`no valid BSN for index ${index}`);
}
