import { createHash } from 'node:crypto';
import { randomBase62 } from '../../lib/random.js';
import type { ApiKeyKind } from './auth.table.js';

/** Key prefixes: the kind shows in the key itself, so a leaked key is recognised (and scanners can match it). */
export const KEY_PREFIX: Record<ApiKeyKind, string> = {
  publishable: 'pk_live_',
  seller: 'sk_live_',
  operator: 'sk_op_',
};

/** A new random key: 32 base62 characters (~190 bits) after the kind prefix. */
export function generateKey(kind: ApiKeyKind): string {
  return KEY_PREFIX[kind] + randomBase62(32);
}

/** The stored form of a key: its sha256. Keys are long and random, so a fast hash is the right tool. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The part of a key shown in listings: enough to tell keys apart, far too little to use. */
export function visiblePrefix(key: string): string {
  return key.slice(0, Math.min(key.length, key.indexOf('_', 3) + 5));
}

/** The well-known keys of the demo seed. The API refuses to start in production while any exists. */
export const DEMO_KEYS = {
  storefront: 'pk_demo_storefront',
  operator: 'sk_demo_operator',
  sellers: ['sk_demo_seller_1', 'sk_demo_seller_2', 'sk_demo_seller_3'],
} as const;

export const DEMO_KEY_HASHES = [DEMO_KEYS.storefront, DEMO_KEYS.operator, ...DEMO_KEYS.sellers].map(hashKey);
