import { cartPageMetadata, formatMoney } from '@souk/storefront-kit';
import type { Metadata } from 'next';
import { store } from '@/lib/store';

// Indexable (a crawler sees only an empty cart), never in a sitemap: see the kit's cartPageMetadata.
export const metadata: Metadata = cartPageMetadata('Your cart');

export default async function CartPage() {
  const cart = await store.getCart();
  if (!cart || cart.items.length === 0) return <h1>Your cart is empty</h1>;
  return (
    <>
      <h1>Your cart</h1>
      <ul className="lines">
        {cart.items.map((item) => (
          <li key={item.id} data-testid="cart-line">
            {item.quantity} × {item.product_title} ({item.variant_title})
          </li>
        ))}
      </ul>
      <p>Subtotal {formatMoney(cart.totals.subtotal)}</p>
    </>
  );
}
