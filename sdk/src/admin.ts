import { createAdminContentApi } from './content.js';
import { type RequestOptions, type SoukCore, unwrap } from './core.js';
import { paginate } from './pagination.js';
import { createAdminReviewsApi } from './reviews.js';
import type { ListItem, PathParams, QueryParams, RequestBody, ResponseBody } from './types.js';
import { createWebhookEndpointsApi } from './webhook-endpoints.js';

type SellerId = PathParams<'getAdminSeller'>['sellerId'];

/** The operator API (`/admin/*`); use the operator's secret key, on a server only. */
export function createAdminApi(core: SoukCore) {
  const { api } = core;
  const at = (sellerId: SellerId) => ({ params: { path: { sellerId } } });
  const listSellers = (query: QueryParams<'listAdminSellers'> = {}, options?: RequestOptions) =>
    unwrap<ResponseBody<'listAdminSellers'>>(
      api.GET('/admin/sellers', { params: { query }, ...core.init(options) }),
    );
  const listOrders = (query: QueryParams<'listAdminOrders'> = {}, options?: RequestOptions) =>
    unwrap<ResponseBody<'listAdminOrders'>>(
      api.GET('/admin/orders', { params: { query }, ...core.init(options) }),
    );
  return {
    sellers: {
      /** One page of sellers, optionally by status. */
      list: listSellers,
      /** Every seller, page after page. */
      listAll: (
        query: Omit<QueryParams<'listAdminSellers'>, 'cursor'> = {},
        options?: RequestOptions,
      ): AsyncGenerator<ListItem<'listAdminSellers'>, void, undefined> =>
        paginate((cursor) => listSellers({ ...query, ...(cursor ? { cursor } : {}) }, options)),
      /** Onboards a seller (status `pending` until approved). */
      create: (body: RequestBody<'createAdminSeller'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'createAdminSeller'>>(
          api.POST('/admin/sellers', {
            params: { header: core.idempotency(options) },
            body,
            ...core.init(options),
          }),
        ),
      /** One seller. */
      get: (sellerId: SellerId, options?: RequestOptions) =>
        unwrap<ResponseBody<'getAdminSeller'>>(
          api.GET('/admin/sellers/{sellerId}', { ...at(sellerId), ...core.init(options) }),
        ),
      /** Approves a pending seller. */
      approve: (sellerId: SellerId, options?: RequestOptions) =>
        unwrap<ResponseBody<'approveAdminSeller'>>(
          api.POST('/admin/sellers/{sellerId}/approve', { ...at(sellerId), ...core.init(options) }),
        ),
      /** Suspends a seller: its products leave the store. */
      suspend: (sellerId: SellerId, options?: RequestOptions) =>
        unwrap<ResponseBody<'suspendAdminSeller'>>(
          api.POST('/admin/sellers/{sellerId}/suspend', { ...at(sellerId), ...core.init(options) }),
        ),
      /** Reactivates a suspended seller. */
      reactivate: (sellerId: SellerId, options?: RequestOptions) =>
        unwrap<ResponseBody<'reactivateAdminSeller'>>(
          api.POST('/admin/sellers/{sellerId}/reactivate', { ...at(sellerId), ...core.init(options) }),
        ),
      /** Sets a seller's commission rate (`PUT`, so safe to retry). */
      setCommission: (
        sellerId: SellerId,
        body: RequestBody<'setAdminSellerCommission'>,
        options?: RequestOptions,
      ) =>
        unwrap<ResponseBody<'setAdminSellerCommission'>>(
          api.PUT('/admin/sellers/{sellerId}/commission', { ...at(sellerId), body, ...core.init(options) }),
        ),
      /** A seller's API keys (prefixes only). */
      listKeys: (sellerId: SellerId, options?: RequestOptions) =>
        unwrap<ResponseBody<'listAdminSellerKeys'>>(
          api.GET('/admin/sellers/{sellerId}/keys', { ...at(sellerId), ...core.init(options) }),
        ),
      /** Creates a seller secret key; the full key is in the result, only this once. */
      createKey: (sellerId: SellerId, body: RequestBody<'createAdminSellerKey'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'createAdminSellerKey'>>(
          api.POST('/admin/sellers/{sellerId}/keys', {
            params: { path: { sellerId }, header: core.idempotency(options) },
            body,
            ...core.init(options),
          }),
        ),
    },
    publishableKeys: {
      /** Storefront keys. */
      list: (options?: RequestOptions) =>
        unwrap<ResponseBody<'listAdminPublishableKeys'>>(
          api.GET('/admin/publishable-keys', { ...core.init(options) }),
        ),
      /** Creates a storefront key; the full key is in the result, only this once. */
      create: (body: RequestBody<'createAdminPublishableKey'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'createAdminPublishableKey'>>(
          api.POST('/admin/publishable-keys', {
            params: { header: core.idempotency(options) },
            body,
            ...core.init(options),
          }),
        ),
    },
    keys: {
      /** Revokes any key at once (`DELETE /admin/keys/{keyId}`). */
      revoke: (keyId: PathParams<'revokeAdminKey'>['keyId'], options?: RequestOptions) =>
        unwrap<ResponseBody<'revokeAdminKey'>>(
          api.DELETE('/admin/keys/{keyId}', { params: { path: { keyId } }, ...core.init(options) }),
        ),
    },
    settings: {
      /** Marketplace settings (default commission, …). */
      get: (options?: RequestOptions) =>
        unwrap<ResponseBody<'getAdminSettings'>>(api.GET('/admin/settings', { ...core.init(options) })),
      /** Changes marketplace settings. */
      update: (body: RequestBody<'updateAdminSettings'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'updateAdminSettings'>>(
          api.PATCH('/admin/settings', { body, ...core.init(options) }),
        ),
    },
    orders: {
      /** One page of all orders of the marketplace. */
      list: listOrders,
      /** Every order, page after page. */
      listAll: (
        query: Omit<QueryParams<'listAdminOrders'>, 'cursor'> = {},
        options?: RequestOptions,
      ): AsyncGenerator<ListItem<'listAdminOrders'>, void, undefined> =>
        paginate((cursor) => listOrders({ ...query, ...(cursor ? { cursor } : {}) }, options)),
    },
    payouts: {
      /** Pays out every seller's available balance (`POST /admin/payouts`). */
      run: (options?: RequestOptions) =>
        unwrap<ResponseBody<'runAdminPayouts'>>(
          api.POST('/admin/payouts', {
            params: { header: core.idempotency(options) },
            ...core.init(options),
          }),
        ),
    },
    content: createAdminContentApi(core),
    reviews: createAdminReviewsApi(core),
    webhookEndpoints: createWebhookEndpointsApi(core, 'admin'),
  };
}

/** The `admin` namespace of a Souk client. */
export type AdminApi = ReturnType<typeof createAdminApi>;
