import type { Schemas } from '@souk/sdk';
import {
  customerName,
  formatMoney,
  linesToReview,
  privatePageMetadata,
  reviewAnchor,
  signInProviderName,
} from '@souk/storefront-kit';
import { Link, ShopperDate } from '@souk/storefront-kit/client';
import { loadAccount, SignOutForm } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import { AddressBook } from '@/components/AddressBook';
import styles from '@/components/account.module.css';
import { orderStatusLabel } from '@/lib/order-status';
import { addressBook, store } from '@/lib/store';

// A buyer's private page: never indexed, never in the sitemap (see the kit's PRIVATE_PATHS).
export const metadata: Metadata = privatePageMetadata('Your account');

type Order = Schemas['Order'];

/** A date on the shopper's day: the server's guess (`store.getTimeZone()`), then the browser's zone. */
const MEDIUM: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

function OrderCard({ order, timeZone }: { order: Order; timeZone: string | undefined }) {
  const toReview = linesToReview(order);
  return (
    <li className={styles.order} data-testid="account-order">
      <Link href={`/orders/${order.id}`} className={`${styles.orderHead} ${styles.orderLink}`}>
        <div>
          <p className={styles.orderDate}>
            <ShopperDate iso={order.created_at} options={MEDIUM} timeZone={timeZone} />
          </p>
          <p className="muted" data-testid="account-order-id">
            {order.id}
          </p>
        </div>
        <p className={styles.orderTotal}>{formatMoney(order.totals.total)}</p>
      </Link>
      <ul className={styles.sellerOrders}>
        {order.seller_orders.map((so) => (
          <li key={so.id}>
            <div className={styles.sellerOrderHead}>
              <strong>{so.seller_name}</strong>
              <span className={`badge ${styles.status}`} data-status={so.status}>
                {orderStatusLabel(so.status)}
              </span>
            </div>
            <p className="muted">{so.lines.map((l) => `${l.quantity} × ${l.product_title}`).join(' · ')}</p>
          </li>
        ))}
      </ul>
      <div className={styles.orderFoot}>
        {toReview.length > 0 && (
          <Link
            href={`/orders/${order.id}#${reviewAnchor(toReview[0] ?? '')}`}
            className={styles.toReview}
            data-testid="account-order-to-review"
          >
            Review {toReview.length === 1 ? '1 item' : `${toReview.length} items`}
            <span className="visually-hidden"> of order {order.id}</span>
          </Link>
        )}
        <Link href={`/orders/${order.id}`} data-testid="account-order-link">
          View order<span className="visually-hidden"> {order.id}</span> →
        </Link>
      </div>
    </li>
  );
}

/** The signed-in shopper's profile and orders across sellers; signed out, it sends them to sign in. */
export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orders: olderThan } = await searchParams;
  const { customer, orders, orderPages, addresses, csrfToken } = await loadAccount(store, addressBook, {
    olderThan,
  });
  const timeZone = await store.getTimeZone();
  return (
    <section className={styles.account} data-testid="account">
      <header className={styles.accountHead}>
        <div>
          <p className="eyebrow">Your account</p>
          <h1 className={styles.title}>Hello, {customerName(customer)}</h1>
        </div>
        <SignOutForm csrfToken={csrfToken} className="button" />
      </header>
      <div className={styles.accountLayout}>
        <div className={styles.sidebar}>
          <aside className={styles.card} aria-labelledby="profile-heading">
            <h2 id="profile-heading" className={styles.cardTitle}>
              Profile
            </h2>
            <dl className={styles.profile}>
              {customer.name && (
                <div>
                  <dt>Name</dt>
                  <dd>{customer.name}</dd>
                </div>
              )}
              {customer.email && (
                <div>
                  <dt>Email</dt>
                  <dd data-testid="account-email">
                    {customer.email}{' '}
                    {!customer.email_verified && <span className="badge badge--muted">not verified</span>}
                  </dd>
                </div>
              )}
              {customer.phone && (
                <div>
                  <dt>Phone</dt>
                  <dd>{customer.phone}</dd>
                </div>
              )}
              <div>
                <dt>Signed in with</dt>
                <dd>{signInProviderName(customer.sign_in_provider)}</dd>
              </div>
              <div>
                <dt>Member since</dt>
                <dd>
                  <ShopperDate iso={customer.created_at} options={MEDIUM} timeZone={timeZone} />
                </dd>
              </div>
            </dl>
          </aside>
          <AddressBook addresses={addresses} />
        </div>
        <section aria-labelledby="orders-heading">
          <h2 id="orders-heading" className={styles.cardTitle}>
            Orders
          </h2>
          {orders.length === 0 ? (
            <div className={styles.empty}>
              <p>No orders yet. Orders you place while signed in appear here, from every seller.</p>
              <Link href="/products" className="button button--primary">
                Start shopping
              </Link>
            </div>
          ) : (
            <ul className={styles.orders}>
              {orders.map((order) => (
                <OrderCard key={order.id} order={order} timeZone={timeZone} />
              ))}
            </ul>
          )}
          {(orderPages.latest || orderPages.older) && (
            <nav aria-label="More of your orders" className="pagination" data-testid="order-pages">
              {orderPages.latest ? (
                <a href={orderPages.latest} className="button pagination__first">
                  ← Latest orders
                </a>
              ) : (
                <span />
              )}
              <span />
              {orderPages.older ? (
                <a href={orderPages.older} rel="next" className="button">
                  Older orders →
                </a>
              ) : (
                <span />
              )}
            </nav>
          )}
        </section>
      </div>
    </section>
  );
}
