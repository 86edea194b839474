import { type RequestOptions, type SoukCore, unwrap } from './core.js';
import { paginate } from './pagination.js';
import type { ListItem, PathParams, QueryParams, RequestBody, ResponseBody } from './types.js';

type EndpointId = PathParams<'getAdminWebhookEndpoint'>['endpointId'];
type DeliveryId = PathParams<'redeliverAdminWebhookDelivery'>['deliveryId'];

/**
 * The operator's webhook endpoints (`/admin/webhook-endpoints`). Verify what they receive with
 * `verifyWebhook`. `create` and `rotateSecret` return the signing `secret`, only that once.
 */
export function createAdminWebhooksApi(core: SoukCore) {
  const { api } = core;
  const at = (endpointId: EndpointId) => ({ params: { path: { endpointId } } });
  const listDeliveries = (
    endpointId: EndpointId,
    query: QueryParams<'listAdminWebhookDeliveries'> = {},
    options?: RequestOptions,
  ) =>
    unwrap<ResponseBody<'listAdminWebhookDeliveries'>>(
      api.GET('/admin/webhook-endpoints/{endpointId}/deliveries', {
        params: { path: { endpointId }, query },
        ...core.init(options),
      }),
    );
  return {
    /** All endpoints. */
    list: (options?: RequestOptions) =>
      unwrap<ResponseBody<'listAdminWebhookEndpoints'>>(
        api.GET('/admin/webhook-endpoints', { ...core.init(options) }),
      ),
    /** Creates an endpoint; the result carries its signing `secret` (`whsec_…`), shown only here. */
    create: (body: RequestBody<'createAdminWebhookEndpoint'>, options?: RequestOptions) =>
      unwrap<ResponseBody<'createAdminWebhookEndpoint'>>(
        api.POST('/admin/webhook-endpoints', {
          params: { header: core.idempotency(options) },
          body,
          ...core.init(options),
        }),
      ),
    /** One endpoint. */
    get: (endpointId: EndpointId, options?: RequestOptions) =>
      unwrap<ResponseBody<'getAdminWebhookEndpoint'>>(
        api.GET('/admin/webhook-endpoints/{endpointId}', { ...at(endpointId), ...core.init(options) }),
      ),
    /** Changes url, event filter, description or enabled state. */
    update: (
      endpointId: EndpointId,
      body: RequestBody<'updateAdminWebhookEndpoint'>,
      options?: RequestOptions,
    ) =>
      unwrap<ResponseBody<'updateAdminWebhookEndpoint'>>(
        api.PATCH('/admin/webhook-endpoints/{endpointId}', {
          ...at(endpointId),
          body,
          ...core.init(options),
        }),
      ),
    /** Deletes an endpoint. */
    delete: (endpointId: EndpointId, options?: RequestOptions) =>
      unwrap<undefined>(
        api.DELETE('/admin/webhook-endpoints/{endpointId}', { ...at(endpointId), ...core.init(options) }),
      ),
    /** Issues a new secret (returned once); the old one keeps signing during the overlap the body asks for. */
    rotateSecret: (
      endpointId: EndpointId,
      body: RequestBody<'rotateAdminWebhookSecret'> = {},
      options?: RequestOptions,
    ) =>
      unwrap<ResponseBody<'rotateAdminWebhookSecret'>>(
        api.POST('/admin/webhook-endpoints/{endpointId}/rotate-secret', {
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
      query: Omit<QueryParams<'listAdminWebhookDeliveries'>, 'cursor'> = {},
      options?: RequestOptions,
    ): AsyncGenerator<ListItem<'listAdminWebhookDeliveries'>, void, undefined> =>
      paginate((cursor) => listDeliveries(endpointId, { ...query, ...(cursor ? { cursor } : {}) }, options)),
    /** Queues a delivery to be sent again. */
    redeliver: (endpointId: EndpointId, deliveryId: DeliveryId, options?: RequestOptions) =>
      unwrap<ResponseBody<'redeliverAdminWebhookDelivery'>>(
        api.POST('/admin/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver', {
          params: { path: { endpointId, deliveryId } },
          ...core.init(options),
        }),
      ),
    /** Re-sends past events (a time range and/or types) to an endpoint. */
    replay: (
      endpointId: EndpointId,
      body: RequestBody<'replayAdminWebhookEvents'>,
      options?: RequestOptions,
    ) =>
      unwrap<ResponseBody<'replayAdminWebhookEvents'>>(
        api.POST('/admin/webhook-endpoints/{endpointId}/replay', {
          params: { path: { endpointId }, header: core.idempotency(options) },
          body,
          ...core.init(options),
        }),
      ),
  };
}

/** The `webhookEndpoints` namespace of `admin`. */
export type AdminWebhooksApi = ReturnType<typeof createAdminWebhooksApi>;
