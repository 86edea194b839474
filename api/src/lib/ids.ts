import { randomBytes } from 'node:crypto';

/** Crockford base32 alphabet used by ULIDs: sortable, no ambiguous letters. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Resource prefixes: an id says what it identifies (`prod_…`), like Stripe's. */
export type IdPrefix =
  | 'sel'
  | 'cat'
  | 'prod'
  | 'opt'
  | 'var'
  | 'key'
  | 'evt'
  | 'cart'
  | 'item'
  | 'ord'
  | 'so'
  | 'pay'
  | 'ful'
  | 'txn'
  | 'po'
  | 'line'
  | 'whe'
  | 'whd'
  | 'whs'
  | 'cus'
  | 'addr'
  | 'stf';

/**
 * Encodes a millisecond timestamp and 80 random bits as a 26-character ULID.
 * `random` lets the seed produce deterministic ids.
 */
export function ulid(timeMs: number, random: Uint8Array): string {
  let out = '';
  let t = timeMs;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  // 80 bits -> 16 base32 characters, 5 bits at a time.
  let acc = 0;
  let bits = 0;
  for (const byte of random.subarray(0, 10)) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

/** A new time-sortable, unguessable id such as `prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E`. */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  return `${prefix}_${ulid(now, randomBytes(10))}`;
}

/** True when `value` has the shape of an id with this prefix (not a handle). */
export function looksLikeId(prefix: IdPrefix, value: string): boolean {
  return value.startsWith(`${prefix}_`) && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value.slice(prefix.length + 1));
}
