import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOracle } from '../../../test/support/demo-oracle.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { type ReviewDoc, reviewsOf } from './reviews.documents.js';
import { atlasProduct } from './reviews.fixtures.js';

type S = components['schemas'];

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

// A product of the seller of sk_demo_seller_1 (its list is checked too), and another product.
const first = atlasProduct(1).product;
const second = demoOracle().visible.find((p) => p.id !== first.id);
let serial = 0;

/**
 * A review document written straight to the store: paging reads only documents, and buying a line
 * per review would make ties in `created_at` impossible to arrange. Ids sort in writing order.
 */
function reviewDoc(product: { id: string; sellerId: string }, at: string, over: Partial<ReviewDoc> = {}) {
  serial++;
  return {
    _id: `rev_T${String(serial).padStart(6, '0')}`,
    product_id: product.id,
    seller_id: product.sellerId,
    order_id: `ord_T${serial}`,
    order_line_id: `oli_T${serial}`,
    customer_id: null,
    rating: (serial % 5) + 1,
    title: `Review ${serial}`,
    body: 'Paged.',
    attributes: {},
    author_name: 'Test B.',
    status: 'visible',
    reply: null,
    moderation: null,
    created_at: at,
    updated_at: at,
    synced: true,
    last_event: 'review.created',
    ...over,
  } satisfies ReviewDoc;
}

const instant = (s: number) => new Date(Date.UTC(2026, 10, 1, 12, 0, s)).toISOString();

/** Pages through `path` with `limit`, calling `between` after each page; answers every id in order. */
async function pageAll(
  path: string,
  limit: number,
  options: { key?: string; between?: () => Promise<void> } = {},
) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 50; n++) {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: S['ReviewList'] } = await api.get<S['ReviewList']>(
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      options.key ? { key: options.key } : {},
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.data.map((r) => r.id));
    cursor = res.body.next_cursor;
    if (!cursor) return ids;
    await options.between?.();
  }
  throw new Error('more than 50 pages');
}

describe('review pages are keyset pages', () => {
  it('pages through reviews that share a created_at without repeating or skipping one', async () => {
    // 3 instants, 4 reviews each; a hidden one and another product's are not in the product's list.
    const docs = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3].map((s) => reviewDoc(first, instant(s)));
    const hidden = reviewDoc(first, instant(2), { status: 'hidden' });
    const elsewhere = second ? [reviewDoc(second, instant(2))] : [];
    for (const d of [...docs, hidden, ...elsewhere]) await reviewsOf(api.db.container.documents).insert(d);
    const newestFirst = [...docs]
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || (b._id < a._id ? -1 : 1))
      .map((d) => d._id);
    for (const limit of [1, 3, 5, 12]) {
      expect(await pageAll(`/store/products/${first.id}/reviews`, limit)).toEqual(newestFirst);
    }
    // The seller's list shows the hidden one too; the operator's every review.
    const seller = await pageAll(`/seller/reviews`, 5, { key: 'sk_demo_seller_1' });
    const sellerDocs = [...docs, hidden, ...elsewhere].filter((d) => d.seller_id === first.sellerId);
    expect([...seller].sort()).toEqual(sellerDocs.map((d) => d._id).sort());
    expect(new Set(seller).size).toBe(seller.length);
    const all = await pageAll('/admin/reviews', 4);
    expect(all).toHaveLength(docs.length + 1 + elsewhere.length);
    expect(new Set(all).size).toBe(all.length);
  });

  it('neither repeats nor skips an older review while new ones are written between pages', async () => {
    if (!second) throw new Error('no second demo product');
    const before = Array.from({ length: 9 }, (_, i) => reviewDoc(second, instant(20 + Math.floor(i / 2))));
    for (const d of before) await reviewsOf(api.db.container.documents).insert(d);
    const existing = (await pageAll(`/store/products/${second.id}/reviews`, 100)).length;
    let now = 40;
    const seen = await pageAll(`/store/products/${second.id}/reviews`, 2, {
      // Two newer reviews land after every page: with an offset the next page would repeat two.
      between: async () => {
        for (const _ of [0, 1])
          await reviewsOf(api.db.container.documents).insert(reviewDoc(second, instant(now++)));
      },
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(existing);
    for (const d of before) expect(seen).toContain(d._id);
  });

  it('refuses a forged, altered or foreign cursor with 400 invalid_cursor', async () => {
    if (!second) throw new Error('no second demo product');
    const page = await api.get<S['ReviewList']>(`/store/products/${first.id}/reviews?limit=1`);
    const cursor = page.body.next_cursor as string;
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forged = [
      'not-a-cursor',
      // The offset cursors this listing used to issue.
      b64({ v: 1, k: 20, i: payload.i, f: payload.f }),
      b64({ ...payload, k: '2026-02-31T00:00:00.000Z' }),
      b64({ ...payload, k: { $gt: '' } }),
      b64({ ...payload, i: 'rev_x"; DROP' }),
      b64({ ...payload, f: 'other' }),
    ];
    const paths = [
      ...forged.map((c) => `/store/products/${first.id}/reviews?cursor=${c}`),
      // A cursor of one product's list is not one of another's, nor of the seller's list.
      `/store/products/${second.id}/reviews?cursor=${cursor}`,
    ];
    for (const path of paths) {
      const res = await api.get<Problem>(path);
      expect([res.status, res.body.code], path).toEqual([400, 'invalid_cursor']);
    }
    const seller = await api.get<Problem>(`/seller/reviews?cursor=${cursor}`, { key: 'sk_demo_seller_1' });
    expect([seller.status, seller.body.code]).toEqual([400, 'invalid_cursor']);
  });
});
