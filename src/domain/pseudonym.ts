import { createHmac } from 'node:crypto';

/**
 * The key under which special-category data is stored: HMAC-SHA256 of the client id with a
 * secret from configuration (PSEUDONYM_SECRET), hex. Without the secret the pseudonym cannot
 * be linked back to the case file; with it, only the application can.
 */
export function pseudonymFor(clientId: number, secret: string): string {
  return createHmac('sha256', secret).update(`client:${clientId}`).digest('hex');
}

/**
 * The fixed random record key of a person for the mirror's disclosure control
 * (src/mirror/disclosure.ts): 32 bits of HMAC-SHA256 of the client id under a key derived from
 * the pseudonym secret. It never changes for a person, so the same set of people always gets
 * the same published numbers; without the secret nobody can compute it.
 */
export function recordKeyFor(clientId: number, secret: string): number {
  return createHmac('sha256', secret).update(`celsleutel:${clientId}`).digest().readUInt32BE(0);
}

/** The record key of a person in an extract, from the extract's own person id. */
export function recordKeyForExtract(personId: string, secret: string): number {
  return createHmac('sha256', secret).update(`celsleutel-extract:${personId}`).digest().readUInt32BE(0);
}
