import type { Order } from '@souk/sdk';
import { countryName, formatMoney, privatePageMetadata } from '@souk/storefront-kit';
import { Link } from '@souk/storefront-kit/client';
import { isNotFound } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { Thumb } from '@/components/Thumb';
import { Totals } from '@/components/Totals';
import { store } from '@/lib/store';

// A buyer's private page: never indexed, never in the sitemap (see the kit's PRIVATE_PATHS).
export const metadata: Metadata = privatePageMetadata('Thank you');

/** The order, readable only with the access token checkout returned (kept in an httpOnly cookie). */
async function loadOrder(id: string): Promise<Order | null> {
  const token = (await cookies()).get(store.config.cookies.orderToken)?.value;
  if (!token) return null;
  try {
    return await store.souk.store.orders.get(id, token);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

const statusLabels: Record<string, string> = {
  open: 'Being prepared',
  partially_fulfilled: 'Partly shipped',
  fulfilled: 'Shipped',
  cancelled: 'Cancelled',
};

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const order = await loadOrder(id);
  if (!order) {
    return (
      <section className="page narrow">
        <h1>Order not available</h1>
        <p>
          This order can only be shown in the browser it was placed in. Your confirmation email has the
          details.
        </p>
        <Link href="/" prefetch={false}>
          Back to the shop
        </Link>
      </section>
    );
  }
  const a = order.shipping_address;
  const makers = order.seller_orders.length;
  return (
    <section className="page thanks" data-testid="confirmation">
      <p className="eyebrow">Order {order.id}</p>
      <h1>Thank you. Your makers are on it.</h1>
      <p className="thanks__lede">
        A confirmation is on its way to <strong>{order.email}</strong>. Your order ships from {makers}{' '}
        {makers === 1 ? 'maker' : 'makers'}, each sending their own parcel.
      </p>
      <div className="bag__layout">
        <div>
          {order.seller_orders.map((so) => (
            <section key={so.id} className="maker" aria-labelledby={`so-${so.id}`} data-testid="seller-order">
              <h2 id={`so-${so.id}`} className="maker__name">
                {so.seller_name} <span className="pill">{statusLabels[so.status] ?? so.status}</span>
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
