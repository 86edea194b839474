import { type RequestOptions, type SoukCore, unwrap } from './core.js';
import type { PathParams, QueryParams, RequestBody, ResponseBody } from './types.js';

/**
 * `store.customers`: the signed-in shopper's own account (`/store/customers/me…`). Every call takes the
 * shopper's credential — a Firebase ID token or a session from `sessions.create` — sent as
 * `Authorization: Bearer …` next to the client's publishable key.
 */
export function createStoreCustomersApi(core: SoukCore) {
  const { api } = core;
  const as = (token: string, options?: RequestOptions) =>
    core.init({ ...options, headers: { ...options?.headers, authorization: `Bearer ${token}` } });
  return {
    /** My account (`GET /store/customers/me`); the first call creates it. */
    get: (token: string, options?: RequestOptions) =>
      unwrap<ResponseBody<'getStoreCustomer'>>(api.GET('/store/customers/me', as(token, options))),
    /** Changes my profile (`PATCH /store/customers/me`). */
    update: (token: string, body: RequestBody<'updateStoreCustomer'>, options?: RequestOptions) =>
      unwrap<ResponseBody<'updateStoreCustomer'>>(
        api.PATCH('/store/customers/me', { body, ...as(token, options) }),
      ),
    addresses: {
      /** My saved addresses, the default first (`GET /store/customers/me/addresses`). */
      list: (token: string, options?: RequestOptions) =>
        unwrap<ResponseBody<'listStoreCustomerAddresses'>>(
          api.GET('/store/customers/me/addresses', as(token, options)),
        ),
      /** Saves an address (`POST /store/customers/me/addresses`); the first one becomes the default. */
      create: (token: string, body: RequestBody<'createStoreCustomerAddress'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'createStoreCustomerAddress'>>(
          api.POST('/store/customers/me/addresses', { body, ...as(token, options) }),
        ),
      /** Changes a saved address, or makes it the default (`PATCH …/addresses/{addressId}`). */
      update: (
        token: string,
        addressId: PathParams<'updateStoreCustomerAddress'>['addressId'],
        body: RequestBody<'updateStoreCustomerAddress'>,
        options?: RequestOptions,
      ) =>
        unwrap<ResponseBody<'updateStoreCustomerAddress'>>(
          api.PATCH('/store/customers/me/addresses/{addressId}', {
            params: { path: { addressId } },
            body,
            ...as(token, options),
          }),
        ),
      /** Deletes a saved address (`DELETE …/addresses/{addressId}`); the newest left becomes the default. */
      delete: (
        token: string,
        addressId: PathParams<'deleteStoreCustomerAddress'>['addressId'],
        options?: RequestOptions,
      ) =>
        unwrap<undefined>(
          api.DELETE('/store/customers/me/addresses/{addressId}', {
            params: { path: { addressId } },
            ...as(token, options),
          }),
        ),
    },
    orders: {
      /** One page of my orders, newest first, across sellers (`GET /store/customers/me/orders`). */
      list: (token: string, query: QueryParams<'listStoreCustomerOrders'> = {}, options?: RequestOptions) =>
        unwrap<ResponseBody<'listStoreCustomerOrders'>>(
          api.GET('/store/customers/me/orders', { params: { query }, ...as(token, options) }),
        ),
      /** One of my orders, without its access token (`GET /store/customers/me/orders/{orderId}`). */
      get: (
        token: string,
        orderId: PathParams<'getStoreCustomerOrder'>['orderId'],
        options?: RequestOptions,
      ) =>
        unwrap<ResponseBody<'getStoreCustomerOrder'>>(
          api.GET('/store/customers/me/orders/{orderId}', {
            params: { path: { orderId } },
            ...as(token, options),
          }),
        ),
    },
    cart: {
      /** My active cart (`GET /store/customers/me/cart`); 404 when there is none. */
      get: (token: string, options?: RequestOptions) =>
        unwrap<ResponseBody<'getStoreCustomerCart'>>(api.GET('/store/customers/me/cart', as(token, options))),
      /** Attaches or merges a guest cart on sign-in (`POST /store/customers/me/cart`); see the spec's rules. */
      attach: (token: string, body: RequestBody<'attachStoreCustomerCart'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'attachStoreCustomerCart'>>(
          api.POST('/store/customers/me/cart', { body, ...as(token, options) }),
        ),
    },
    sessions: {
      /**
       * Exchanges a fresh ID token for a session (`POST /store/customers/me/session`), for a storefront
       * server to keep in an httpOnly cookie. Shown once.
       */
      create: (
        idToken: string,
        body: RequestBody<'createStoreCustomerSession'> = {},
        options?: RequestOptions,
      ) =>
        unwrap<ResponseBody<'createStoreCustomerSession'>>(
          api.POST('/store/customers/me/session', { body, ...as(idToken, options) }),
        ),
      /** Signs out everywhere: revokes every session and ID token issued so far (`DELETE …/me/session`). */
      revoke: (token: string, options?: RequestOptions) =>
        unwrap<undefined>(api.DELETE('/store/customers/me/session', as(token, options))),
    },
  };
}

/** The `store.customers` namespace of a Souk client. */
export type StoreCustomersApi = ReturnType<typeof createStoreCustomersApi>;
