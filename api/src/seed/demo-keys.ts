import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type ApiKeyService, DEMO_KEYS } from '../modules/auth/index.js';

/**
 * Stores the well-known demo keys: the storefront's publishable key, the operator's key, and one
 * secret key for each of the first three sellers (in seed order). Only the demo seed calls this.
 */
export async function seedDemoKeys(
  trx: Kysely<Database>,
  apiKeys: ApiKeyService,
  sellerIds: readonly string[],
) {
  await apiKeys.createWithValue(
    { kind: 'publishable', name: 'Demo storefront', secret: DEMO_KEYS.storefront },
    trx,
  );
  await apiKeys.createWithValue({ kind: 'operator', name: 'Demo operator', secret: DEMO_KEYS.operator }, trx);
  for (const [i, secret] of DEMO_KEYS.sellers.entries()) {
    const sellerId = sellerIds[i];
    if (sellerId)
      await apiKeys.createWithValue({ kind: 'seller', sellerId, name: `Demo seller ${i + 1}`, secret }, trx);
  }
}
