import {
  countryName,
  formatMoney,
  lineReviewState,
  privatePageMetadata,
  reviewAnchor,
} from '@souk/storefront-kit';
import { Link } from '@souk/storefront-kit/client';
import type { Metadata } from 'next';
import { LiveStatus } from '@/components/LiveStatus';
import { OrderDate } from '@/components/OrderDate';
import { ReviewForm } from '@/components/ReviewForm';
import { Stars } from '@/components/Reviews';
import { Thumb } from '@/components/Thumb';
import { Totals } from '@/components/Totals';
import { orderStatusLabel } from '@/lib/orders';
import { store } from '@/lib/store';

// A buyer's private page: never indexed, never in the sitemap (see the kit's PRIVATE_PATHS).
export const metadata: Metadata = privatePageMetadata('Thank you');

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const order = await store.getOrder(id);
  if (!order) {
    return (
      <section className="page narrow">
        <h1>Order not available</h1>
        <p>
          An order shows in the browser it was placed in, and in the account of the shopper who placed it
          signed in. Your confirmation email has the details.
        </p>
        <p>
          <a href={`/sign-in?return_to=${encodeURIComponent(`/orders/${id}`)}`}>Sign in</a> ·{' '}
          <Link href="/">Back to the shop</Link>
        </p>
      </section>
    );
  }
  const a = order.shipping_address;
  const makers = order.seller_orders.length;
  return (
    <section className="page thanks" data-testid="confirmation">
      {order.token === null ? (
        // Opened from the account, perhaps long after checkout: no thanks, just the order.
        <>
          <p className="eyebrow">
            <Link href="/account">Your account</Link> · Order {order.id}
          </p>
          <h1>
            Your order of <OrderDate iso={order.created_at} timeZone={await store.getTimeZone()} />
          </h1>
          <p className="thanks__lede">
            It ships from {makers} {makers === 1 ? 'maker' : 'makers'}, each sending their own parcel.
          </p>
        </>
      ) : (
        <>
          <p className="eyebrow">Order {order.id}</p>
          <h1>Thank you. Your makers are on it.</h1>
          <p className="thanks__lede">
            A confirmation is on its way to <strong>{order.email}</strong>. Your order ships from {makers}{' '}
            {makers === 1 ? 'maker' : 'makers'}, each sending their own parcel.
          </p>
        </>
      )}
      <div className="bag__layout">
        <div>
          {order.seller_orders.map((so) => (
            <section key={so.id} className="maker" aria-labelledby={`so-${so.id}`} data-testid="seller-order">
              <h2 id={`so-${so.id}`} className="maker__name">
                {so.seller_name}{' '}
                {order.liveToken === null ? (
                  <span className="pill" data-testid="seller-order-status">
                    {orderStatusLabel(so.status)}
                  </span>
                ) : (
                  <LiveStatus
                    connection={store.config.liveConnection}
                    orderId={order.id}
                    sellerOrderId={so.id}
                    token={order.liveToken}
                    initialStatus={so.status}
                  />
                )}
              </h2>
              <ul className="lines">
                {so.lines.map((line) => (
                  <li key={line.id} className="line" data-testid="order-line">
                    <Thumb image={line.image ?? undefined} title={line.product_title} />
                    <div className="line__info">
                      <span className="line__title">{line.product_title}</span>
                      <span className="muted">
                        {line.variant_title} · Qty {line.quantity}
                      </span>
                    </div>
                    <span className="line__price">{formatMoney(line.subtotal)}</span>
                    {lineReviewState(line) === 'open' && (
                      <div className="line__review" id={reviewAnchor(line.id)}>
                        <ReviewForm orderId={order.id} lineId={line.id} title={line.product_title} />
                      </div>
                    )}
                    {line.review && (
                      <p className="line__review review-done" role="status" data-testid="review-done">
                        <Stars
                          value={line.review.rating}
                          label={`You rated it ${line.review.rating} out of 5`}
                        />
                        {line.product_id ? (
                          <span>
                            Reviewed ·{' '}
                            {/* A page load, not the router: the product page redirects the id to its handle, and
                                the router drops the fragment on a redirect where a browser keeps it. */}
                            <a className="review-done__link" href={`/products/${line.product_id}#reviews`}>
                              read it on the piece’s page
                            </a>
                          </span>
                        ) : (
                          <span>Reviewed</span>
                        )}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
              <Totals
                rows={[
                  { label: 'Shipping', value: so.totals.shipping },
                  { label: 'Tax', value: so.totals.tax },
                  { label: 'Total', value: so.totals.total, strong: true },
                ]}
              />
            </section>
          ))}
        </div>
        <aside className="summary" aria-labelledby="order-total">
          <h2 id="order-total">Order total</h2>
          <Totals
            testId="order-totals"
            rows={[
              { label: 'Subtotal', value: order.totals.subtotal },
              { label: 'Shipping', value: order.totals.shipping },
              { label: 'Tax', value: order.totals.tax },
              { label: 'Total', value: order.totals.total, strong: true },
            ]}
          />
          <h3>Delivering to</h3>
          <address>
            {a.name}
            <br />
            {a.line1}
            {a.line2 && (
              <>
                <br />
                {a.line2}
              </>
            )}
            <br />
            {a.postal_code} {a.city}
            {a.region ? `, ${a.region}` : ''}
            <br />
            {countryName(a.country)}
          </address>
          <p className="muted small">Payment: {order.payment.status} (test provider)</p>
        </aside>
      </div>
      <Link href="/products" className="btn btn--ghost">
        Continue shopping
      </Link>
    </section>
  );
}
