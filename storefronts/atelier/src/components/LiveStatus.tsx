'use client';

import { type LiveConnection, type SellerOrderToFollow, useLiveSellerOrder } from '@souk/storefront-kit/live';
import { orderStatusLabel } from '@/lib/orders';

/**
 * A maker's part of an order, its status pill kept current while the page is open: "Shipped", with
 * the parcel's carrier and tracking number, as the maker sends it.
 */
export function LiveStatus({ connection, ...order }: { connection: LiveConnection } & SellerOrderToFollow) {
  const { status, tracking, live } = useLiveSellerOrder(connection, order);
  return (
    <>
      <span
        className="pill"
        data-testid="seller-order-status"
        data-live={live ? 'on' : 'off'}
        aria-live="polite"
      >
        {orderStatusLabel(status)}
      </span>
      {tracking.length > 0 && (
        <span className="maker__tracking" data-testid="tracking">
          {tracking.join(', ')}
        </span>
      )}
    </>
  );
}
