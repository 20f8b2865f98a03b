import { createHmac } from 'node:crypto';

/**
 * Pseudonyms and record keys already computed, per secret and client id. Every load of a mirror
 * period computes both for everybody in it (two HMACs per person, about 50 ms per load for 6,000
 * people); they never change for a client and secret, so each is computed once per process.
 * Bounded: past MAX_REMEMBERED clients per secret, the memory starts again empty.
 */
const MAX_REMEMBERED = 250_000;
const pseudonyms = new Map<string, Map<number, string>>();
const recordKeys = new Map<string, Map<number, number>>();

function remembered<T>(memo: Map<string, Map<number, T>>, secret: string, clientId: number, make: () => T): T {
  let bySecret = memo.get(secret);
  if (!bySecret) memo.set(secret, (bySecret = new Map()));
  let value = bySecret.get(clientId);
  if (value === undefined) {
    if (bySecret.size >= MAX_REMEMBERED) bySecret.clear();
    value = make();
    bySecret.set(clientId, value);
  }
  return value;
}

/**
 * The key under which special-category data is stored: HMAC-SHA256 of the client id with a
 * secret from configuration (PSEUDONYM_SECRET), hex. Without the secret the pseudonym cannot
 * be linked back to the case file; with it, only the application can.
 */
export function pseudonymFor(clientId: number, secret: string): string {
  return remembered(pseudonyms, secret, clientId, () =>
    createHmac('sha256', secret).update(`client:${clientId}`).digest('hex'),
  );
}

/**
 * The fixed random record key of a person for the mirror's disclosure control
 * (src/mirror/disclosure.ts): 32 bits of HMAC-SHA256 of the client id under a key derived from
 * the pseudonym secret. It never changes for a person, so the same set of people always gets
 * the same published numbers; without the secret nobody can compute it.
 */
export function recordKeyFor(clientId: number, secret: string): number {
  return remembered(recordKeys, secret, clientId, () =>
    createHmac('sha256', secret).update(`celsleutel:${clientId}`).digest().readUInt32BE(0),
  );
}

/** The record key of a person in an extract, from the extract's own person id. */
export function recordKeyForExtract(personId: string, secret: string): number {
  return createHmac('sha256', secret).update(`celsleutel-extract:${personId}`).digest().readUInt32BE(0);
}
