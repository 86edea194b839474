import type { Idempotency } from '../../http/idempotency.js';
import type { HandlerRequest, OperationHandlers } from '../../http/operations.js';
import { type Principal, sellerIdOf } from '../../http/principal.js';
import type { WebhooksService } from './webhooks.service.js';
import type { Owner } from './webhooks.validation.js';

type WebhookHandlers = Pick<
  OperationHandlers,
  | 'listSellerWebhookEndpoints'
  | 'createSellerWebhookEndpoint'
  | 'getSellerWebhookEndpoint'
  | 'updateSellerWebhookEndpoint'
  | 'deleteSellerWebhookEndpoint'
  | 'rotateSellerWebhookSecret'
  | 'listSellerWebhookDeliveries'
  | 'redeliverSellerWebhookDelivery'
  | 'replaySellerWebhookEvents'
  | 'listAdminWebhookEndpoints'
  | 'createAdminWebhookEndpoint'
  | 'getAdminWebhookEndpoint'
  | 'updateAdminWebhookEndpoint'
  | 'deleteAdminWebhookEndpoint'
  | 'rotateAdminWebhookSecret'
  | 'listAdminWebhookDeliveries'
  | 'redeliverAdminWebhookDelivery'
  | 'replayAdminWebhookEvents'
>;

/** The seller and operator variants of an operation take the same request. */
type Req<S extends keyof WebhookHandlers, A extends keyof WebhookHandlers> =
  | HandlerRequest<S>
  | HandlerRequest<A>;

interface Deps {
  webhooks: WebhooksService;
  idempotent: Idempotency;
}

/** One side's handlers; `ownerOf` decides whose endpoints a request reaches. */
function side({ webhooks, idempotent }: Deps, ownerOf: (principal: Principal) => Owner) {
  return {
    list: async ({ principal }: Req<'listSellerWebhookEndpoints', 'listAdminWebhookEndpoints'>) => ({
      status: 200 as const,
      body: { data: await webhooks.list(ownerOf(principal)) },
    }),
    create: async (req: Req<'createSellerWebhookEndpoint', 'createAdminWebhookEndpoint'>) => {
      const owner = ownerOf(req.principal);
      // The URL check resolves DNS, so it runs before the transaction opens.
      const url = await webhooks.checkUrl(req.body.url);
      return idempotent.run(req, 201 as const, (trx) => webhooks.create(owner, { ...req.body, url }, trx));
    },
    get: async ({ principal, params }: Req<'getSellerWebhookEndpoint', 'getAdminWebhookEndpoint'>) => ({
      status: 200 as const,
      body: await webhooks.get(ownerOf(principal), params.endpointId),
    }),
    update: async ({
      principal,
      params,
      body,
    }: Req<'updateSellerWebhookEndpoint', 'updateAdminWebhookEndpoint'>) => ({
      status: 200 as const,
      body: await webhooks.update(ownerOf(principal), params.endpointId, body),
    }),
    remove: async ({
      principal,
      params,
    }: Req<'deleteSellerWebhookEndpoint', 'deleteAdminWebhookEndpoint'>) => {
      await webhooks.remove(ownerOf(principal), params.endpointId);
      return { status: 204 as const };
    },
    rotate: async (req: Req<'rotateSellerWebhookSecret', 'rotateAdminWebhookSecret'>) => {
      const owner = ownerOf(req.principal);
      return idempotent.run(req, 200 as const, (trx) =>
        webhooks.rotate(owner, req.params.endpointId, req.body, trx),
      );
    },
    deliveries: async ({
      principal,
      params,
      query,
    }: Req<'listSellerWebhookDeliveries', 'listAdminWebhookDeliveries'>) => ({
      status: 200 as const,
      body: await webhooks.listDeliveries(ownerOf(principal), params.endpointId, query),
    }),
    redeliver: async ({
      principal,
      params,
    }: Req<'redeliverSellerWebhookDelivery', 'redeliverAdminWebhookDelivery'>) => ({
      status: 202 as const,
      body: await idempotent.transaction((trx) =>
        webhooks.redeliver(ownerOf(principal), params.endpointId, params.deliveryId, trx),
      ),
    }),
    replay: async (req: Req<'replaySellerWebhookEvents', 'replayAdminWebhookEvents'>) => {
      const owner = ownerOf(req.principal);
      return idempotent.run(req, 202 as const, (trx) =>
        webhooks.replay(owner, req.params.endpointId, req.body, trx),
      );
    },
  };
}

/**
 * Webhook endpoint handlers: `/seller/webhook-endpoints…` reach the calling seller's endpoints (another
 * owner's id is 404), `/admin/webhook-endpoints…` the operator's marketplace-wide ones.
 */
export function webhookHandlers(deps: Deps) {
  const seller = side(deps, sellerIdOf);
  const operator = side(deps, () => 'operator');
  return {
    listSellerWebhookEndpoints: seller.list,
    createSellerWebhookEndpoint: seller.create,
    getSellerWebhookEndpoint: seller.get,
    updateSellerWebhookEndpoint: seller.update,
    deleteSellerWebhookEndpoint: seller.remove,
    rotateSellerWebhookSecret: seller.rotate,
    listSellerWebhookDeliveries: seller.deliveries,
    redeliverSellerWebhookDelivery: seller.redeliver,
    replaySellerWebhookEvents: seller.replay,
    listAdminWebhookEndpoints: operator.list,
    createAdminWebhookEndpoint: operator.create,
    getAdminWebhookEndpoint: operator.get,
    updateAdminWebhookEndpoint: operator.update,
    deleteAdminWebhookEndpoint: operator.remove,
    rotateAdminWebhookSecret: operator.rotate,
    listAdminWebhookDeliveries: operator.deliveries,
    redeliverAdminWebhookDelivery: operator.redeliver,
    replayAdminWebhookEvents: operator.replay,
  } satisfies WebhookHandlers;
}
