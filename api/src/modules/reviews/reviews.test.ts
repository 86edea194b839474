import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyableVariants, checkout, readyCart } from '../../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { eventsOf } from '../events/index.js';
import { atlasProduct, boughtLine } from './reviews.fixtures.js';

type S = components['schemas'];
/** A review, or the problem that refused it. */
type Reviewed = S['Review'] & { code?: Problem['code'] };

describe('reviews', () => {
  let api: TestApi;
  const { product, variants } = atlasProduct(60);
  // One unit of stock after another, so no variant is asked for more than it has.
  const units = variants.flatMap((v) => Array.from({ length: v.inventory_quantity }, () => v.id));
  let used = 0;
  const variant = () => units[used++] ?? '';
  const review = (
    line: { order: S['Order']; line: S['OrderLine'] },
    rating = 5,
    extra: Record<string, unknown> = {},
  ) => ({
    order_id: line.order.id,
    order_line_id: line.line.id,
    rating,
    title: `${rating} stars`,
    body: 'Solid and comfortable.',
    ...extra,
  });
  const post = (bought: { token: string }, json: unknown) =>
    api.request<Reviewed>('POST', '/store/reviews', { headers: { 'x-order-token': bought.token }, json });
  const rating = async () => (await api.get<S['Product']>(`/store/products/${product.id}`)).body.rating;

  beforeAll(async () => {
    // The key lookups stay cached for the whole file: a page's "one statement" must not count a lookup
    // that a slow machine let expire (the default is 10 s).
    api = await startTestApi({ env: { API_KEY_CACHE_TTL_MS: '300000' } });
  });
  afterAll(() => api?.close());

  it('lets the buyer of a shipped line review it once, with attributes, and shows it on the product', async () => {
    const bought = await boughtLine(api, variant());
    const created = await post(
      bought,
      review(bought, 4, { attributes: { fit: 'true to size', size_bought: '42' } }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      product_id: product.id,
      rating: 4,
      verified_purchase: true,
      status: 'visible',
      reply: null,
      author_name: 'Erika M.',
      attributes: { fit: 'true to size', size_bought: '42' },
    });
    const again = await post(bought, review(bought, 1));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_reviewed');

    const list = await api.get<S['ReviewList']>(`/store/products/${product.handle}/reviews`);
    expect(list.body.data.map((r) => r.id)).toEqual([created.body.id]);
    expect(list.body.rating).toEqual({
      average: 4,
      count: 1,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 },
    });
    expect(await rating()).toEqual(list.body.rating);
    const [event] = await eventsOf(api.db.container.database.db, created.body.id);
    expect(event).toMatchObject({ type: 'review.created', seller_id: created.body.seller_id });
  });

  it('refuses (403 not_purchased) a wrong token, an unshipped line and someone else’s line', async () => {
    const unshipped = await boughtLine(api, variant(), { ship: false });
    const shipped = await boughtLine(api, variant());
    const cases = [
      post({ token: 'ot_wrong' }, review(shipped)),
      api.request<Reviewed>('POST', '/store/reviews', { json: review(shipped) }),
      post(unshipped, review(unshipped)),
      // A valid token of another order does not open this one.
      post(unshipped, review(shipped)),
      post(shipped, { ...review(shipped), order_line_id: unshipped.line.id }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.code).toBe('not_purchased');
    }
  });

  it('refuses (403 own_product) a review from the seller’s own staff', async () => {
    const bought = await boughtLine(api, variant());
    // The seller invited the buyer's email as staff.
    const invited = await api.request('POST', '/seller/staff', {
      key: 'sk_demo_seller_1',
      json: { email: 'buyer@example.com', role: 'catalog' },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const res = await post(bought, review(bought));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('own_product');
    await api.request('DELETE', `/seller/staff/${(invited.body as { id: string }).id}`, {
      key: 'sk_demo_seller_1',
    });
  });

  it('keeps the aggregates exact under 50 concurrent reviews, and after hiding and restoring one', async () => {
    const before = await rating();
    const lines = [];
    // Orders are placed a few at a time (PGlite is one connection); the reviews all at once.
    for (let i = 0; i < 50; i += 5) {
      lines.push(...(await Promise.all([0, 1, 2, 3, 4].map(() => boughtLine(api, variant())))));
    }
    const stars = lines.map((_, i) => (i % 5) + 1);
    const results = await Promise.all(lines.map((l, i) => post(l, review(l, stars[i]))));
    expect(results.map((r) => r.status)).toEqual(lines.map(() => 201));
    const after = await rating();
    const expected = { ...before.distribution };
    for (const s of stars) expected[String(s) as '1'] += 1;
    const count = before.count + 50;
    const sum = Object.entries(expected).reduce((a, [k, n]) => a + Number(k) * n, 0);
    expect(after).toEqual({ count, distribution: expected, average: Math.round((sum / count) * 100) / 100 });

    // Hiding a five-star review takes it out at once; hiding it again is a conflict; restoring puts it back.
    const five = results[4]?.body as Reviewed;
    const hide = await api.request<S['Review']>('POST', `/admin/reviews/${five.id}/moderation`, {
      json: { action: 'hide', reason: 'Contains a phone number' },
    });
    expect(hide.status).toBe(200);
    expect(hide.body).toMatchObject({
      status: 'hidden',
      moderation: { action: 'hide', reason: 'Contains a phone number' },
    });
    expect((await rating()).count).toBe(count - 1);
    expect((await rating()).distribution['5']).toBe(expected['5'] - 1);
    const list = await api.get<S['ReviewList']>(`/store/products/${product.id}/reviews?limit=100`);
    expect(list.body.data.map((r) => r.id)).not.toContain(five.id);
    expect(list.body.data).toHaveLength(count - 1);
    const twice = await api.request<Problem>('POST', `/admin/reviews/${five.id}/moderation`, {
      json: { action: 'hide', reason: 'again' },
    });
    expect(twice.body.code).toBe('invalid_state');
    await api.request('POST', `/admin/reviews/${five.id}/moderation`, {
      json: { action: 'restore', reason: 'Edited' },
    });
    expect(await rating()).toEqual(after);
    expect((await eventsOf(api.db.container.database.db, five.id)).map((e) => e.type)).toEqual([
      'review.created',
      'review.moderated',
      'review.moderated',
    ]);
  }, 240_000);

  it('lets the seller reply once, and only to its own products’ reviews', async () => {
    const bought = await boughtLine(api, variant());
    const created = (await post(bought, review(bought, 2))).body;
    const other = await api.request<Problem>('POST', `/seller/reviews/${created.id}/reply`, {
      key: 'sk_demo_seller_2',
      json: { body: 'Not ours' },
    });
    expect(other.status).toBe(404);
    const replies = await Promise.all(
      ['Sorry to hear that — we sent a replacement.', 'Second'].map((body) =>
        api.request<Reviewed>('POST', `/seller/reviews/${created.id}/reply`, {
          key: 'sk_demo_seller_1',
          json: { body },
        }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(replies.find((r) => r.status === 409)?.body.code).toBe('already_replied');
    const mine = await api.get<S['ReviewList']>('/seller/reviews?limit=100', { key: 'sk_demo_seller_1' });
    expect(mine.body.data.find((r) => r.id === created.id)?.reply?.body).toBeDefined();
    expect(mine.body.rating?.count).toBeGreaterThan(50);
    const events = await eventsOf(api.db.container.database.db, created.id);
    expect(events.map((e) => e.type)).toEqual(['review.created', 'review.replied']);
  });

  it('sorts the listing by rating in one SQL statement per page, and pages with a cursor', async () => {
    api.resetQueryCount();
    const first = await api.get<S['ProductList']>('/store/products?sort=rating&limit=3');
    expect(first.status).toBe(200);
    // The aggregate is joined in the listing's statement: no query per product, none to the document
    // store. A second statement reads the bodies the API does not hold yet (catalog/product-bodies.ts).
    expect(api.queryCount({ requestsOnly: true })).toBeLessThanOrEqual(2);
    api.resetQueryCount();
    expect((await api.get<S['ProductList']>('/store/products?sort=rating&limit=3')).body).toEqual(first.body);
    expect(api.queryCount({ requestsOnly: true })).toBe(1);
    expect(first.body.data[0]?.id).toBe(product.id);
    const averages = first.body.data.map((p) => p.rating.average ?? 0);
    expect([...averages].sort((a, b) => b - a)).toEqual(averages);
    api.resetQueryCount();
    const next = await api.get<S['ProductList']>(
      `/store/products?sort=rating&limit=3&cursor=${first.body.next_cursor}`,
    );
    expect(api.queryCount({ requestsOnly: true })).toBeLessThanOrEqual(2);
    expect(next.body.data.map((p) => p.id)).not.toContain(product.id);
    expect(next.body.data.every((p) => (p.rating.average ?? 0) <= (averages.at(-1) ?? 0))).toBe(true);
  });

  it('counts abuse reports for the operator', async () => {
    const list = await api.get<S['ReviewList']>(`/store/products/${product.id}/reviews?limit=1`);
    const id = list.body.data[0]?.id ?? '';
    for (const reason of ['spam', 'offensive']) {
      expect((await api.request('POST', `/store/reviews/${id}/reports`, { json: { reason } })).status).toBe(
        204,
      );
    }
    const admin = await api.get<S['ReviewList']>('/admin/reviews?limit=1');
    expect(admin.body.data[0]).toMatchObject({ id, report_count: 2 });
    const missing = await api.request('POST', '/store/reviews/rev_nope/reports', {
      json: { reason: 'spam' },
    });
    expect(missing.status).toBe(404);
  });

  it("tells the buyer's order reads which lines they reviewed, and no other read", async () => {
    // One order, two lines of the same seller, both shipped; only the first gets a review. Its
    // variants are not the ones the other tests count units of, and it runs after the rating sort's
    // test, whose order another product's review would change.
    const [a, b] = buyableVariants('atlas-outfitters', 2).filter((v) => !variants.some((u) => u.id === v.id));
    const cart = await readyCart(api, [
      { variantId: a?.id ?? '', quantity: 1 },
      { variantId: b?.id ?? '', quantity: 1 },
    ]);
    const placed = (await checkout(api, cart.id)).body;
    const part = placed.seller_orders[0] as S['SellerOrder'];
    expect(part.lines).toHaveLength(2);
    expect(placed.seller_orders.flatMap((p) => p.lines).every((l) => !('review' in l))).toBe(true);
    const shipped = await api.request('POST', `/seller/orders/${part.id}/fulfillments`, {
      key: 'sk_demo_seller_1',
      json: { carrier: 'DHL', tracking_number: `T-${part.id}` },
    });
    expect(shipped.status).toBe(201);
    const bought = { token: placed.access_token ?? '' };
    const read = async () =>
      (
        await api.get<S['Order']>(`/store/orders/${placed.id}`, {
          headers: { 'x-order-token': bought.token },
        })
      ).body.seller_orders.flatMap((p) => p.lines.map((l) => [l.id, l.review]));
    const [first, second] = part.lines as [S['OrderLine'], S['OrderLine']];
    expect(await read()).toEqual([
      [first.id, null],
      [second.id, null],
    ]);

    const created = await post(bought, review({ order: placed, line: first }, 3));
    expect(created.status).toBe(201);
    expect(await read()).toEqual([
      [first.id, { id: created.body.id, rating: 3 }],
      [second.id, null],
    ]);
    // The seller's view of the same part says nothing about reviews.
    const sellers = await api.get<S['SellerOrder']>(`/seller/orders/${part.id}`, { key: 'sk_demo_seller_1' });
    expect(sellers.body.lines.some((l) => 'review' in l)).toBe(false);
  });
});
