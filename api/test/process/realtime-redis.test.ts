import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../src/modules/auth/index.js';
import { seedDemo } from '../../src/seed/seed.js';
import { kafkaBrokers, uniqueTopic, waitFor } from '../support/events.js';
import { connectSocket, type TestSocket } from '../support/realtime.js';
import { createTestDatabase, redisUrl, type TestDatabase } from '../support/test-db.js';

/**
 * Two real API processes on one PostgreSQL database and one Redis. Only A runs the `realtime` consumer
 * group; a shopper connected to B must still get the stock change committed through A: the emit can
 * only reach B's socket through the Socket.IO Redis adapter. PGlite cannot be shared by two processes,
 * so this needs a PostgreSQL server as well as Redis.
 */
const main = new URL('../../src/main.ts', import.meta.url).pathname;
const runs = Boolean(process.env.DATABASE_URL && redisUrl);
const why = runs
  ? ''
  : ' (skipped: needs DATABASE_URL and REDIS_URL — two processes share PostgreSQL and Redis)';

/** Starts the production entry point on a port the OS picks; resolves once it logged its URL. */
async function startApiProcess(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (d: Buffer) => {
    log += d.toString();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const url = await waitFor(
    'the API to listen',
    () => {
      if (child.exitCode !== null) throw new Error(`API exited:\n${log}`);
      return /"msg":"listening"/.test(log) && /"url":"(http:\/\/[^"]+)"/.exec(log)?.[1];
    },
    90_000,
  );
  return { url: url.replace('localhost', '127.0.0.1'), child };
}

describe.runIf(runs)(`Socket.IO across two API processes with Redis${why}`, () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];
  let b: TestSocket | undefined;
  let cartSocket: TestSocket | undefined;
  let apis = { a: '', b: '' };

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.container.database.db, { keys: 'demo' });
    const shared = {
      DATABASE_URL: db.config.DATABASE_URL ?? '',
      REDIS_URL: redisUrl ?? '',
      REDIS_KEY_PREFIX: `souk_test_${randomBytes(6).toString('hex')}:`,
      SEED_DEMO: 'never',
      PLUGINS: 'none',
      RELAY_POLL_MS: '20',
      ...(kafkaBrokers ? { KAFKA_BROKERS: kafkaBrokers, KAFKA_TOPIC: uniqueTopic() } : {}),
    };
    const a = await startApiProcess({ ...shared, RELAY_ENABLED: 'true', REALTIME_CONSUMER: 'true' });
    children.push(a.child);
    const other = await startApiProcess({ ...shared, RELAY_ENABLED: 'false', REALTIME_CONSUMER: 'false' });
    children.push(other.child);
    apis = { a: a.url, b: other.url };
  }, 180_000);

  afterAll(async () => {
    b?.close();
    cartSocket?.close();
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(0) : c.once('exit', r)))),
    );
    await db?.drop();
  });

  it('delivers a stock change committed through A to a shopper connected to B', async () => {
    const variant = await db.container.database.db
      .selectFrom('variants')
      .innerJoin('products', 'products.id', 'variants.product_id')
      .innerJoin('api_keys', 'api_keys.seller_id', 'products.seller_id')
      .select(['variants.id', 'variants.product_id', 'variants.inventory_quantity'])
      .where('products.status', '=', 'published')
      .where('api_keys.kind', '=', 'seller')
      .orderBy('variants.id')
      .executeTakeFirstOrThrow();
    const owner = await db.container.database.db
      .selectFrom('products')
      .select('seller_id')
      .where('id', '=', variant.product_id)
      .executeTakeFirstOrThrow();
    b = await connectSocket(apis.b, '/store');
    expect(await b.subscribe(`product:${variant.product_id}`)).toMatchObject({ ok: true });
    const sellerKey = await keyOf(owner.seller_id);
    const res = await fetch(`${apis.a}/seller/inventory`, {
      method: 'POST',
      headers: { 'x-api-key': sellerKey, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ variant_id: variant.id, quantity: variant.inventory_quantity + 7 }] }),
    });
    expect(res.status).toBe(200);
    const got = await waitFor('the message on B', () => b?.messages[0], 20_000);
    expect(got.event).toMatchObject({
      type: 'inventory.updated',
      data: { variant_id: variant.id, inventory_quantity: variant.inventory_quantity + 7 },
    });
  });

  it("updates a cart watched on B after a write through A and a price change A's consumer read", async () => {
    const variant = await db.container.database.db
      .selectFrom('variants')
      .innerJoin('products', 'products.id', 'variants.product_id')
      .innerJoin('variant_prices', 'variant_prices.variant_id', 'variants.id')
      .innerJoin('sellers', 'sellers.id', 'products.seller_id')
      .innerJoin('api_keys', 'api_keys.seller_id', 'products.seller_id')
      .select(['variants.id', 'variants.product_id', 'products.seller_id', 'variant_prices.amount'])
      .where('products.status', '=', 'published')
      .where('sellers.status', '=', 'active')
      .where('api_keys.kind', '=', 'seller')
      .where('variant_prices.currency', '=', 'USD')
      .where('variants.inventory_quantity', '>', 2)
      .orderBy('variants.id', 'desc')
      .executeTakeFirstOrThrow();
    const store = { 'x-api-key': DEMO_KEYS.storefront, 'content-type': 'application/json' };
    const created = await fetch(`${apis.a}/store/carts`, {
      method: 'POST',
      headers: store,
      body: JSON.stringify({ currency: 'USD' }),
    });
    const cartId = ((await created.json()) as { id: string }).id;
    cartSocket = await connectSocket(apis.b, '/store');
    expect(await cartSocket.subscribe(`cart:${cartId}`)).toMatchObject({ ok: true, replayed: 1 });
    type CartEvent = { data: { items: unknown[]; totals: { subtotal: { amount: number } } } };
    const latest = () => (cartSocket?.messages.at(-1)?.event as unknown as CartEvent | undefined)?.data;
    const add = await fetch(`${apis.a}/store/carts/${cartId}/items`, {
      method: 'POST',
      headers: store,
      body: JSON.stringify({ variant_id: variant.id, quantity: 2 }),
    });
    expect(add.status).toBe(200);
    await waitFor('the line on B', () => latest()?.items.length === 1, 20_000);
    expect(latest()?.totals.subtotal.amount).toBe(variant.amount * 2);
    const reprice = await fetch(`${apis.a}/seller/products/${variant.product_id}/variants/${variant.id}`, {
      method: 'PATCH',
      headers: { 'x-api-key': await keyOf(variant.seller_id), 'content-type': 'application/json' },
      body: JSON.stringify({ prices: [{ amount: variant.amount + 100, currency: 'USD' }] }),
    });
    expect(reprice.status).toBe(200);
    await waitFor(
      'the new price on B',
      () => latest()?.totals.subtotal.amount === (variant.amount + 100) * 2,
      20_000,
    );
  });

  /** The demo secret key of a seller. */
  async function keyOf(sellerId: string): Promise<string> {
    for (const secret of DEMO_KEYS.sellers) {
      const p = await db.container.apiKeys.authenticate(secret);
      if (p?.kind === 'seller' && p.sellerId === sellerId) return secret;
    }
    throw new Error(`no demo key for ${sellerId}`);
  }
});
