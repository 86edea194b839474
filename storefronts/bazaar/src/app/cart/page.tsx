import type { Cart, CartItem } from '@souk/sdk';
import {
  cartPageMetadata,
  cartTax,
  checkoutTotalRows,
  formatMoney,
  type Image,
  sellerAmountRows,
  sellerGroups,
} from '@souk/storefront-kit';
import type { Metadata } from 'next';
import { CartLineControls } from '@/components/CartLineControls';
import { LiveCart } from '@/components/LiveCart';
import { MoneyRows } from '@/components/MoneyRows';
import { ProductImage } from '@/components/ProductImage';
import { NewArrivals } from '@/components/RelatedProducts';
import { cartFingerprint } from '@/lib/cart-fingerprint';
import { config } from '@/lib/config';
import { store } from '@/lib/store';

// Indexable (a crawler sees only an empty cart), never in the sitemap: see the kit's cartPageMetadata.
export const metadata: Metadata = cartPageMetadata('Your cart');

/** Problems about lines or sellers; `cart_incomplete` (no address yet) is for the checkout page. */
function lineProblems(cart: Cart) {
  return cart.problems.filter((p) => p.item_id !== null || p.seller_id !== null);
}

function Line({ item, cart, image }: { item: CartItem; cart: Cart; image: Image | undefined }) {
  const problem = cart.problems.find((p) => p.item_id === item.id);
  return (
    <li className="cart-line" data-testid="cart-line">
      <ProductImage
        image={image}
        fallbackAlt={item.product_title}
        className="thumb"
        sizes="72px"
        maxWidth={160}
      />
      <div className="cart-line__info">
        <a href={`/products/${item.product_handle}`} className="cart-line__title">
          {item.product_title}
        </a>
        <span className="muted">{item.variant_title}</span>
        {item.unit_price && <span className="muted">{formatMoney(item.unit_price)} each</span>}
        {problem && (
          <span className="form-message form-message--error" data-problem={problem.code}>
            {problem.detail}
          </span>
        )}
      </div>
      <CartLineControls itemId={item.id} quantity={item.quantity} title={item.product_title} />
      <span className="cart-line__subtotal">
        {item.subtotal ? formatMoney(item.subtotal) : 'Unavailable'}
      </span>
    </li>
  );
}

/** Follows the cart's room: a change made elsewhere re-renders this page in place. */
function Live({ cart }: { cart: Cart }) {
  return <LiveCart connection={config.liveConnection} cartId={cart.id} shown={cartFingerprint(cart)} />;
}

export default async function CartPage() {
  const cart = await store.getCart();
  if (!cart || cart.items.length === 0) {
    return (
      <>
        <section className="narrow">
          <h1>Your cart</h1>
          <p data-testid="cart-empty">Your cart is empty.</p>
          {cart && <Live cart={cart} />}
          <a href="/products" className="button button--primary">
            Start shopping
          </a>
        </section>
        <NewArrivals currency={await store.getCurrency()} />
      </>
    );
  }
  const images = await store.getCartImages(cart);
  const grouped = new Set(cart.sellers.flatMap((g) => g.item_ids));
  const unavailable = cart.items.filter((i) => !grouped.has(i.id));
  const problems = lineProblems(cart);
  // Tax depends on the shipping country: until the buyer gave one, the API's tax of 0 is not the tax
  // (and its total is the total before tax).
  const tax = cartTax(cart);

  return (
    <section className="cart">
      <h1>Your cart</h1>
      <p className="muted">
        Prices in {cart.currency}. Each seller ships their items separately, with their own shipping rate.
      </p>
      <Live cart={cart} />
      <div className="cart__layout">
        <div>
          {sellerGroups(cart).map(({ group, items }) => (
            <section key={group.seller_id} className="seller-group" aria-labelledby={`sg-${group.seller_id}`}>
              <h2 id={`sg-${group.seller_id}`}>Sold by {group.seller_name}</h2>
              <ul className="cart-lines">
                {items.map((item) => (
                  <Line key={item.id} item={item} cart={cart} image={images.get(item.product_handle)} />
                ))}
              </ul>
              <MoneyRows rows={sellerAmountRows(group, tax, 'At checkout')} />
            </section>
          ))}
          {unavailable.length > 0 && (
            <section className="seller-group" aria-labelledby="sg-unavailable">
              <h2 id="sg-unavailable">No longer available</h2>
              <ul className="cart-lines">
                {unavailable.map((item) => (
                  <Line key={item.id} item={item} cart={cart} image={images.get(item.product_handle)} />
                ))}
              </ul>
            </section>
          )}
        </div>
        <aside className="summary" aria-labelledby="summary-title">
          <h2 id="summary-title">Summary</h2>
          <MoneyRows testId="cart-totals" rows={checkoutTotalRows(cart, tax, 'At checkout')} />
          {problems.length > 0 && (
            <ul className="problems" role="alert">
              {problems.map((p) => (
                <li key={`${p.code}-${p.item_id ?? p.seller_id}`}>{p.detail}</li>
              ))}
            </ul>
          )}
          <a href="/checkout" className="button button--primary button--block">
            Checkout
          </a>
        </aside>
      </div>
    </section>
  );
}
