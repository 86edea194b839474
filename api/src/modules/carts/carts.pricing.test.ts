import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import { testDriver } from '../../../test/support/test-db.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { newCartId } from './cart-id.js';
import { address, type Cart, pickVariant, sellerId } from './carts.fixtures.js';
import { completeCartUpdate, priceCart } from './index.js';

let api: TestApi;
let db: Kysely<Database>;
beforeAll(async () => {
  api = await startTestApi();
  db = api.db.container.database.db;
});
afterAll(() => api?.close());

const a = pickVariant('atlas-outfitters', { eur: true, minStock: 5, n: 1 });
const b = pickVariant('nordic-home', { eur: true, minStock: 5, n: 1 });
const c = pickVariant('pixel-forge', { eur: true, minStock: 5, n: 2 });

/** A EUR cart with 3 × a and 2 × b, optionally with email and address. */
async function cartWithItems(contact?: { country: string }): Promise<Cart> {
  const cart = (await api.request<Cart>('POST', '/store/carts', { json: { currency: 'EUR' } })).body;
  await api.request('POST', `/store/carts/${cart.id}/items`, {
    json: { variant_id: a.variantId, quantity: 3 },
  });
  const res = await api.request<Cart>('POST', `/store/carts/${cart.id}/items`, {
    json: { variant_id: b.variantId, quantity: 2 },
  });
  if (!contact) return res.body;
  const patched = await api.request<Cart>('PATCH', `/store/carts/${cart.id}`, {
    json: { email: 'buyer@example.com', shipping_address: address(contact.country) },
  });
  return patched.body;
}

/** Runs `work` and returns the AppError code it threw (or 'none'). */
async function codeOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return 'none';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

const taxOf = (base: number, bps: number) => Math.floor((base * bps + 5000) / 10000);

describe('priceCart', () => {
  it('returns the lines, the seller groups and the totals, equal to what the storefront shows', async () => {
    const cart = await cartWithItems({ country: 'FR' });
    const priced = await db
      .transaction()
      .execute((trx) => priceCart(trx, cart.id, { lock: true, forCheckout: true }));
    const aEur = a.eur ?? 0;
    const bEur = b.eur ?? 0;
    const taxA = taxOf(3 * aEur + 449, 2000);
    const taxB = taxOf(2 * bEur + 549, 2000);
    expect(priced.email).toBe('buyer@example.com');
    expect(priced.shippingAddress.country).toBe('FR');
    expect(priced).toMatchObject({ cartId: cart.id, currency: 'EUR', taxRateBps: 2000 });
    expect(priced.lines).toEqual([
      {
        itemId: cart.items[0]?.id,
        variantId: a.variantId,
        productId: a.productId,
        productHandle: a.productHandle,
        productTitle: a.productTitle,
        variantTitle: a.variantTitle,
        sku: a.sku,
        sellerId: sellerId('atlas-outfitters'),
        quantity: 3,
        unitPrice: aEur,
        subtotal: 3 * aEur,
      },
      expect.objectContaining({ variantId: b.variantId, quantity: 2, unitPrice: bEur, subtotal: 2 * bEur }),
    ]);
    expect(priced.sellers.map(({ lines, ...rest }) => ({ ...rest, lines: lines.map((l) => l.sku) }))).toEqual(
      [
        {
          sellerId: sellerId('atlas-outfitters'),
          sellerName: 'Atlas Outfitters',
          lines: [a.sku],
          subtotal: 3 * aEur,
          shipping: 449,
          tax: taxA,
          total: 3 * aEur + 449 + taxA,
          // The marketplace default: the demo sellers have no override.
          commissionBps: 1000,
        },
        {
          sellerId: sellerId('nordic-home'),
          sellerName: 'Nordic Home',
          lines: [b.sku],
          subtotal: 2 * bEur,
          shipping: 549,
          tax: taxB,
          total: 2 * bEur + 549 + taxB,
          commissionBps: 1000,
        },
      ],
    );
    expect(priced.totals).toEqual({
      subtotal: 3 * aEur + 2 * bEur,
      shipping: 998,
      tax: taxA + taxB,
      total: 3 * aEur + 2 * bEur + 998 + taxA + taxB,
    });
    expect(priced.sellers.reduce((n, s) => n + s.total, 0)).toBe(priced.totals.total);
    const view = (await api.get<Cart>(`/store/carts/${cart.id}`)).body;
    expect(view.totals.total?.amount).toBe(priced.totals.total);
  });

  it('without forCheckout, prices a cart without contact details (tax 0, rate null)', async () => {
    const cart = await cartWithItems();
    const priced = await priceCart(db, cart.id, { lock: false });
    expect(priced).toMatchObject({ email: null, shippingAddress: null, taxRateBps: null });
    expect(priced.totals.tax).toBe(0);
    expect(await codeOf(() => priceCart(db, cart.id, { lock: false, forCheckout: true }))).toBe(
      'cart_incomplete',
    );
  });

  it('throws not_found, cart_empty, destination_unsupported, variant_unavailable and currency_mismatch', async () => {
    expect(await codeOf(() => priceCart(db, newCartId(), { lock: false }))).toBe('not_found');
    const empty = (await api.request<Cart>('POST', '/store/carts', { json: { currency: 'EUR' } })).body;
    expect(await codeOf(() => priceCart(db, empty.id, { lock: false }))).toBe('cart_empty');

    const abroad = await cartWithItems({ country: 'BR' });
    expect(await codeOf(() => priceCart(db, abroad.id, { lock: false, forCheckout: true }))).toBe(
      'destination_unsupported',
    );

    const cart = await cartWithItems({ country: 'DE' });
    await db
      .deleteFrom('shipping_rates')
      .where('seller_id', '=', sellerId('nordic-home'))
      .where('currency', '=', 'EUR')
      .execute();
    expect(await codeOf(() => priceCart(db, cart.id, { lock: false }))).toBe('destination_unsupported');
    await db
      .insertInto('shipping_rates')
      .values({ seller_id: sellerId('nordic-home'), currency: 'EUR', amount: 549 })
      .execute();
    expect(await codeOf(() => priceCart(db, cart.id, { lock: false }))).toBe('none');

    await db
      .updateTable('sellers')
      .set({ status: 'suspended' })
      .where('id', '=', sellerId('nordic-home'))
      .execute();
    expect(await codeOf(() => priceCart(db, cart.id, { lock: false }))).toBe('variant_unavailable');
    await db
      .updateTable('sellers')
      .set({ status: 'active' })
      .where('id', '=', sellerId('nordic-home'))
      .execute();

    await db
      .deleteFrom('variant_prices')
      .where('variant_id', '=', a.variantId)
      .where('currency', '=', 'EUR')
      .execute();
    expect(await codeOf(() => priceCart(db, cart.id, { lock: false }))).toBe('currency_mismatch');
    await db
      .insertInto('variant_prices')
      .values({ variant_id: a.variantId, product_id: a.productId, currency: 'EUR', amount: a.eur ?? 0 })
      .execute();
    expect(await codeOf(() => priceCart(db, cart.id, { lock: false, forCheckout: true }))).toBe('none');
  });

  it('does not check stock (checkout reserves it)', async () => {
    const cart = await cartWithItems({ country: 'NL' });
    await db.updateTable('variants').set({ inventory_quantity: 0 }).where('id', '=', b.variantId).execute();
    try {
      const priced = await priceCart(db, cart.id, { lock: false, forCheckout: true });
      expect(priced.lines.map((l) => l.quantity)).toEqual([3, 2]);
    } finally {
      await db
        .updateTable('variants')
        .set({ inventory_quantity: b.stock })
        .where('id', '=', b.variantId)
        .execute();
    }
  });
});

