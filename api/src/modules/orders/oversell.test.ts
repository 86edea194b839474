import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyableVariants, checkout, readyCart } from '../../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import { testDriver } from '../../../test/support/test-db.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { DATABASE_POOL_SIZE: '20' } });
});
afterAll(() => api?.close());

describe(`no overselling (${testDriver})`, () => {
  it('sells exactly the 10 units left to 50 concurrent checkouts; the other 40 get out_of_stock', async () => {
    const variant = buyableVariants('pixel-forge')[0];
    if (!variant) throw new Error('no variant');
    const db = api.db.container.database.db;
    await db.updateTable('variants').set({ inventory_quantity: 50 }).where('id', '=', variant.id).execute();
    // 50 carts that each hold 1 unit (carting checks stock), then only 10 units left.
    const carts = [];
    for (let i = 0; i < 50; i++) carts.push(await readyCart(api, [{ variantId: variant.id, quantity: 1 }]));
    await db.updateTable('variants').set({ inventory_quantity: 10 }).where('id', '=', variant.id).execute();

    const results = await Promise.all(carts.map((cart) => checkout(api, cart.id)));
    const statuses = results.map((r) => (r.status === 201 ? 'ok' : r.body.code));
    expect(statuses.filter((s) => s === 'ok')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'out_of_stock')).toHaveLength(40);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'out_of_stock')).toBe(true);

    const left = await db
      .selectFrom('variants')
      .select('inventory_quantity')
      .where('id', '=', variant.id)
      .executeTakeFirstOrThrow();
    expect(left.inventory_quantity).toBe(0);
    const sold = await db
      .selectFrom('order_lines')
      .select((eb) => eb.fn.sum<number>('quantity').as('n'))
      .where('variant_id', '=', variant.id)
      .executeTakeFirstOrThrow();
    expect(Number(sold.n)).toBe(10);
  }, 120_000);

  it('sells a contended variant exactly when every cart also holds another, in either id order (no deadlock)', async () => {
    const [low, hot, high] = buyableVariants('pixel-forge')
      .map((v) => v.id)
      .sort();
    if (!low || !hot || !high) throw new Error('need three variants');
    const db = api.db.container.database.db;
    const stock = async () =>
      new Map(
        (
          await db
            .selectFrom('variants')
            .select(['id', 'inventory_quantity'])
            .where('id', 'in', [low, hot, high])
            .execute()
        ).map((r) => [r.id, r.inventory_quantity]),
      );
    await db
      .updateTable('variants')
      .set({ inventory_quantity: 100 })
      .where('id', 'in', [low, hot, high])
      .execute();
    // Half the carts lock the hot variant first, half second (stock is taken in variant id order).
    const carts = [];
    for (let i = 0; i < 40; i++) {
      const other = i % 2 === 0 ? low : high;
      carts.push(
        await readyCart(api, [
          { variantId: hot, quantity: 1 },
          { variantId: other, quantity: 1 },
        ]),
      );
    }
    await db.updateTable('variants').set({ inventory_quantity: 30 }).where('id', '=', hot).execute();
    const results = await Promise.all(carts.map((cart) => checkout(api, cart.id)));
    const ok = results.map((r, i) => (r.status === 201 ? i : -1)).filter((i) => i >= 0);
    expect(ok).toHaveLength(30);
    expect(results.filter((r) => r.status !== 201).every((r) => r.body.code === 'out_of_stock')).toBe(true);
    const left = await stock();
    expect(left.get(hot)).toBe(0);
    expect(left.get(low)).toBe(100 - ok.filter((i) => i % 2 === 0).length);
    expect(left.get(high)).toBe(100 - ok.filter((i) => i % 2 === 1).length);
  }, 120_000);
});
