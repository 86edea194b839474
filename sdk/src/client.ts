import { type AdminApi, createAdminApi } from './admin.js';
import { createSoukCore, type SoukClientOptions, type SoukCore } from './core.js';
import { createSellerApi, type SellerApi } from './seller.js';
import { createStoreApi, type StoreApi } from './store.js';

/**
 * A Souk API client: one namespace per API surface, sharing one key, timeout and retry policy.
 * A key only opens its own surface: `pk_…` → `store`, a seller's `sk_…` → `seller`, the operator key → `admin`.
 */
export interface SoukClient {
  /** Storefront API (`/store/*`), for a publishable key. */
  store: StoreApi;
  /** Seller API (`/seller/*`), for a seller's secret key. */
  seller: SellerApi;
  /** Operator API (`/admin/*`), for the operator's secret key. */
  admin: AdminApi;
  /** Transport and the typed openapi-fetch client, for paths the namespaces do not cover. */
  core: SoukCore;
}

/**
 * Creates a client.
 *
 * @example
 * const souk = createSoukClient({ baseUrl: 'http://localhost:4000', apiKey: 'pk_demo_storefront' });
 * const { data } = await souk.store.products.list({ limit: 10 });
 */
export function createSoukClient(options: SoukClientOptions): SoukClient {
  const core = createSoukCore(options);
  return { store: createStoreApi(core), seller: createSellerApi(core), admin: createAdminApi(core), core };
}
