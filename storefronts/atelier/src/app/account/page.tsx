import type { Schemas } from '@souk/sdk';
import {
  customerName,
  formatMoney,
  linesToReview,
  privatePageMetadata,
  reviewAnchor,
  signInProviderName,
} from '@souk/storefront-kit';
import { Link } from '@souk/storefront-kit/client';
import { loadAccount, SignOutForm } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import styles from '@/components/account.module.css';
import { OrderDate } from '@/components/OrderDate';
import { SavedAddresses } from '@/components/SavedAddresses';
import { Thumb } from '@/components/Thumb';
import { orderStatusLabel } from '@/lib/orders';
import { addressBook, store } from '@/lib/store';

// A buyer's private page: never indexed, never in the sitemap (see the kit's PRIVATE_PATHS).
export const metadata: Metadata = privatePageMetadata('Your account');

type Order = Schemas['Order'];

/** Orders on one page of the account; older ones are a link away. */
const ORDERS_A_PAGE = 10;

/** At most this many pieces pictured per order; the rest are counted. */
const PICTURED = 4;

function OrderCard({ order, timeZone }: { order: Order; timeZone: string | undefined }) {
  const lines = order.seller_orders.flatMap((so) => so.lines);
  const units = lines.reduce((sum, l) => sum + l.quantity, 0);
  const toReview = linesToReview(order);
  return (
    <li className={styles.order} data-testid="account-order">
      <div className={styles.orderHead}>
        <div>
          <h3 className={styles.orderDate}>
            <OrderDate iso={order.created_at} timeZone={timeZone} />
          </h3>
          <p className="muted small" data-testid="account-order-id">
            {order.id}
          </p>
        </div>
        <p className={styles.orderTotal}>
          {formatMoney(order.totals.total)}
          <span className="muted small"> · {units === 1 ? '1 piece' : `${units} pieces`}</span>
        </p>
      </div>
      <ul className={styles.pieces}>
        {lines.slice(0, PICTURED).map((line) => (
          <li key={line.id}>
            <Thumb image={line.image ?? undefined} title={line.product_title} />
            <span className="small">{line.product_title}</span>
          </li>
        ))}
        {lines.length > PICTURED && <li className={styles.more}>+{lines.length - PICTURED} more</li>}
      </ul>
      <ul className={styles.makers}>
        {order.seller_orders.map((so) => (
          <li key={so.id}>
            {so.seller_name} <span className="pill">{orderStatusLabel(so.status)}</span>
          </li>
        ))}
      </ul>
      {toReview.length > 0 && (
        <Link
          href={`/orders/${order.id}#${reviewAnchor(toReview[0] ?? '')}`}
          className={styles.toReview}
          data-testid="account-order-to-review"
        >
          {toReview.length === 1 ? '1 piece' : `${toReview.length} pieces`} to review
          <span className="visually-hidden">
            {' '}
            from your order of <OrderDate iso={order.created_at} timeZone={timeZone} />
          </span>
        </Link>
      )}
      <Link href={`/orders/${order.id}`} className={styles.orderLink} data-testid="account-order-link">
        View order
        <span className="visually-hidden">
          {' '}
          of <OrderDate iso={order.created_at} timeZone={timeZone} />
        </span>
      </Link>
    </li>
  );
}

/** The signed-in shopper's orders from every maker and their profile; signed out, it asks to sign in. */
export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orders: olderThan } = await searchParams;
  const { customer, orders, orderPages, addresses, csrfToken } = await loadAccount(store, addressBook, {
    orderLimit: ORDERS_A_PAGE,
    olderThan,
  });
  const timeZone = await store.getTimeZone();
  return (
    <section className={`page ${styles.account}`} data-testid="account">
      <header className={styles.accountHead}>
        <div>
          <p className="eyebrow">Your account</p>
          <h1 className={styles.hello}>Hello, {customerName(customer)}</h1>
        </div>
        <SignOutForm csrfToken={csrfToken} className="btn btn--ghost" />
      </header>
      <div className={styles.accountLayout}>
        <section aria-labelledby="orders-heading">
          <h2 id="orders-heading" className={styles.sectionTitle}>
            Your orders
          </h2>
          {orders.length === 0 ? (
            <div className={styles.empty}>
              <p>No orders yet. What you buy while signed in shows here, from every maker.</p>
              <Link href="/products" className="btn">
                Explore the shop
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
            <nav className={styles.orderPages} aria-label="More of your orders" data-testid="order-pages">
              {orderPages.latest && <Link href={orderPages.latest}>← Latest orders</Link>}
              {orderPages.older && (
                <Link href={orderPages.older} rel="next" className={styles.older}>
                  Older orders →
                </Link>
              )}
            </nav>
          )}
        </section>
        <aside className={styles.profile} aria-labelledby="profile-heading">
          <h2 id="profile-heading" className={styles.sectionTitle}>
            Your details
          </h2>
          <dl className={styles.facts}>
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
                  {customer.email}
                  {!customer.email_verified && <span className={styles.unverified}> (not verified yet)</span>}
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
              <dt>With us since</dt>
              <dd>
                <OrderDate iso={customer.created_at} timeZone={timeZone} />
              </dd>
            </div>
          </dl>
          <SavedAddresses addresses={addresses} />
        </aside>
      </div>
    </section>
  );
}
