'use client';

import { useState } from 'react';
import { type LiveConnection, useLiveRoom } from './use-live-room';

/** A seller order's status as it changes, with the parcels shipped meanwhile. */
export interface LiveSellerOrder {
  /** `open`, `partially_fulfilled`, `fulfilled` or `cancelled`, as the API names them. */
  status: string;
  /** "Carrier tracking-number" of each parcel shipped since the page loaded. */
  tracking: string[];
  /** Whether the order's room is subscribed (the page's state is then kept current). */
  live: boolean;
}

/** Which seller order to follow, and what it showed when the page was rendered. */
export interface SellerOrderToFollow {
  orderId: string;
  sellerOrderId: string;
  /** The order's access token (the room `order:{id}` is opened with it). */
  token: string;
  initialStatus: string;
}

/**
 * Follows one seller's part of an order through the order's room (`order:{id}`, opened with the
 * order's access token): a parcel shipped, the part fulfilled or cancelled, as it happens.
 */
export function useLiveSellerOrder(
  connection: LiveConnection,
  { orderId, sellerOrderId, token, initialStatus }: SellerOrderToFollow,
): LiveSellerOrder {
  const [status, setStatus] = useState(initialStatus);
  const [tracking, setTracking] = useState<string[]>([]);
  const live = useLiveRoom(
    connection,
    `order:${orderId}`,
    (event) => {
      if (!('seller_order_id' in event.data) || event.data.seller_order_id !== sellerOrderId) return;
      if (event.type === 'fulfillment.created') {
        setTracking((t) => [...t, `${event.data.carrier} ${event.data.tracking_number}`]);
        setStatus((s) => (s === 'open' ? 'partially_fulfilled' : s));
      } else if (event.type === 'seller_order.fulfilled') setStatus('fulfilled');
      else if (event.type === 'seller_order.cancelled') setStatus('cancelled');
    },
    token,
  );
  return { status, tracking, live };
}
