import { cartPageMetadata, checkoutTotalRows, formatMoney, sellerGroups } from '@souk/storefront-kit';
import type { Metadata } from 'next';
import { LineQuantity } from '@/components/LineQuantity';
import { NewIn } from '@/components/Related';
import { Thumb } from '@/components/Thumb';
import { Totals } from '@/components/Totals';
import { store } from '@/lib/store';

// Indexable (a crawler sees only an empty cart), never in the sitemap: see the kit's cartPageMetadata.
export const metadata: Metadata = cartPageMetadata('Your bag');

export default async function CartPage() {
  const cart = await store.getCart();
  if (!cart || cart.items.length === 0) {
    return (
      <>
        <section className="page narrow">
          <h1>Your bag</h1>
          <p data-testid="cart-empty">Your bag is empty — the collection is waiting.</p>
          <a href="/products" className="btn">
            Start shopping
          </a>
        </section>
        <NewIn currency={await store.getCurrency()} />
      </>
    );
  }
  const images = await store.getCartImages(cart);
  const problems = cart.problems.filter((p) => p.item_id !== null || p.seller_id !== null);
  return (
    <section className="page cart-page">
      <h1>Your bag</h1>
      <div className="bag__layout">
        <div>
          {sellerGroups(cart).map(({ group, items }) => (
            <section key={group.seller_id} className="maker" aria-labelledby={`m-${group.seller_id}`}>
              <h2 id={`m-${group.seller_id}`} className="maker__name">
                From {group.seller_name}
              </h2>
              <ul className="lines">
                {items.map((item) => {
                  const problem = cart.problems.find((p) => p.item_id === item.id);
                  return (
                    <li key={item.id} className="line" data-testid="cart-line">
                      <Thumb image={images.get(item.product_handle)} title={item.product_title} />
                      <div className="line__info">
                        <a href={`/products/${item.product_handle}`} className="line__title">
                          {item.product_title}
                        </a>
                        <span className="muted">{item.variant_title}</span>
                        {problem && (
                          <span className="field__error" data-problem={problem.code}>
                            {problem.detail}
                          </span>
                        )}
                        <LineQuantity itemId={item.id} quantity={item.quantity} title={item.product_title} />
                      </div>
                      <span className="line__price">
                        {item.subtotal ? formatMoney(item.subtotal) : 'Unavailable'}
                      </span>
                    </li>
                  );
                })}
              </ul>
              <p className="maker__ship muted">
                Shipping from {group.seller_name}:{' '}
                {group.shipping ? formatMoney(group.shipping) : 'not available'}
              </p>
            </section>
          ))}
        </div>
        <aside className="summary" aria-labelledby="summary-title">
          <h2 id="summary-title">Summary</h2>
          <Totals testId="cart-totals" rows={checkoutTotalRows(cart, undefined, 'At checkout')} />
          {problems.length > 0 && (
            <ul className="alert" role="alert">
              {problems.map((p) => (
                <li key={`${p.code}-${p.item_id ?? p.seller_id}`}>{p.detail}</li>
              ))}
            </ul>
          )}
          <a href="/checkout" className="btn btn--block">
            Checkout
          </a>
          <p className="muted small">Prices in {cart.currency}. Each maker ships separately.</p>
        </aside>
      </div>
    </section>
  );
}
