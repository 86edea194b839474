'use client';

import { type LiveConnection, useLiveRoom } from '@souk/storefront-kit/live';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { cartFingerprint } from '@/lib/cart-fingerprint';

/**
 * Keeps the cart page current: the cart's room sends the cart after every change (another tab or
 * device, a price or stock change), and when it differs from what is shown the page re-renders on the
 * server in place (no reload, scroll and focus kept), so lines, groups and totals stay one rendering.
 */
export function LiveCart({
  connection,
  cartId,
  shown,
}: {
  connection: LiveConnection;
  cartId: string;
  /** `cartFingerprint` of the cart the page rendered. */
  shown: string;
}) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const live = useLiveRoom(connection, `cart:${cartId}`, (event) => {
    if (event.type === 'cart.updated' && cartFingerprint(event.data) !== shown)
      startTransition(() => router.refresh());
  });
  return (
    <p
      className="muted live-note"
      data-testid="live-cart"
      data-live={live ? 'on' : 'off'}
      data-refreshing={refreshing ? 'true' : 'false'}
      aria-live="polite"
    >
      {live ? 'Updates live from your other tabs and devices.' : ''}
    </p>
  );
}
