'use client';

import { Link } from '@souk/storefront-kit/client';
import { useCookie } from '@/lib/browser-cookies';
import { CART_COUNT_COOKIE } from '@/lib/cookies';

/** The header's cart link with the number of units (a display hint; the cart itself is server-side). */
export function CartLink() {
  const count = Number(useCookie(CART_COUNT_COOKIE) ?? 0) || 0;
  const label = count === 1 ? '1 item' : `${count} items`;
  return (
    <Link href="/cart" className="cart-link" data-testid="cart-link">
      Cart
      {count > 0 && (
        <span className="cart-link__count">
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">, {label}</span>
        </span>
      )}
    </Link>
  );
}