/** Runs the order statement's cart completion alone; whether it completed the cart. */
const complete = async (on: Kysely<Database>, cartId: string) =>
  (await completeCartUpdate(cartId).execute(on)).rows.length === 1;

describe("the order statement's cart completion", () => {
  it('completes an active cart once; then priceCart answers cart_completed', async () => {
    const cart = await cartWithItems({ country: 'SE' });
    await db.transaction().execute(async (trx) => {
      await priceCart(trx, cart.id, { lock: true, forCheckout: true });
      expect(await complete(trx, cart.id)).toBe(true);
    });
    expect(await complete(db, cart.id)).toBe(false);
    expect(await codeOf(() => priceCart(db, cart.id, { lock: true }))).toBe('cart_completed');
    expect(await complete(db, newCartId())).toBe(false);
    const view = (await api.get<Cart>(`/store/carts/${cart.id}`)).body;
    expect(view.status).toBe('completed');
  });

  it('serialises with cart writes: an add waiting on a checkout’s lock sees the completed cart', async () => {
    const cart = await cartWithItems({ country: 'DE' });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const checkout = db.transaction().execute(async (trx) => {
      await priceCart(trx, cart.id, { lock: true, forCheckout: true });
      locked();
      await held;
      expect(await complete(trx, cart.id)).toBe(true);
    });
    await lockTaken;
    const add = api.request('POST', `/store/carts/${cart.id}/items`, {
      json: { variant_id: a.variantId, quantity: 1 },
    });
    await new Promise((r) => setTimeout(r, 150));
    release();
    await checkout;
    const res = await add;
    expect(res.status).toBe(409);
    expect((res.body as { code: string }).code).toBe('cart_completed');
    const view = (await api.get<Cart>(`/store/carts/${cart.id}`)).body;
    expect(view.items.map((i) => i.quantity)).toEqual([3, 2]);
  });
});

/** Resolves once some session of this database waits for a lock (or after `ms`). */
async function someoneWaitsForALock(ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(db);
    if ((rows[0]?.n ?? 0) > 0) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

// The pricing read locks the cart and reads its lines in one statement, from a snapshot taken before
// the lock was granted; only real PostgreSQL runs two sessions at once (PGlite queues them).
describe.skipIf(testDriver !== 'postgres')('the locked pricing read', () => {
  it('sees the line a writer committed while the read waited for the cart lock', async () => {
    const cart = (await api.request<Cart>('POST', '/store/carts', { json: { currency: 'EUR' } })).body;
    await api.request('POST', `/store/carts/${cart.id}/items`, {
      json: { variant_id: a.variantId, quantity: 1 },
    });
    await api.request('PATCH', `/store/carts/${cart.id}`, {
      json: { email: 'buyer@example.com', shipping_address: address('FR') },
    });
    let priced: Promise<{ skus: string[]; total: number }> | undefined;
    await db.transaction().execute(async (writer) => {
      // What a line writer does: lock and touch the cart row, then change its lines.
      await writer.updateTable('carts').set({ updated_at: sql`now()` }).where('id', '=', cart.id).execute();
      await writer
        .insertInto('cart_items')
        .values({ id: newId('item'), cart_id: cart.id, variant_id: c.variantId, quantity: 2 })
        .execute();
      priced = db.transaction().execute(async (trx) => {
        const p = await priceCart(trx, cart.id, { lock: true, forCheckout: true });
        return { skus: p.lines.map((l) => l.sku), total: p.lines.reduce((n, l) => n + l.quantity, 0) };
      });
      expect(await someoneWaitsForALock()).toBe(true);
    });
    expect(await priced).toEqual({ skus: [a.sku, c.sku], total: 3 });
  });
});
