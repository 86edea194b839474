import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Bytes at or above this are rejected: 248 = 4 × 62, so every kept byte maps to a character uniformly. */
const UNBIASED_LIMIT = 248;

/**
 * `length` uniformly random base62 characters from the OS CSPRNG (log2(62) ≈ 5.95 bits each): the
 * unguessable part of cart ids, API keys and webhook signing secrets.
 */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length + 8)) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}
