import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read out or typed over. */
const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password of 16 characters (about 92 bits), in groups of four. */
export function temporaryPassword(): string {
  const chars = Array.from({ length: 16 }, () => READABLE[randomInt(READABLE.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
