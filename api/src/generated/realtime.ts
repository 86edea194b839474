// Generated from spec/asyncapi.yaml by `npm run generate`. Do not edit.

import type { components, webhooks } from './openapi.js';

/** The envelope of an event type, as its webhook's request body. */
type Envelope<T extends keyof webhooks> = webhooks[T]['post']['requestBody']['content']['application/json'];
/** An envelope whose `data` lacks fields the channel leaves out. */
type Without<E, K extends PropertyKey> = E extends { data: infer D } ? Omit<E, 'data'> & { data: Omit<D, K> } : never;

/**
 * The real-time channels: namespace, room address, the data field naming the room, events, omitted
 * `data` fields, what the channel does with `actor` (`omit`: none; `own`: the receiver's own, else its type),
 * and whether it sends state read on demand (`snapshot`) rather than bus events.
 */
export const realtimeChannels = {
  product: {
    namespace: '/store',
    address: 'product:{productId}',
    roomKey: 'product_id',
    events: ['inventory.updated', 'variant.updated', 'variant.created', 'variant.deleted', 'product.updated', 'product.unpublished'],
    omitData: [],
    actor: 'omit',
    snapshot: false,
  },
  order: {
    namespace: '/store',
    address: 'order:{orderId}',
    roomKey: 'order_id',
    events: ['order.placed', 'seller_order.placed', 'fulfillment.created', 'seller_order.fulfilled', 'seller_order.cancelled', 'order.cancelled'],
    omitData: ['commission'],
    actor: 'omit',
    snapshot: false,
  },
  cart: {
    namespace: '/store',
    address: 'cart:{cartId}',
    roomKey: 'cart_id',
    events: ['cart.updated'],
    omitData: [],
    actor: 'omit',
    snapshot: true,
  },
  feed: {
    namespace: '/seller',
    address: 'feed',
    roomKey: 'seller_id',
    events: ['seller_order.placed', 'fulfillment.created', 'seller_order.fulfilled', 'seller_order.cancelled', 'inventory.low', 'webhook_endpoint.disabled'],
    omitData: [],
    actor: 'own',
    snapshot: false,
  },
} as const;

/** A channel's name. */
export type RealtimeChannel = keyof typeof realtimeChannels;

/** The messages (event envelopes) each channel carries. */
export interface RealtimeMessages {
  product:
    | Omit<Envelope<'inventory.updated'>, 'actor'>
    | Omit<Envelope<'variant.updated'>, 'actor'>
    | Omit<Envelope<'variant.created'>, 'actor'>
    | Omit<Envelope<'variant.deleted'>, 'actor'>
    | Omit<Envelope<'product.updated'>, 'actor'>
    | Omit<Envelope<'product.unpublished'>, 'actor'>;
  order:
    | Without<Omit<Envelope<'order.placed'>, 'actor'>, 'commission'>
    | Without<Omit<Envelope<'seller_order.placed'>, 'actor'>, 'commission'>
    | Without<Omit<Envelope<'fulfillment.created'>, 'actor'>, 'commission'>
    | Without<Omit<Envelope<'seller_order.fulfilled'>, 'actor'>, 'commission'>
    | Without<Omit<Envelope<'seller_order.cancelled'>, 'actor'>, 'commission'>
    | Without<Omit<Envelope<'order.cancelled'>, 'actor'>, 'commission'>;
  cart:
    | { id: string; type: 'cart.updated'; occurred_at: string; data: components['schemas']['Cart'] };
  feed:
    | Envelope<'seller_order.placed'>
    | Envelope<'fulfillment.created'>
    | Envelope<'seller_order.fulfilled'>
    | Envelope<'seller_order.cancelled'>
    | Envelope<'inventory.low'>
    | Envelope<'webhook_endpoint.disabled'>;
}
