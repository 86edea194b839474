import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 22 base62 characters carry 22 × log2(62) ≈ 131 random bits. */
const CART_ID_LENGTH = 22;
/** Bytes at or above this are rejected: 248 = 4 × 62, so every kept byte maps to a character uniformly. */
const UNBIASED_LIMIT = 248;

/**
 * A new cart id: `cart_` and 22 base62 characters from the OS CSPRNG. Unlike other ids it is not a
 * ULID (no timestamp, no order): the id is the only thing that grants access to a cart, so all of
 * it must be unpredictable.
 */
export function newCartId(): string {
  let out = '';
  while (out.length < CART_ID_LENGTH) {
    for (const byte of randomBytes(32)) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += BASE62[byte % 62];
      if (out.length === CART_ID_LENGTH) break;
    }
  }
  return `cart_${out}`;
}

/** True when `value` has the shape of a cart id (not whether such a cart exists). */
export function looksLikeCartId(value: string): boolean {
  return /^cart_[0-9A-Za-z]{22}$/.test(value);
}
