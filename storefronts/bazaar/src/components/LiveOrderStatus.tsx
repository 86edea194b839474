'use client';

import { type LiveConnection, type SellerOrderToFollow, useLiveSellerOrder } from '@souk/storefront-kit/live';
import { orderStatusLabel } from '@/lib/order-status';

/**
 * A seller order's status badge that follows the order's room: shipped (with the carrier and tracking
 * number) or cancelled, as it happens.
 */
export function LiveOrderStatus({
  connection,
  ...order
}: { connection: LiveConnection } & SellerOrderToFollow) {
  const { status, tracking, live } = useLiveSellerOrder(connection, order);
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
