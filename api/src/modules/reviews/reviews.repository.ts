import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

/** An order line with what the purchase rule needs: its order's owner, token and shipping state. */
export interface PurchasedLine {
  order_id: string;
  line_id: string;
  customer_id: string | null;
  access_token_hash: string;
  email: string;
  shipping_name: string | null;
  product_id: string | null;
  seller_id: string;
  fulfilled_quantity: number;
}

/** The line `lineId` of order `orderId`, whoever bought it (the service decides who may see it). */
export function findOrderLine(db: Kysely<Database>, orderId: string, lineId: string) {
  return db
    .selectFrom('order_lines as l')
    .innerJoin('seller_orders as so', 'so.id', 'l.seller_order_id')
    .innerJoin('orders as o', 'o.id', 'so.order_id')
    .select([
      'o.id as order_id',
      'l.id as line_id',
      'o.customer_id',
      'o.access_token_hash',
      'o.email',
      sql<string | null>`o.shipping_address->>'name'`.as('shipping_name'),
      'l.product_id',
      'so.seller_id',
      'l.fulfilled_quantity',
    ])
    .where('o.id', '=', orderId)
    .where('l.id', '=', lineId)
    .executeTakeFirst() as Promise<PurchasedLine | undefined>;
}

/**
 * Whether the buyer is staff of the seller: a staff member signed in as this customer (same Firebase
 * user), or invited with the order's email.
 */
export async function isSellerStaff(
  db: Kysely<Database>,
  sellerId: string,
  buyer: { customerId: string | null; email: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('seller_staff as st')
    .select('st.id')
    .where('st.seller_id', '=', sellerId)
    .where((eb) =>
      eb.or([
        eb(sql`lower(st.email)`, '=', buyer.email.toLowerCase()),
        eb(
          'st.firebase_uid',
          'in',
          eb
            .selectFrom('customers as c')
            .select('c.firebase_uid')
            .where('c.id', '=', buyer.customerId ?? ''),
        ),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** A published product of an active seller, by id or handle. */
export function findVisibleProduct(db: Kysely<Database>, idOrHandle: string) {
  return db
    .selectFrom('products as p')
    .innerJoin('sellers as s', 's.id', 'p.seller_id')
    .select(['p.id', 'p.seller_id'])
    .where('p.status', '=', 'published')
    .where('s.status', '=', 'active')
    .where((eb) => eb.or([eb('p.id', '=', idOrHandle), eb('p.handle', '=', idOrHandle)]))
    .executeTakeFirst();
}

export interface RatingRow {
  review_count: number;
  rating_sum: number;
  star_counts: number[];
}

/**
 * Creates the product's and seller's aggregate rows if missing and locks both (product first, then
 * seller: one order everywhere, so two writers never wait on each other crosswise).
 */
export async function lockRatings(trx: Kysely<Database>, productId: string, sellerId: string) {
  await trx
    .insertInto('product_ratings')
    .values({ product_id: productId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trx
    .insertInto('seller_ratings')
    .values({ seller_id: sellerId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trx
    .selectFrom('product_ratings')
    .select('product_id')
    .where('product_id', '=', productId)
    .forUpdate()
    .execute();
  await trx
    .selectFrom('seller_ratings')
    .select('seller_id')
    .where('seller_id', '=', sellerId)
    .forUpdate()
    .execute();
}

function values(stars: readonly number[]) {
  const count = stars.reduce((a, b) => a + b, 0);
  const sum = stars.reduce((a, n, i) => a + n * (i + 1), 0);
  return {
    review_count: count,
    rating_sum: sum,
    star_counts: sql<number[]>`${`{${stars.join(',')}}`}::integer[]`,
    average: count === 0 ? 0 : sum / count,
    updated_at: sql<Date>`now()`,
  };
}

/** Overwrites the product's aggregate with counts per star (index 0 = one star). */
export async function writeProductRating(trx: Kysely<Database>, productId: string, stars: readonly number[]) {
  await trx.updateTable('product_ratings').set(values(stars)).where('product_id', '=', productId).execute();
}

/** Overwrites the seller's aggregate with counts per star. */
export async function writeSellerRating(trx: Kysely<Database>, sellerId: string, stars: readonly number[]) {
  await trx.updateTable('seller_ratings').set(values(stars)).where('seller_id', '=', sellerId).execute();
}

export function productRating(db: Kysely<Database>, productId: string): Promise<RatingRow | undefined> {
  return db
    .selectFrom('product_ratings')
    .select(['review_count', 'rating_sum', 'star_counts'])
    .where('product_id', '=', productId)
    .executeTakeFirst();
}

export function sellerRatings(
  db: Kysely<Database>,
  sellerIds: readonly string[],
): Promise<(RatingRow & { seller_id: string })[]> {
  if (sellerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('seller_ratings')
    .select(['seller_id', 'review_count', 'rating_sum', 'star_counts'])
    .where('seller_id', 'in', sellerIds)
    .execute();
}
