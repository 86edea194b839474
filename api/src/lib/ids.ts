import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';

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
  | 'stf'
  | 'rev'
  | 'rrp'
  | 'anon';

/**
 * A PRNG for the `ulid` package that hands out `bytes` 5 bits at a time (as k/32, which the package
 * maps back to character k exactly): the seed's deterministic bytes then give the same ids as ever.
 * The package draws the random part from its last character to its first, hence the reversal.
 */
export function fromBytes(bytes: Uint8Array): () => number {
  const chars: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      chars.push((acc >> bits) & 31);
    }
    acc &= (1 << bits) - 1;
  }
  return () => (chars.pop() ?? 0) / 32;
}

// The package's default PRNG maps a random byte onto 32 letters with a slight bias; k/32 from an
// unbiased randomInt(32) is exact.
const unbiased = () => randomInt(32) / 32;

/** A new time-sortable, unguessable id such as `prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E`. */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  return `${prefix}_${ulid(now, unbiased)}`;
}

/** True when `value` has the shape of an id with this prefix (not a handle). */
export function looksLikeId(prefix: IdPrefix, value: string): boolean {
  return value.startsWith(`${prefix}_`) && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value.slice(prefix.length + 1));
}
