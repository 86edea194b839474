import { randomUUID } from 'node:crypto';
import {
  type CheckoutState,
  cartTax,
  checkoutTotalRows,
  formatMoney,
  privatePageMetadata,
  sellerAmountRows,
  sellerGroups,
} from '@souk/storefront-kit';
import { Link } from '@souk/storefront-kit/client';
import type { Metadata } from 'next';
import { CheckoutForm } from '@/components/CheckoutForm';
import { Thumb } from '@/components/Thumb';
import { Totals } from '@/components/Totals';
import { addressBook, store } from '@/lib/store';

// A buyer's private page: never indexed, never in the sitemap (see the kit's PRIVATE_PATHS).
export const metadata: Metadata = privatePageMetadata('Checkout');

export default async function CheckoutPage() {
  const cart = await store.getCart();
  if (!cart || cart.items.length === 0) {
    return (
      <section className="page narrow">
        <h1>Checkout</h1>
        <p>Your bag is empty.</p>
        <Link href="/products" className="btn">
          Start shopping
        </Link>
      </section>
    );
  }
  // Signed in: the cart's own address (typed in an earlier attempt) wins, else the default saved one
  // (the address book lists it first).
  const customer = await store.getCustomer();
  const saved = customer ? await addressBook.list() : [];
  const a = cart.shipping_address ?? saved[0]?.address;
  // The Idempotency-Key of this checkout attempt, made once per render of the page.
  const initial: CheckoutState = {
    idempotencyKey: randomUUID(),
    seq: 0,
    values: {
      email: cart.email ?? customer?.email ?? '',
      name: a?.name ?? '',
      line1: a?.line1 ?? '',
      line2: a?.line2 ?? '',
      city: a?.city ?? '',
      postal_code: a?.postal_code ?? '',
      region: a?.region ?? '',
      country: a?.country ?? '',
      phone: a?.phone ?? '',
    },
  };
  const images = await store.getCartImages(cart);
  // Until the cart has an address its tax is not known; the form puts the address on the cart as soon
  // as it is complete, and this summary is drawn again with that address's tax.
  const tax = cartTax(cart);
  const total = tax.known && cart.totals.total ? formatMoney(cart.totals.total) : undefined;
  return (
    <section className="page checkout">
      <h1>Checkout</h1>
      <div className="bag__layout">
        <CheckoutForm
          initial={initial}
          total={total}
          cartAddress={cart.shipping_address}
          saveAddress={customer ? { checked: saved.length === 0 } : undefined}
        />
        <aside className="summary" aria-labelledby="order-summary">
          <h2 id="order-summary">In your bag</h2>
          {sellerGroups(cart).map(({ group, items }) => (
            <section
              key={group.seller_id}
              className="summary__maker"
              aria-labelledby={`sm-${group.seller_id}`}
            >
              <h3 id={`sm-${group.seller_id}`} className="summary__maker-name">
                From {group.seller_name}
              </h3>
              <ul className="mini-lines">
                {items.map((item) => (
                  <li key={item.id}>
                    <Thumb image={images.get(item.product_handle)} title={item.product_title} />
                    <span>
                      {item.product_title}
                      <span className="muted small">
                        {' '}
                        {item.variant_title} · {item.quantity}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
              {/* Each maker ships and charges its own part; with one maker the part is the order. */}
              {cart.sellers.length > 1 && <Totals rows={sellerAmountRows(group, tax)} part />}
            </section>
          ))}
          <div aria-live="polite" data-testid="checkout-totals">
            <Totals rows={checkoutTotalRows(cart, tax)} />
            <p className="muted small">{tax.note}</p>
          </div>
        </aside>
      </div>
    </section>
  );
}
