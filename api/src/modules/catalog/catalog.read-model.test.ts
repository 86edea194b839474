import { isDeepStrictEqual } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import type { Database } from '../../db/schema.js';
import { seedDemo } from '../../seed/seed.js';
import { toRating } from './rating.views.js';
import { fillStock } from './read-model.js';

let testDb: TestDatabase;
let db: Kysely<Database>;
beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.container.database.db;
  await seedDemo(db, { keys: 'demo' });
});
afterAll(() => testDb?.drop());

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

/** A small deterministic PRNG, so a failure replays with the same writes. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ids = async (table: 'products' | 'variants' | 'sellers' | 'categories' | 'product_options') =>
  (await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} ORDER BY id`.execute(db)).rows.map(
    (r) => r.id,
  );

/** One random write to a table the product JSON reads; some touch many products in one statement. */
async function randomWrite(random: () => number): Promise<void> {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const n = Math.floor(random() * 1_000_000);
  switch (Math.floor(random() * 19)) {
    case 0:
      await sql`UPDATE variants SET inventory_quantity = ${n % 50} WHERE id = ${pick(await ids('variants'))}`.execute(
        db,
      );
      break;
    case 1:
      await sql`UPDATE variant_prices SET amount = ${n} WHERE variant_id = ${pick(await ids('variants'))}`.execute(
        db,
      );
      break;
    case 2: {
      const variant = pick(await ids('variants'));
      await sql`
        INSERT INTO variant_prices (variant_id, product_id, currency, amount)
        SELECT id, product_id, 'JPY', ${n} FROM variants WHERE id = ${variant}
        ON CONFLICT (variant_id, currency) DO UPDATE SET amount = excluded.amount
      `.execute(db);
      break;
    }
    case 3:
      await sql`DELETE FROM variant_prices WHERE variant_id = ${pick(await ids('variants'))} AND currency <> 'USD'`.execute(
        db,
      );
      break;
    case 4:
      await sql`
        UPDATE products SET title = ${`Renamed ${n}`}, description = ${n % 2 ? null : `About ${n}`},
               attributes = ${JSON.stringify({ n, tag: `t${n % 7}` })}::jsonb, updated_at = now()
         WHERE id = ${pick(await ids('products'))}
      `.execute(db);
      break;
    case 5:
      await sql`UPDATE products SET status = CASE status WHEN 'draft' THEN 'published' ELSE 'draft' END WHERE id = ${pick(await ids('products'))}`.execute(
        db,
      );
      break;
    case 6:
      await sql`UPDATE sellers SET name = ${`Seller ${n}`} WHERE id = ${pick(await ids('sellers'))}`.execute(
        db,
      );
      break;
    case 7:
      await sql`UPDATE categories SET name = ${`Category ${n}`} WHERE id = ${pick(await ids('categories'))}`.execute(
        db,
      );
      break;
    case 8:
      await sql`UPDATE products SET category_id = ${pick(await ids('categories'))} WHERE id = ${pick(await ids('products'))}`.execute(
        db,
      );
      break;
    case 9:
      await sql`DELETE FROM variants WHERE id = ${pick(await ids('variants'))}`.execute(db);
      break;
    case 10:
      await sql`UPDATE product_options SET values = ARRAY['x', ${String(n)}] WHERE id = ${pick(await ids('product_options'))}`.execute(
        db,
      );
      break;
    case 11:
      // Stock and another field in one statement: a rebuild, not a stock patch.
      await sql`UPDATE variants SET inventory_quantity = ${n % 9}, title = ${`Variant ${n}`} WHERE id = ${pick(await ids('variants'))}`.execute(
        db,
      );
      break;
    case 12: {
      // The review aggregate as reviews.aggregates.ts writes it: the row once, then rewritten whole.
      const product = pick(await ids('products'));
      const stars = [0, 1, 2, 3, 4].map(() => Math.floor(random() * 4));
      const count = stars.reduce((a, b) => a + b, 0);
      const sum = stars.reduce((a, b, i) => a + b * (i + 1), 0);
      await sql`INSERT INTO product_ratings (product_id) VALUES (${product}) ON CONFLICT DO NOTHING`.execute(
        db,
      );
      await sql`
        UPDATE product_ratings SET review_count = ${count}, rating_sum = ${sum}, star_counts = ${stars}::int[],
               average = ${count === 0 ? 0 : sum / count}::real, updated_at = now()
         WHERE product_id = ${product}
      `.execute(db);
      break;
    }
    case 13:
      await sql`DELETE FROM product_ratings WHERE product_id = ${pick(await ids('products'))}`.execute(db);
      break;
    case 14:
      // An upload appended, as the media service writes the product's images.
      await sql`
        UPDATE products SET images = images || jsonb_build_array(jsonb_build_object(
                 'id', ${`img_${n}`}::text, 'url', ${`http://localhost/media/img_${n}`}::text,
                 'alt', ${`Picture ${n}`}::text,
                 'width', 800, 'height', 600)), updated_at = now()
         WHERE id = ${pick(await ids('products'))}
      `.execute(db);
      break;
    case 15:
      // Images reordered (reversed).
      await sql`
        UPDATE products SET images = (SELECT coalesce(jsonb_agg(e ORDER BY i DESC), '[]'::jsonb)
                                        FROM jsonb_array_elements(images) WITH ORDINALITY AS x(e, i))
         WHERE id = ${pick(await ids('products'))}
      `.execute(db);
      break;
    case 16:
      // The first image deleted, its alt text changed on another product.
      await sql`UPDATE products SET images = images - 0 WHERE id = ${pick(await ids('products'))}`.execute(
        db,
      );
      await sql`
        UPDATE products SET images = jsonb_set(images, '{0,alt}', to_jsonb(${`Alt ${n}`}::text))
         WHERE id = ${pick(await ids('products'))} AND jsonb_array_length(images) > 0
      `.execute(db);
      break;
    case 17:
      // Two variants of a product on one position: stock still fills the right variant.
      await sql`UPDATE variants SET position = 0 WHERE id = ${pick(await ids('variants'))}`.execute(db);
      break;
    default:
      // One statement over many products, as a stock import would write.
      await sql`UPDATE variants SET inventory_quantity = inventory_quantity + 1 WHERE product_id IN (
        SELECT id FROM products ORDER BY md5(id || ${String(n)}) LIMIT 25)`.execute(db);
  }
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
    for (let i = 0; i < 100; i++) await randomWrite(random);
    for (let t = 0; t < 10; t++) {
      await db.transaction().execute(async (trx) => {
        const saved = db;
        db = trx;
        try {
          for (let i = 0; i < 5; i++) await randomWrite(random);
        } finally {
          db = saved;
        }
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
    const [product] = await ids('products');
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
