'use client';

import { useCookie } from '@souk/storefront-kit/client';
import { CART_COUNT_COOKIE } from '@/lib/cookies';

/**
 * The header's cart link with the number of units (a display hint; the cart itself is server-side).
 * A plain anchor: a `next/link` here put its chunk on every page for one link.
 */
export function CartLink() {
  const count = Number(useCookie(CART_COUNT_COOKIE) ?? 0) || 0;
  const label = count === 1 ? '1 item' : `${count} items`;
  return (
    <a href="/cart" className="cart-link" data-testid="cart-link">
      Cart
      {count > 0 && (
        <span className="cart-link__count">
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">, {label}</span>
        </span>
      )}
    </a>
  );
}
