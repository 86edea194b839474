import 'server-only';
import type { Schemas } from '@souk/sdk';
import { souk } from './souk';

type SellerSummary = Schemas['SellerSummary'];

let memo: { at: number; sellers: SellerSummary[] } | undefined;
const TTL_MS = 5 * 60_000;

/**
 * Sellers for the listing's seller filter. The storefront API has no list of sellers, so this takes
 * the sellers of the newest 100 products (kept for five minutes). A seller with only older products
 * is still reachable through its page and the `seller` URL parameter.
 */
export async function getSellerOptions(): Promise<SellerSummary[]> {
  if (memo && Date.now() - memo.at < TTL_MS) return memo.sellers;
  const page = await souk.store.products.list({ limit: 100 });
  const byId = new Map(page.data.map((p) => [p.seller.id, p.seller]));
  const sellers = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  memo = { at: Date.now(), sellers };
  return sellers;
}
