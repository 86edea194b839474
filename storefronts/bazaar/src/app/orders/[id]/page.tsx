import {
  countryName,
  formatMoney,
  lineReviewState,
  privatePageMetadata,
  reviewAnchor,
} from '@souk/storefront-kit';
import { Link, ShopperDate } from '@souk/storefront-kit/client';
import type { Metadata } from 'next';
import { LiveOrderStatus } from '@/components/LiveOrderStatus';
import { MoneyRows } from '@/components/MoneyRows';
import { ProductImage } from '@/components/ProductImage';
import { Stars } from '@/components/RatingStars';
import { ReviewForm } from '@/components/ReviewForm';
import { config } from '@/lib/config';
import { orderStatusLabel } from '@/lib/order-status';
import { store } from '@/lib/store';

/** The order's date, on the shopper's day (see the kit's `ShopperDate`). */
const LONG: Intl.DateTimeFormatOptions = { dateStyle: 'long' };

// A buyer's private page: never indexed, never in the sitemap (see the kit's PRIVATE_PATHS).
export const metadata: Metadata = privatePageMetadata('Order confirmation');

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const order = await store.getOrder(id);
  if (!order) {
    return (
      <section className="narrow">
        <h1>Order not available</h1>
        <p>
          This order can only be shown in the browser it was placed in, or in your account if you were signed
          in when you placed it. Check your email for the confirmation.
        </p>
        <Link href="/">Back to the shop</Link>
      </section>
    );
  }
  const a = order.shipping_address;
  return (
    <section className="confirmation" data-testid="confirmation">
      {order.token === null ? (
        <>
          <p className="eyebrow">
            <Link href="/account">Your account</Link> · Order
          </p>
          <h1>
            Placed on{' '}
            <ShopperDate iso={order.created_at} options={LONG} timeZone={await store.getTimeZone()} />
          </h1>
        </>
      ) : (
        <>
          <p className="eyebrow">Order confirmation</p>
          <h1>Thank you — your order is placed</h1>
        </>
      )}
      <p className="confirmation__intro">
        Order number <strong data-testid="order-id">{order.id}</strong>, for <strong>{order.email}</strong>.
        It ships from {order.seller_orders.length} {order.seller_orders.length === 1 ? 'seller' : 'sellers'},
        and each ships their part separately.
      </p>
      <div className="confirmation__layout">
        <div>
          {order.seller_orders.map((so) => (
            <section
              key={so.id}
              className="seller-group"
              aria-labelledby={`so-${so.id}`}
              data-testid="seller-order"
            >
              <h2 id={`so-${so.id}`}>
                {so.seller_name}{' '}
                {order.liveToken === null ? (
                  <span className="badge" data-testid="seller-order-status">
                    {orderStatusLabel(so.status)}
                  </span>
                ) : (
                  <LiveOrderStatus
                    connection={config.liveConnection}
                    orderId={order.id}
                    sellerOrderId={so.id}
                    token={order.liveToken}
                    initialStatus={so.status}
                  />
                )}
              </h2>
              <p className="muted">Seller order {so.id}</p>
              <ul className="order-lines">
                {so.lines.map((line) => (
                  <li key={line.id} className="order-line" data-testid="order-line">
                    <ProductImage
                      image={line.image}
                      fallbackAlt={line.product_title}
                      className="thumb"
                      sizes="56px"
                      maxWidth={160}
                    />
                    <span className="order-line__info">
                      {line.quantity} × {line.product_title}{' '}
                      <span className="muted">({line.variant_title})</span>
                    </span>
                    <span>{formatMoney(line.subtotal)}</span>
                  </li>
                ))}
              </ul>
              {so.lines.map((line) =>
                line.review ? (
                  <p
                    key={`review-${line.id}`}
                    className="reviewed-line"
                    role="status"
                    data-testid="review-done"
                  >
                    <Stars value={line.review.rating} label={`You rated it ${line.review.rating} out of 5`} />
                    <span>
                      Thank you for reviewing your {line.product_title}
                      {line.product_id && (
                        <>
                          {' · '}
                          {/* A page load, not the router: the product page redirects the id to its handle, and the
                              router drops the fragment on a redirect where a browser keeps it. */}
                          <a href={`/products/${line.product_id}#reviews`}>See your review</a>
                        </>
                      )}
                    </span>
                  </p>
                ) : (
                  lineReviewState(line) === 'open' && (
                    <div key={`review-${line.id}`} id={reviewAnchor(line.id)}>
                      <p className="muted">Shipped — how is your {line.product_title}?</p>
                      <ReviewForm orderId={order.id} lineId={line.id} productTitle={line.product_title} />
                    </div>
                  )
                ),
              )}
              <MoneyRows
                rows={[
                  { label: 'Items', value: so.totals.subtotal },
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
          <MoneyRows
            testId="order-totals"
            rows={[
              { label: 'Subtotal', value: order.totals.subtotal },
              { label: 'Shipping', value: order.totals.shipping },
              { label: 'Tax', value: order.totals.tax },
              { label: 'Total', value: order.totals.total, strong: true },
            ]}
          />
          <h3>Shipping to</h3>
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
          <p className="muted">Payment: {order.payment.status} (test provider)</p>
        </aside>
      </div>
      <Link href="/products" className="button">
        Continue shopping
      </Link>
    </section>
  );
}
