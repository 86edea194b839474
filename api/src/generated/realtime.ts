// Generated from spec/asyncapi.yaml by `npm run generate`. Do not edit.

import type { webhooks } from './openapi.js';

/** The envelope of an event type, as its webhook's request body. */
type Envelope<T extends keyof webhooks> = webhooks[T]['post']['requestBody']['content']['application/json'];
/** An envelope whose `data` lacks fields the channel leaves out. */
type Without<E, K extends PropertyKey> = E extends { data: infer D } ? Omit<E, 'data'> & { data: Omit<D, K> } : never;

/** The real-time channels: namespace, room address, the data field naming the room, events, omitted fields. */
export const realtimeChannels = {
  product: {
    namespace: '/store',
    address: 'product:{productId}',
    roomKey: 'product_id',
    events: ['inventory.updated', 'variant.updated', 'variant.created', 'variant.deleted', 'product.updated', 'product.unpublished'],
    omitData: [],
  },
  order: {
    namespace: '/store',
    address: 'order:{orderId}',
    roomKey: 'order_id',
    events: ['order.placed', 'seller_order.placed', 'fulfillment.created', 'seller_order.fulfilled', 'seller_order.cancelled', 'order.cancelled'],
    omitData: ['commission'],
  },
  feed: {
    namespace: '/seller',
    address: 'feed',
    roomKey: 'seller_id',
    events: ['seller_order.placed', 'fulfillment.created', 'seller_order.fulfilled', 'seller_order.cancelled', 'inventory.low', 'webhook_endpoint.disabled'],
    omitData: [],
  },
} as const;

/** A channel's name. */
export type RealtimeChannel = keyof typeof realtimeChannels;

/** The messages (event envelopes) each channel carries. */
export interface RealtimeMessages {
  product:
    | Envelope<'inventory.updated'>
    | Envelope<'variant.updated'>
    | Envelope<'variant.created'>
    | Envelope<'variant.deleted'>
    | Envelope<'product.updated'>
    | Envelope<'product.unpublished'>;
  order:
    | Without<Envelope<'order.placed'>, 'commission'>
    | Without<Envelope<'seller_order.placed'>, 'commission'>
    | Without<Envelope<'fulfillment.created'>, 'commission'>
    | Without<Envelope<'seller_order.fulfilled'>, 'commission'>
    | Without<Envelope<'seller_order.cancelled'>, 'commission'>
    | Without<Envelope<'order.cancelled'>, 'commission'>;
  feed:
    | Envelope<'seller_order.placed'>
    | Envelope<'fulfillment.created'>
    | Envelope<'seller_order.fulfilled'>
    | Envelope<'seller_order.cancelled'>
    | Envelope<'inventory.low'>
    | Envelope<'webhook_endpoint.disabled'>;
}
