import { randomBase62 } from '../../lib/random.js';

/** 22 base62 characters carry 22 × log2(62) ≈ 131 random bits. */
const CART_ID_LENGTH = 22;

/**
 * A new cart id: `cart_` and 22 base62 characters from the OS CSPRNG. Unlike other ids it is not a
 * ULID (no timestamp, no order): the id is the only thing that grants access to a cart, so all of
 * it must be unpredictable.
 */
export function newCartId(): string {
  return `cart_${randomBase62(CART_ID_LENGTH)}`;
}

/** True when `value` has the shape of a cart id (not whether such a cart exists). */
export function looksLikeCartId(value: string): boolean {
  return /^cart_[0-9A-Za-z]{22}$/.test(value);
}
