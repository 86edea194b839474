'use client';

import { useState } from 'react';
import { orderStatusLabel } from '@/lib/order-status';
import { type LiveConnection, useLiveRoom } from './live';

/**
 * A seller order's status badge that follows the order's room: shipped (with the carrier and tracking
 * number) or cancelled, as it happens.
 */
export function LiveOrderStatus({
  connection,
  orderId,
  sellerOrderId,
  token,
  initialStatus,
}: {
  connection: LiveConnection;
  orderId: string;
  sellerOrderId: string;
  token: string;
  initialStatus: string;
}) {
  const [status, setStatus] = useState(initialStatus);
  const [tracking, setTracking] = useState<string[]>([]);
  const live = useLiveRoom(
    connection,
    `order:${orderId}`,
    (event) => {
      if (event.type === 'fulfillment.created' && event.data.seller_order_id === sellerOrderId) {
        setTracking((t) => [...t, `${event.data.carrier} ${event.data.tracking_number}`]);
        setStatus((s) => (s === 'open' ? 'partially_fulfilled' : s));
      } else if (event.type === 'seller_order.fulfilled' && event.data.seller_order_id === sellerOrderId) {
        setStatus('fulfilled');
      } else if (event.type === 'seller_order.cancelled' && event.data.seller_order_id === sellerOrderId) {
        setStatus('cancelled');
      }
    },
    token,
  );
  return (
    <>
      <span
        className="badge"
        data-testid="seller-order-status"
        data-live={live ? 'on' : 'off'}
        aria-live="polite"
      >
        {orderStatusLabel(status)}
      </span>
      {tracking.length > 0 && <span className="muted"> · {tracking.join(', ')}</span>}
    </>
  );
}
