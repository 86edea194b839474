import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type RealtimeChannel, realtimeChannels } from '../../generated/realtime.js';

/** Whether a product exists and is published (a storefront may watch only what it may read). */
export async function isProductPublished(db: Kysely<Database>, productId: string): Promise<boolean> {
  const row = await db
    .selectFrom('products')
    .select('id')
    .where('id', '=', productId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a cart exists (any status: a checked-out cart still shows as completed). */
export async function cartExists(db: Kysely<Database>, cartId: string): Promise<boolean> {
  const row = await db.selectFrom('carts').select('id').where('id', '=', cartId).executeTakeFirst();
  return row !== undefined;
}

/** What decides who may watch an order: its access token's hash and its customer. */
export async function findOrderAccess(db: Kysely<Database>, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['access_token_hash', 'customer_id'])
    .where('id', '=', orderId)
    .executeTakeFirst();
}

/** The publication sequence of an event, or null while its relay transaction has not committed. */
export async function publishedSeqOf(
  db: Kysely<Database>,
  eventId: string,
): Promise<{ seq: number | null } | undefined> {
  const row = await db
    .selectFrom('outbox_events')
    .select('published_seq')
    .where('id', '=', eventId)
    .executeTakeFirst();
  return row && { seq: row.published_seq === null ? null : Number(row.published_seq) };
}

/**
 * Published events of one room after a sequence number, oldest first: the channel's event types
 * whose room key (a `data` field, or the envelope's `seller_id`) is `key`.
 */
export async function roomEventsAfter(
  db: Kysely<Database>,
  room: { channel: RealtimeChannel; key: string },
  afterSeq: number,
  limit: number,
) {
  const spec = realtimeChannels[room.channel];
  return db
    .selectFrom('outbox_events')
    .selectAll()
    .where('published_seq', '>', afterSeq)
    .where('type', 'in', [...spec.events])
    .where((eb) =>
      spec.roomKey === 'seller_id'
        ? eb('seller_id', '=', room.key)
        : eb(sql<string>`data->>${spec.roomKey}`, '=', room.key),
    )
    .orderBy('published_seq')
    .limit(limit)
    .execute();
}

/** The seller of an API key (null for a publishable or operator key, or none). */
export async function sellerOfApiKey(db: Kysely<Database>, keyId: string): Promise<string | null> {
  const row = await db.selectFrom('api_keys').select('seller_id').where('id', '=', keyId).executeTakeFirst();
  return row?.seller_id ?? null;
}

/** The seller of a seller staff member (null when there is none). */
export async function sellerOfStaff(db: Kysely<Database>, staffId: string): Promise<string | null> {
  const row = await db
    .selectFrom('seller_staff')
    .select('seller_id')
    .where('id', '=', staffId)
    .executeTakeFirst();
  return row?.seller_id ?? null;
}

/** The database's order watch key: `candidate` when this is the first ask, else the stored one. */
export async function orderWatchKey(db: Kysely<Database>, candidate: Buffer): Promise<Buffer> {
  const row = await db
    .insertInto('order_watch_key')
    .values({ key: candidate })
    .onConflict((oc) => oc.column('id').doUpdateSet({ key: sql`order_watch_key.key` }))
    .returning('key')
    .executeTakeFirstOrThrow();
  return Buffer.from(row.key);
}
