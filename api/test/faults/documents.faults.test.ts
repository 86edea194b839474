import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/errors.js';
import type { components } from '../../src/generated/openapi.js';
import { resyncReviews } from '../../src/modules/reviews/index.js';
import { atlasProduct, boughtLine } from '../../src/modules/reviews/reviews.fixtures.js';
import { graphql } from '../support/graphql.js';
import { startTestApi } from '../support/test-api.js';
import { mongoUrl, serverUrl } from '../support/test-db.js';
import { mongoService } from './faults.js';

type S = components['schemas'];

const real = Boolean(mongoUrl && serverUrl);

/**
 * The document store restarting under writes (CI's real-services run, FerretDB on PostgreSQL): every
 * review the API acknowledged (201) is there afterwards, every other attempt was a clean 503, and the
 * aggregates count exactly the acknowledged reviews.
 */
describe.skipIf(!real)('fault tests on a real document store (FerretDB)', () => {
  it('a FerretDB restart while reviews are written loses none that were acknowledged', async () => {
    const api = await startTestApi();
    try {
      const { product, variants } = atlasProduct(40);
      const lines = [];
      const units = variants.flatMap((v) => Array.from({ length: v.inventory_quantity }, () => v.id));
      for (let i = 0; i < 40; i++) lines.push(await boughtLine(api, units[i] ?? ''));
      const outcomes: { status: number; id?: string; code?: string }[] = [];
      const writer = (async () => {
        for (const [i, l] of lines.entries()) {
          const res = await api.request<S['Review'] & { code?: Problem['code'] }>('POST', '/store/reviews', {
            headers: { 'x-order-token': l.token },
            json: {
              order_id: l.order.id,
              order_line_id: l.line.id,
              rating: (i % 5) + 1,
              title: 't',
              body: 'b',
            },
          });
          outcomes.push({ status: res.status, id: res.body.id, code: res.body.code });
        }
      })();
      // Restart once a few reviews are in: writes during the outage must fail cleanly.
      while (outcomes.length < 8) await new Promise((r) => setTimeout(r, 20));
      await mongoService('down');
      await new Promise((r) => setTimeout(r, 1_500));
      await mongoService('up');
      await writer;

      const acknowledged = outcomes.filter((o) => o.status === 201);
      const failed = outcomes.filter((o) => o.status !== 201);
      process.stdout.write(
        `documents fault: ${acknowledged.length} acknowledged, ${failed.length} refused (${failed.map((o) => o.status).join(',')})\n`,
      );
      expect(acknowledged.length).toBeGreaterThanOrEqual(8);
      // Nothing but a retryable 503 (or, for a write whose ack was lost, 409 on a retry — not done here).
      expect(failed.every((o) => o.status === 503 && o.code === 'service_unavailable')).toBe(true);

      // Syncs an outage interrupted are finished by the sweep (the API runs it every minute).
      await resyncReviews({ db: api.db.container.database.db, documents: api.db.container.documents }, 0);
      const listed = await api.get<S['ReviewList']>(`/store/products/${product.id}/reviews?limit=100`);
      const ids = new Set(listed.body.data.map((r) => r.id));
      for (const o of acknowledged) expect(ids.has(o.id ?? '')).toBe(true);
      const stored = await api.db.container.documents.collection('reviews').count({ product_id: product.id });
      expect(listed.body.rating?.count).toBe(stored);
      expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await mongoService('up');
      await api.close();
    }
  });

  it('content and sellers’ pages answer 503 while FerretDB is down, a GraphQL seller comes without its page, an order without its reviews', async () => {
    // No catalog cache: every answer below is read while the store is down.
    const api = await startTestApi({ env: { CATALOG_CACHE_TTL_MS: '0' } });
    try {
      const bought = await boughtLine(api, atlasProduct(1).variants[0]?.id ?? '', { ship: false });
      await mongoService('down');
      // The order page does not depend on the reviews: it answers without saying what was reviewed.
      const order = await api.get<S['Order']>(`/store/orders/${bought.order.id}`, {
        headers: { 'x-order-token': bought.token },
      });
      expect(order.status).toBe(200);
      expect(order.body.seller_orders[0]?.lines.map((l) => 'review' in l)).toEqual([false]);
      const unavailable = (res: { status: number; body: { code?: string } }) => [res.status, res.body.code];
      expect(unavailable(await api.get<Problem>('/store/content/bazaar/home/main'))).toEqual([
        503,
        'service_unavailable',
      ]);
      expect(unavailable(await api.get<Problem>('/store/sellers/atlas-outfitters/page'))).toEqual([
        503,
        'service_unavailable',
      ]);
      const write = await api.request<Problem>('PUT', '/seller/profile', {
        key: 'sk_demo_seller_1',
        json: { story: 'Written during the outage.', policies: {}, links: [] },
      });
      expect(unavailable(write)).toEqual([503, 'service_unavailable']);
      const seller = await graphql<{ seller: { name: string; profile: { story: string } | null } | null }>(
        api,
        {
          query: '{ seller(idOrHandle: "atlas-outfitters") { name profile { story } } }',
        },
      );
      expect(seller.body.data?.seller).toEqual({ name: 'Atlas Outfitters', profile: null });
      expect(seller.body.errors?.map((e) => e.extensions.code)).toEqual(['service_unavailable']);

      await mongoService('up');
      const page = await api.get<S['SellerPage']>('/store/sellers/atlas-outfitters/page');
      expect(page.status).toBe(200);
      // The refused write left nothing behind.
      expect(page.body.profile.story).not.toBe('Written during the outage.');
    } finally {
      await mongoService('up');
      await api.close();
    }
  });
});
