import { createHmac } from 'node:crypto';

/**
 * The key under which special-category data is stored: HMAC-SHA256 of the client id with a
 * secret from configuration (PSEUDONYM_SECRET), hex. Without the secret the pseudonym cannot
 * be linked back to the case file; with it, only the application can.
 */
export function pseudonymFor(clientId: number, secret: string): string {
  return createHmac('sha256', secret).update(`client:${clientId}`).digest('hex');
}
