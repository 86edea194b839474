import { isDeepStrictEqual } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogForFile, ids, prng, randomWrite } from '../../../test/support/catalog-writes.js';
import type { Database } from '../../db/schema.js';
import { toRating } from './rating.views.js';
import { fillStock } from './read-model.js';

const demo = demoCatalogForFile();
let db: Kysely<Database>;
beforeAll(() => {
  db = demo.db;
});

interface Mismatch {
  product_id: string;
  currency: string;
  stored: unknown;
  live: unknown;
}

/**
 * Every (product, currency) whose stored JSON, filled with the current stock as the API fills it,
 * differs from the live projection over the current tables, including rows missing on either side.
 */
async function mismatches(): Promise<Mismatch[]> {
  const result = await sql<{
    product_id: string;
    currency: string;
    stored: string | null;
    live: string | null;
    stock: number[];
    ratings: [number, number, number[]] | null;
  }>`
    WITH live AS (
      SELECT p.id AS product_id, cur.currency, product_document(p.id, nullif(cur.currency, '*'))::text AS body
        FROM products p
        CROSS JOIN LATERAL (
          SELECT '*' AS currency UNION SELECT DISTINCT currency FROM variant_prices WHERE product_id = p.id
        ) cur
    )
    SELECT coalesce(l.product_id, r.product_id) AS product_id, coalesce(l.currency, r.currency) AS currency,
           r.body AS stored, l.body AS live,
           ARRAY(SELECT v.inventory_quantity FROM variants v
                  WHERE v.product_id = coalesce(l.product_id, r.product_id) ORDER BY v.position, v.id) AS stock,
           (SELECT json_build_array(pr.review_count, pr.rating_sum, pr.star_counts) FROM product_ratings pr
             WHERE pr.product_id = coalesce(l.product_id, r.product_id)) AS ratings
      FROM live l
      FULL JOIN product_read_model r ON r.product_id = l.product_id AND r.currency = l.currency
  `.execute(db);
  const found: Mismatch[] = [];
  for (const row of result.rows) {
    let stored: unknown = null;
    try {
      stored = row.stored === null ? null : JSON.parse(fillStock(row.stored, row.stock));
    } catch (err) {
      stored = String(err);
    }
    const live = row.live === null ? null : JSON.parse(row.live);
    // The rating as the API computed it in JavaScript before the read model (toRating), so the SQL
    // projection's rounding is checked against it, not only against itself.
    const [count, sum, stars] = row.ratings ?? [0, 0, [0, 0, 0, 0, 0]];
    const rating = (live as { rating?: unknown } | null)?.rating;
    if (live !== null && !isDeepStrictEqual(rating, toRating(count, sum, stars)))
      found.push({
        product_id: row.product_id,
        currency: row.currency,
        stored: rating,
        live: toRating(count, sum, stars),
      });
    else if (!isDeepStrictEqual(stored, live))
      found.push({ product_id: row.product_id, currency: row.currency, stored, live });
  }
  return found;
}

describe('product read model', () => {
  it('equals the live projection for every product and currency after the seed', async () => {
    expect(
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM product_read_model`.execute(db)).rows[0]?.n),
    ).toBeGreaterThan(500);
    expect(await mismatches()).toEqual([]);
  });

  it('still equals it after 150 random writes (catalog, stock, ratings, images), alone and inside transactions', async () => {
    const random = prng(14);
    for (let i = 0; i < 100; i++) await randomWrite(db, random);
    for (let t = 0; t < 10; t++) {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < 5; i++) await randomWrite(trx, random);
      });
    }
    expect(await mismatches()).toEqual([]);
    // A seller or category rename rebuilds every product it names: slow on a shared, loaded machine.
  }, 180_000);

  it('notices a write the triggers did not see (the check can fail)', async () => {
    await db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE variants DISABLE TRIGGER USER`.execute(trx);
      await sql`UPDATE variants SET title = title || ' (changed)' WHERE id = (SELECT min(id) FROM variants)`.execute(
        trx,
      );
      await sql`ALTER TABLE variants ENABLE TRIGGER USER`.execute(trx);
    });
    const found = await mismatches();
    expect(found.length).toBeGreaterThan(0);
    // A no-op write changes nothing, so it refreshes nothing; the refresh function repairs.
    await sql`SELECT refresh_product_read_model(ARRAY(SELECT product_id FROM variants WHERE id = (SELECT min(id) FROM variants)))`.execute(
      db,
    );
    expect(await mismatches()).toEqual([]);
  });
});

describe('product read model under concurrent writes', () => {
  it('builds from both of two transactions writing one product at once (a rating and an edit)', async () => {
    const [product] = await ids(db, 'products');
    if (product === undefined) throw new Error('no products');
    await sql`INSERT INTO product_ratings (product_id) VALUES (${product}) ON CONFLICT DO NOTHING`.execute(
      db,
    );
    let updated!: () => void;
    const titleWritten = new Promise<void>((resolve) => {
      updated = resolve;
    });
    // The edit holds the product (and its read-model rows) until it commits; on PostgreSQL the
    // rating's refresh waits for it and then reads the new title; embedded, the two run in turn.
    const edit = db.transaction().execute(async (trx) => {
      await sql`UPDATE products SET title = 'Edited concurrently' WHERE id = ${product}`.execute(trx);
      updated();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await titleWritten;
    const rating = sql`
      UPDATE product_ratings SET review_count = 1, rating_sum = 4, star_counts = '{0,0,0,1,0}', average = 4
       WHERE product_id = ${product}
    `.execute(db);
    await Promise.all([edit, rating]);
    const body = await sql<{ body: string }>`
      SELECT body FROM product_read_model WHERE product_id = ${product} AND currency = '*'
    `.execute(db);
    expect(JSON.parse(body.rows[0]?.body ?? '{}')).toMatchObject({
      title: 'Edited concurrently',
      rating: { average: 4, count: 1 },
    });
    expect(await mismatches()).toEqual([]);
  });
});
