import { randomUUID } from 'node:crypto';
import {
  type CheckoutState,
  cartTax,
  checkoutTotalRows,
  formatMoney,
  privatePageMetadata,
  sameAddress,
  sellerAmountRows,
  sellerGroups,
} from '@souk/storefront-kit';
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
  // attempt, or put there by the form to price it) wins over the default; without one, the form starts
  // from the default. A cart address that is one of the saved ones is that one, picked.
  const customer = await store.getCustomer();
  const addresses = customer ? await addressBook.list() : [];
  const saved = addresses[0];
  const address = cart.shipping_address ?? saved?.address;
  const own = cart.shipping_address;
  const pickedId = own ? addresses.find((a) => sameAddress(a.address, own))?.id : saved?.id;
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
  const images = await store.getCartImages(cart);
  // Until the cart has an address its tax is not known; the form puts the address on the cart as soon
  // as it is complete, and this summary is drawn again with that address's tax.
  const tax = cartTax(cart);
  const total = tax.known && cart.totals.total ? formatMoney(cart.totals.total) : undefined;
  return (
    <section className="checkout">
      <h1>Checkout</h1>
      <div className="checkout__layout">
        <CheckoutForm
          initial={initial}
          total={total}
          cartAddress={cart.shipping_address}
          addresses={addresses}
          pickedId={pickedId}
          signedIn={customer !== null}
        />
        <aside className="summary" aria-labelledby="order-summary">
          <h2 id="order-summary">Your order</h2>
          {sellerGroups(cart).map(({ group, items }) => (
            <div key={group.seller_id} className="summary__group">
              <h3>{group.seller_name}</h3>
              <ul>
                {items.map((item) => (
                  <li key={item.id} className="summary__line">
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
                ))}
              </ul>
              {/* One seller's amounts would repeat the order's below. */}
              {cart.sellers.length > 1 && <MoneyRows rows={sellerAmountRows(group, tax)} />}
            </div>
          ))}
          <div aria-live="polite" data-testid="checkout-totals" className="summary__totals">
            <MoneyRows rows={checkoutTotalRows(cart, tax)} />
            <p className="muted">{tax.note}</p>
          </div>
        </aside>
      </div>
    </section>
  );
}
