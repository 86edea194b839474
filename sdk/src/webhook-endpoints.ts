import { type RequestOptions, type SoukCore, unwrap } from './core.js';
import { paginate } from './pagination.js';
import type { ListItem, PathParams, QueryParams, RequestBody, ResponseBody } from './types.js';

type EndpointId = PathParams<'getSellerWebhookEndpoint'>['endpointId'];
type DeliveryId = PathParams<'redeliverSellerWebhookDelivery'>['deliveryId'];

/** True when two types are the same both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// If the spec ever lets the operator's and the seller's webhook operations differ, this stops compiling.
const mirrored: [
  Same<RequestBody<'createAdminWebhookEndpoint'>, RequestBody<'createSellerWebhookEndpoint'>>,
  Same<ResponseBody<'createAdminWebhookEndpoint'>, ResponseBody<'createSellerWebhookEndpoint'>>,
  Same<RequestBody<'updateAdminWebhookEndpoint'>, RequestBody<'updateSellerWebhookEndpoint'>>,
  Same<ResponseBody<'listAdminWebhookEndpoints'>, ResponseBody<'listSellerWebhookEndpoints'>>,
  Same<ResponseBody<'listAdminWebhookDeliveries'>, ResponseBody<'listSellerWebhookDeliveries'>>,
  Same<QueryParams<'listAdminWebhookDeliveries'>, QueryParams<'listSellerWebhookDeliveries'>>,
  Same<RequestBody<'rotateAdminWebhookSecret'>, RequestBody<'rotateSellerWebhookSecret'>>,
  Same<RequestBody<'replayAdminWebhookEvents'>, RequestBody<'replaySellerWebhookEvents'>>,
  Same<ResponseBody<'redeliverAdminWebhookDelivery'>, ResponseBody<'redeliverSellerWebhookDelivery'>>,
] = [true, true, true, true, true, true, true, true, true];
void mirrored;

/**
 * Webhook endpoints: the seller's (`/seller/webhook-endpoints`, its own events) or the operator's
 * (`/admin/webhook-endpoints`, every event). Verify what they receive with `verifyWebhook`.
 * `create` and `rotateSecret` return the signing `secret`, only that once.
 */
export function createWebhookEndpointsApi(core: SoukCore, scope: 'seller' | 'admin') {
  const { api } = core;
  // The operator's paths mirror the seller's with the same schemas (checked below), so one typed
  // implementation serves both: only the prefix differs at run time.
  const p = <P extends string>(path: P): P =>
    scope === 'seller' ? path : (path.replace('/seller/', '/admin/') as P);
  const at = (endpointId: EndpointId) => ({ params: { path: { endpointId } } });
  const listDeliveries = (
    endpointId: EndpointId,
    query: QueryParams<'listSellerWebhookDeliveries'> = {},
    options?: RequestOptions,
  ) =>
    unwrap<ResponseBody<'listSellerWebhookDeliveries'>>(
      api.GET(p('/seller/webhook-endpoints/{endpointId}/deliveries'), {
        params: { path: { endpointId }, query },
        ...core.init(options),
      }),
    );
  return {
    /** All endpoints. */
    list: (options?: RequestOptions) =>
      unwrap<ResponseBody<'listSellerWebhookEndpoints'>>(
        api.GET(p('/seller/webhook-endpoints'), { ...core.init(options) }),
      ),
    /** Creates an endpoint; the result carries its signing `secret` (`whsec_…`), shown only here. */
    create: (body: RequestBody<'createSellerWebhookEndpoint'>, options?: RequestOptions) =>
      unwrap<ResponseBody<'createSellerWebhookEndpoint'>>(
        api.POST(p('/seller/webhook-endpoints'), {
          params: { header: core.idempotency(options) },
          body,
          ...core.init(options),
        }),
      ),
    /** One endpoint. */
    get: (endpointId: EndpointId, options?: RequestOptions) =>
      unwrap<ResponseBody<'getSellerWebhookEndpoint'>>(
        api.GET(p('/seller/webhook-endpoints/{endpointId}'), { ...at(endpointId), ...core.init(options) }),
      ),
    /** Changes url, event filter, description or enabled state. */
    update: (
      endpointId: EndpointId,
      body: RequestBody<'updateSellerWebhookEndpoint'>,
      options?: RequestOptions,
    ) =>
      unwrap<ResponseBody<'updateSellerWebhookEndpoint'>>(
        api.PATCH(p('/seller/webhook-endpoints/{endpointId}'), {
          ...at(endpointId),
          body,
          ...core.init(options),
        }),
      ),
    /** Deletes an endpoint. */
    delete: (endpointId: EndpointId, options?: RequestOptions) =>
      unwrap<undefined>(
        api.DELETE(p('/seller/webhook-endpoints/{endpointId}'), { ...at(endpointId), ...core.init(options) }),
      ),
    /** Issues a new secret (returned once); the old one keeps signing during the overlap the body asks for. */
    rotateSecret: (
      endpointId: EndpointId,
      body: RequestBody<'rotateSellerWebhookSecret'> = {},
      options?: RequestOptions,
    ) =>
      unwrap<ResponseBody<'rotateSellerWebhookSecret'>>(
        api.POST(p('/seller/webhook-endpoints/{endpointId}/rotate-secret'), {
          params: { path: { endpointId }, header: core.idempotency(options) },
          body,
          ...core.init(options),
        }),
      ),
    /** One page of an endpoint's deliveries, newest first. */
    listDeliveries,
    /** Every delivery of an endpoint, page after page. */
    listAllDeliveries: (
      endpointId: EndpointId,
      query: Omit<QueryParams<'listSellerWebhookDeliveries'>, 'cursor'> = {},
      options?: RequestOptions,
    ): AsyncGenerator<ListItem<'listSellerWebhookDeliveries'>, void, undefined> =>
      paginate((cursor) => listDeliveries(endpointId, { ...query, ...(cursor ? { cursor } : {}) }, options)),
    /** Queues a delivery to be sent again. */
    redeliver: (endpointId: EndpointId, deliveryId: DeliveryId, options?: RequestOptions) =>
      unwrap<ResponseBody<'redeliverSellerWebhookDelivery'>>(
        api.POST(p('/seller/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver'), {
          params: { path: { endpointId, deliveryId } },
          ...core.init(options),
        }),
      ),
    /** Re-sends past events (a time range and/or types) to an endpoint. */
    replay: (
      endpointId: EndpointId,
      body: RequestBody<'replaySellerWebhookEvents'>,
      options?: RequestOptions,
    ) =>
      unwrap<ResponseBody<'replaySellerWebhookEvents'>>(
        api.POST(p('/seller/webhook-endpoints/{endpointId}/replay'), {
          params: { path: { endpointId }, header: core.idempotency(options) },
          body,
          ...core.init(options),
        }),
      ),
  };
}

/** The `webhookEndpoints` namespace of `seller` and of `admin`. */
export type WebhookEndpointsApi = ReturnType<typeof createWebhookEndpointsApi>;
