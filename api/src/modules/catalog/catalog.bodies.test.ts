import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogForFile, prng, randomWrite } from '../../../test/support/catalog-writes.js';
import type { Database } from '../../db/schema.js';
import { type CatalogService, createCatalogService, type ListProductsInput } from './catalog.service.js';
import { type ProductBodies, productBodyCache } from './product-bodies.js';

const demo = demoCatalogForFile();
let db: Kysely<Database>;
beforeAll(() => {
  db = demo.db;
});

/** A body cache that counts its answers. */
function counted(inner: ProductBodies) {
  const seen = { held: 0, missing: 0 };
  const bodies: ProductBodies = {
    get: (key) => {
      const body = inner.get(key);
      if (body === undefined) seen.missing++;
      else seen.held++;
      return body;
    },
    set: (key, body) => inner.set(key, body),
  };
  return { bodies, seen };
}

/** Every page of a listing, parsed, following the cursors. */
async function allPages(service: CatalogService, input: ListProductsInput) {
  const pages: { data: unknown[]; next_cursor: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const page = JSON.parse(
      (await service.listProductsJson({ ...input, limit: 100, ...(cursor ? { cursor } : {}) })).toString(),
    ) as { data: unknown[]; next_cursor: string | null };
    pages.push(page);
    cursor = page.next_cursor;
  } while (cursor);
  return pages;
}

const LISTINGS: ListProductsInput[] = [
  { sort: 'newest' },
  { currency: 'EUR', sort: 'price_asc' },
  { q: 'linen', currency: 'JPY' },
];

describe("products' JSON kept by read-model version", () => {
  it('lists exactly what a listing reading every body lists, after each of 40 random writes', async () => {
    const whole = createCatalogService({ db, defaultCurrency: 'USD' });
    const { bodies, seen } = counted(productBodyCache(16 * 1_048_576));
    const kept = createCatalogService({ db, defaultCurrency: 'USD', bodies });
    const random = prng(21);
    for (let round = 0; round <= 40; round++) {
      // Catalog, stock, prices, ratings, images, sellers and categories (randomWrite's kinds).
      if (round > 0) await randomWrite(db, random);
      for (const input of LISTINGS) {
        const pages = await allPages(kept, input);
        expect(pages, `round ${round} ${JSON.stringify(input)}`).toEqual(await allPages(whole, input));
      }
    }
    // Most bodies came from memory; a written product's new version was read whole.
    expect(seen.held).toBeGreaterThan(10 * seen.missing);
    expect(seen.missing).toBeGreaterThan(0);
  }, 300_000);

  it('reads the page whole again when a body it holds is of an older version', async () => {
    const { bodies, seen } = counted(productBodyCache(16 * 1_048_576));
    const kept = createCatalogService({ db, defaultCurrency: 'USD', bodies });
    const first = JSON.parse((await kept.listProductsJson({ limit: 5 })).toString()) as {
      data: { id: string }[];
    };
    const id = first.data[2]?.id ?? '';
    await db.updateTable('products').set({ title: 'Kept by version' }).where('id', '=', id).execute();
    const missingBefore = seen.missing;
    const again = JSON.parse((await kept.listProductsJson({ limit: 5 })).toString()) as {
      data: { id: string; title: string }[];
    };
    expect(again.data.find((p) => p.id === id)?.title).toBe('Kept by version');
    expect(seen.missing).toBe(missingBefore + 1);
  });
});
