import { randomUUID } from 'node:crypto';
import type { CheckoutState } from '@souk/storefront-kit';
import { privatePageMetadata } from '@souk/storefront-kit';
import { Link } from '@souk/storefront-kit/client';
import type { Metadata } from 'next';
import { CheckoutForm } from '@/components/CheckoutForm';
import { MoneyRows } from '@/components/MoneyRows';
import { ProductImage } from '@/components/ProductImage';
import { addressBook, store } from '@/lib/store';

// A buyer's private page: never indexed, never in the sitemap (see the kit's PRIVATE_PATHS).
export const metadata: Metadata = privatePageMetadata('Checkout');

export default async function CheckoutPage() {
  const cart = await store.getCart();
  if (!cart || cart.items.length === 0) {
    return (
      <section className="narrow">
        <h1>Checkout</h1>
        <p>Your cart is empty.</p>
        <Link href="/products" className="button button--primary">
          Start shopping
        </Link>
      </section>
    );
  }
  // Signed in: the saved addresses, the default first. The cart's own address (typed in an earlier
  // attempt) wins over the default; without one, the form starts from the default.
  const customer = await store.getCustomer();
  const addresses = customer ? await addressBook.list() : [];
  const saved = addresses[0];
  const address = cart.shipping_address ?? saved?.address;
  // The Idempotency-Key of this checkout attempt, made once per render of the page.
  const initial: CheckoutState = {
    idempotencyKey: randomUUID(),
    seq: 0,
    values: {
      email: cart.email ?? customer?.email ?? '',
      name: address?.name ?? '',
      line1: address?.line1 ?? '',
      line2: address?.line2 ?? '',
      city: address?.city ?? '',
      postal_code: address?.postal_code ?? '',
      region: address?.region ?? '',
      country: address?.country ?? '',
      phone: address?.phone ?? '',
    },
  };
  const items = new Map(cart.items.map((i) => [i.id, i]));
  const images = await store.getCartImages(cart);
  return (
    <section className="checkout">
      <h1>Checkout</h1>
      <div className="checkout__layout">
        <CheckoutForm
          initial={initial}
          addresses={addresses}
          pickedId={cart.shipping_address ? undefined : saved?.id}
          signedIn={customer !== null}
        />
        <aside className="summary" aria-labelledby="order-summary">
          <h2 id="order-summary">Your order</h2>
          {cart.sellers.map((group) => (
            <div key={group.seller_id} className="summary__group">
              <h3>{group.seller_name}</h3>
              <ul>
                {group.item_ids.map((id) => {
                  const item = items.get(id);
                  return item ? (
                    <li key={id} className="summary__line">
                      <ProductImage
                        image={images.get(item.product_handle)}
                        fallbackAlt={item.product_title}
                        className="thumb"
                        sizes="48px"
                        maxWidth={160}
                      />
                      <span>
                        {item.quantity} × {item.product_title}{' '}
                        <span className="muted">({item.variant_title})</span>
                      </span>
                    </li>
                  ) : null;
                })}
              </ul>
              <MoneyRows
                rows={[
                  { label: 'Items', value: group.subtotal },
                  { label: 'Shipping', value: group.shipping, pending: 'Not available' },
                ]}
              />
            </div>
          ))}
          <MoneyRows
            rows={[
              { label: 'Subtotal', value: cart.totals.subtotal },
              { label: 'Shipping', value: cart.totals.shipping, pending: 'Not available' },
              { label: 'Tax', value: cart.totals.tax, pending: 'Depends on the address' },
              { label: 'Total', value: cart.totals.total, pending: '—', strong: true },
            ]}
          />
          <p className="muted">
            Tax depends on the shipping country and is confirmed when you place the order.
          </p>
        </aside>
      </div>
    </section>
  );
}
