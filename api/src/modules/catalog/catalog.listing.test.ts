import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byNewest, demoOracle } from '../../../test/support/demo-oracle.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

type ProductList = components['schemas']['ProductList'];

const oracle = demoOracle();
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/** Follows next_cursor from the first page to the last and returns every product id in order. */
async function walk(query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const sep = query ? '&' : '';
    const url: string = `/store/products?${query}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await api.get<ProductList>(url);
    expect(res.status, url).toBe(200);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    ids.push(...res.body.data.map((p) => p.id));
    cursor = res.body.next_cursor;
    if (!cursor) return ids;
    expect(res.body.data.length).toBe(limit);
  }
  throw new Error('pagination did not end');
}

describe('GET /store/products pagination', () => {
  it('walks every visible product exactly once, newest first, and hides drafts and inactive sellers', async () => {
    const ids = await walk('', 37);
    const expected = [...oracle.visible].sort(byNewest).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(400);
    expect(oracle.products.length - expected.length).toBeGreaterThan(20);
    expect(ids).toEqual(expected);
  });

  it.each(['price_asc', 'price_desc'] as const)(
    'walks %s in EUR by lowest variant price, ties by id',
    async (sort) => {
      const ids = await walk(`sort=${sort}&currency=EUR`, 100);
      const dir = sort === 'price_asc' ? 1 : -1;
      const expected = oracle.visible
        .filter((p) => p.prices.EUR)
        .sort(
          (a, b) =>
            dir * (oracle.minPrice(a, 'EUR') - oracle.minPrice(b, 'EUR')) || dir * (a.id < b.id ? -1 : 1),
        )
        .map((p) => p.id);
      expect(expected.length).toBeLessThan(oracle.visible.length); // some products have no EUR price
      expect(ids).toEqual(expected);
    },
  );

  it('pages through relevance-ranked search results without gaps or repeats', async () => {
    const all = await api.get<ProductList>('/store/products?q=linen&limit=100');
    const walked = await walk('q=linen', 7);
    expect(walked).toEqual(all.body.data.map((p) => p.id));
    // With `q` and no sort the order is relevance, as the spec's `sort` parameter says.
    const ranked = await api.get<ProductList>('/store/products?q=linen&sort=relevance&limit=100');
    expect(ranked.body.data.map((p) => p.id)).toEqual(walked);
    const expected = oracle.visible
      .filter((p) => /\blinen\b/i.test(`${p.title} ${p.description}`))
      .map((p) => p.id);
    expect(new Set(walked)).toEqual(new Set(expected));
  });

  it('keeps its place when a newer product appears between pages', async () => {
    const first = await api.get<ProductList>('/store/products?limit=5');
    const seller = oracle.catalog.sellers[0];
    await api.db.container.database.db
      .insertInto('products')
      .values({
        id: 'prod_01ZZZZZZZZZZZZZZZZZZZZZZZZ',
        handle: 'late-arrival',
        title: 'Late Arrival',
        seller_id: seller?.id ?? '',
        status: 'published',
        attributes: '{}',
        images: '[]',
        created_at: new Date('2030-01-01T00:00:00Z'),
      })
      .execute();
    try {
      const second = await api.get<ProductList>(`/store/products?limit=5&cursor=${first.body.next_cursor}`);
      const expected = [...oracle.visible].sort(byNewest).map((p) => p.id);
      expect(second.body.data.map((p) => p.id)).toEqual(expected.slice(5, 10));
    } finally {
      await api.db.container.database.db
        .deleteFrom('products')
        .where('id', '=', 'prod_01ZZZZZZZZZZZZZZZZZZZZZZZZ')
        .execute();
    }
  });
});

describe('GET /store/products filters', () => {
  it('includes descendant categories, by handle or id', async () => {
    const home = oracle.subtree('home');
    expect(home.size).toBeGreaterThan(4); // home > kitchen > cookware is three levels deep
    const expected = oracle.visible.filter((p) => home.has(p.categoryId)).map((p) => p.id);
    expect(new Set(await walk('category=home', 100))).toEqual(new Set(expected));
    const homeId = oracle.catalog.categories.find((c) => c.handle === 'home')?.id;
    expect(new Set(await walk(`category=${homeId}`, 100))).toEqual(new Set(expected));
  });

  it('filters by seller handle or id, and shows nothing of a suspended seller', async () => {
    const atlas = oracle.catalog.sellers.find((s) => s.handle === 'atlas-outfitters');
    const expected = oracle.visible.filter((p) => p.sellerId === atlas?.id).map((p) => p.id);
    expect(new Set(await walk('seller=atlas-outfitters', 100))).toEqual(new Set(expected));
    expect(new Set(await walk(`seller=${atlas?.id}`, 100))).toEqual(new Set(expected));
    expect(await walk('seller=shady-deals', 100)).toEqual([]);
    expect(oracle.products.some((p) => p.sellerHandle === 'shady-deals')).toBe(true);
  });

  it('keeps products with at least one variant priced inside the range', async () => {
    const [min, max] = [10_000, 15_000];
    const expected = oracle.visible
      .filter((p) => (p.prices.USD ?? []).some((a) => a >= min && a <= max))
      .map((p) => p.id);
    expect(expected.length).toBeGreaterThan(5);
    expect(new Set(await walk(`currency=USD&min_price=${min}&max_price=${max}`, 100))).toEqual(
      new Set(expected),
    );
  });

  it('combines search, category, price and sort', async () => {
    const footwear = oracle.subtree('footwear');
    const expected = oracle.visible
      .filter((p) => footwear.has(p.categoryId) && /\bleather\b/i.test(`${p.title} ${p.description}`))
      .filter((p) => (p.prices.USD ?? []).some((a) => a <= 30_000))
      .sort((a, b) => oracle.minPrice(a, 'USD') - oracle.minPrice(b, 'USD') || (a.id < b.id ? -1 : 1))
      .map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    const ids = await walk('q=leather&category=footwear&currency=USD&max_price=30000&sort=price_asc', 3);
    expect(ids).toEqual(expected);
  });

  it('finds the words a half-typed last word begins, and only those', async () => {
    const text = (p: (typeof oracle.visible)[number]) => `${p.title} ${p.description}`;
    const search = async (q: string) => new Set((await walk(`q=${encodeURIComponent(q)}`, 100)).sort());
    const matching = (test: (p: (typeof oracle.visible)[number]) => boolean) =>
      new Set(
        oracle.visible
          .filter(test)
          .map((p) => p.id)
          .sort(),
      );

    const chelsea = matching((p) => /\bchel/i.test(text(p)));
    expect(chelsea.size).toBeGreaterThan(0);
    expect(await search('chel')).toEqual(chelsea);
    expect(await search('CHELSEA')).toEqual(chelsea);
    // The words before the last are whole words, all required.
    const leatherChelsea = matching((p) => /\bleather\b/i.test(text(p)) && /\bchel/i.test(text(p)));
    expect(leatherChelsea.size).toBeGreaterThan(0);
    expect(leatherChelsea.size).toBeLessThan(chelsea.size);
    expect(await search('leather chel')).toEqual(leatherChelsea);
    // A stop word as typed still begins longer words ("her": heritage).
    const heritage = matching((p) => /\bher\w/i.test(text(p)));
    expect(heritage.size).toBeGreaterThan(0);
    expect(await search('her')).toEqual(heritage);
    // A plural still finds the word its stem begins; a finished or quoted word is matched whole.
    expect(await search('boots')).toEqual(matching((p) => /\bboots?\b/i.test(text(p))));
    expect(await search('chel ')).toEqual(new Set());
    expect(await search('"chel"')).toEqual(new Set());
    expect(await search('boots -chel')).toEqual(
      matching((p) => /\bboots?\b/i.test(text(p)) && !/\bchel\b/i.test(text(p))),
    );
  });

  it('ranks a title match above a description-only match', async () => {
    const db = api.db.container.database.db;
    const seller = oracle.catalog.sellers[0]?.id ?? '';
    const rows = [
      {
        id: 'prod_01AAAAAAAAAAAAAAAAAAAAAAAA',
        handle: 'quokka-in-body',
        title: 'Plain Mug',
        description: 'A mug with a quokka print.',
      },
      {
        id: 'prod_01BBBBBBBBBBBBBBBBBBBBBBBB',
        handle: 'quokka-in-title',
        title: 'Quokka Mug',
        description: 'A plain mug.',
      },
    ];
    await db
      .insertInto('products')
      .values(
        rows.map((r) => ({
          ...r,
          seller_id: seller,
          status: 'published' as const,
          attributes: '{}',
          images: '[]',
        })),
      )
      .execute();
    try {
      const res = await api.get<ProductList>('/store/products?q=quokkas');
      expect(res.body.data.map((p) => p.handle)).toEqual(['quokka-in-title', 'quokka-in-body']);
    } finally {
      await db.deleteFrom('products').where('handle', 'like', 'quokka-%').execute();
    }
  });

  it('prices variants in the requested currency, null where there is none', async () => {
    const res = await api.get<ProductList>('/store/products?currency=EUR&limit=100');
    const variants = res.body.data.flatMap((p) => p.variants);
    expect(variants.some((v) => v.price === null)).toBe(true);
    for (const product of res.body.data) {
      const eur = oracle.products.find((p) => p.id === product.id)?.prices.EUR;
      expect(product.price_range).toEqual(
        eur
          ? {
              min: { amount: Math.min(...eur), currency: 'EUR' },
              max: { amount: Math.max(...eur), currency: 'EUR' },
            }
          : null,
      );
      for (const v of product.variants) {
        expect(v.price).toEqual(v.prices.find((p) => p.currency === 'EUR') ?? null);
        expect(Number.isInteger(v.available_quantity)).toBe(true);
      }
    }
  });
});

describe('GET /store/products cost', () => {
  it('runs the same small number of queries whatever the page size (no N+1)', async () => {
    const counts: number[] = [];
    for (const url of [
      '/store/products?limit=1',
      '/store/products?limit=100',
      '/store/products?limit=100&q=linen&category=home',
    ]) {
      api.resetQueryCount();
      const res = await api.get<ProductList>(url);
      expect(res.status).toBe(200);
      counts.push(api.queryCount({ requestsOnly: true }));
    }
    expect(counts).toEqual([1, 1, 1]);
  });
});

describe('GET /store/products rejects inconsistent input', () => {
  it.each([
    ['min_price=100', 'currency_required'],
    ['sort=price_desc', 'currency_required'],
    ['sort=relevance', 'query_required'],
    ['currency=USD&min_price=500&max_price=100', 'validation_failed'],
    ['cursor=not-a-cursor', 'invalid_cursor'],
    [
      `cursor=${Buffer.from('{"v":1,"k":"DROP TABLE","i":"x","f":"y"}').toString('base64url')}`,
      'invalid_cursor',
    ],
  ])('%s -> %s', async (query, code) => {
    const res = await api.get<Problem>(`/store/products?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it('refuses a cursor made for other filters or another sort', async () => {
    const page = await api.get<ProductList>('/store/products?limit=2&q=linen');
    const cursor = page.body.next_cursor;
    for (const query of [
      `q=wool&cursor=${cursor}`,
      `q=linen&sort=newest&cursor=${cursor}`,
      `q=linen&seller=nordic-home&cursor=${cursor}`,
    ]) {
      const res = await api.get<Problem>(`/store/products?${query}`);
      expect(res.body.code, query).toBe('invalid_cursor');
    }
    const same = await api.get<ProductList>(`/store/products?q=linen&limit=50&cursor=${cursor}`);
    expect(same.status).toBe(200);
  });

  it('reports body fields as JSON pointers on the search endpoint', async () => {
    const res = await api.request<Problem>('POST', '/store/products/search', { json: { sort: 'price_asc' } });
    expect(res.body.code).toBe('currency_required');
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'body', field: '/currency' })]);
    const ok = await api.request<ProductList>('POST', '/store/products/search', {
      json: { q: 'linen', category: 'home', limit: 3 },
    });
    const get = await api.get<ProductList>('/store/products?q=linen&category=home&limit=3');
    expect(ok.body).toEqual(get.body);
  });
});
