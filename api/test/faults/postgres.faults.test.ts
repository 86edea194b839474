import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/errors.js';
import type { components } from '../../src/generated/openapi.js';
import { graphql } from '../support/graphql.js';
import { buyableVariants, checkout, readyCart } from '../support/shopping.js';
import type { TestResponse } from '../support/test-api.js';
import { startTestApi } from '../support/test-api.js';
import { serverUrl } from '../support/test-db.js';
import { mongoService, postgresService } from './faults.js';

type S = components['schemas'];

/** PostgreSQL as `scripts/services` runs it, on this machine: stopping it must not stop anything else's. */
const local = Boolean(serverUrl && /@(127\.0\.0\.1|localhost):5432\//.test(serverUrl));

const retryable = (res: TestResponse<unknown>) => ({
  status: res.status,
  type: res.contentType.split(';')[0],
  code: (res.body as Partial<Problem>).code,
  retryAfter: res.headers.get('retry-after'),
});

async function eventually(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * PostgreSQL stopped under a running API (CI's real-services run): every read and write answers a
 * retryable 503 problem rather than a 500, a checkout refused then leaves nothing behind, and the pool
 * and the catalog's pipelined read connections come back by themselves once the server does.
 */
describe.skipIf(!local)('fault tests on a real PostgreSQL', () => {
  it('an outage answers 503 service_unavailable with Retry-After, writes nothing, and the API recovers alone', async () => {
    // No catalog cache: every read below goes to PostgreSQL (the listing and detail on the read lane).
    const api = await startTestApi({ env: { CATALOG_CACHE_TTL_MS: '0' } });
    try {
      const variant = buyableVariants('atlas-outfitters', 2)[0];
      const cart = await readyCart(api, [{ variantId: variant?.id ?? '', quantity: 1 }]);
      const product = (await api.get<S['ProductList']>('/store/products?limit=1')).body.data[0];
      const key = `outage-${cart.id}`;

      await postgresService('down');
      try {
        const answers = [
          await api.get('/store/products?limit=20'),
          await api.get(`/store/products/${product?.id}`),
          await api.get('/store/products?limit=20&q=boot'),
          await api.get('/store/categories'),
          await api.request('POST', '/store/carts', { json: { currency: 'USD' } }),
          await api.request('PATCH', `/store/carts/${cart.id}`, { json: { email: 'other@example.com' } }),
          await checkout(api, cart.id, { key }),
        ];
        for (const res of answers) {
          expect(retryable(res)).toEqual({
            status: 503,
            type: 'application/problem+json',
            code: 'service_unavailable',
            retryAfter: '2',
          });
        }
        const gql = await graphql<{ products: unknown }>(api, {
          query: '{ products(first: 2) { nodes { id } } }',
        });
        expect(gql.body.errors?.map((e) => e.extensions.code)).toEqual(['service_unavailable']);
      } finally {
        await postgresService('up');
      }

      // The pool and the read lane open new connections on their own: no restart of the API.
      await eventually(async () => (await api.get('/store/products?limit=2')).status === 200, 30_000);
      expect((await api.get(`/store/products/${product?.id}`)).status).toBe(200);
      expect((await api.get('/ready')).status).toBe(200);

      // Nothing of the refused writes was kept: the cart still has its email, and the checkout, retried
      // with its key, places exactly one order.
      const unchanged = await api.get<S['Cart']>(`/store/carts/${cart.id}`);
      expect(unchanged.body.email).toBe('buyer@example.com');
      const placed = await checkout(api, cart.id, { key });
      expect(placed.status).toBe(201);
      const orders = await api.db.container.database.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('cart_id', '=', cart.id)
        .executeTakeFirstOrThrow();
      expect(Number(orders.n)).toBe(1);
    } finally {
      await postgresService('up');
      await api.close();
    }
    // FerretDB keeps its documents in this PostgreSQL: give the suites after this one a fresh start.
    if (process.env.MONGO_URL) {
      await mongoService('down');
      await mongoService('up');
    }
  });
});
