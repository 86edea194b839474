import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { seedDemo } from '../../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

/**
 * A database of its own with the demo catalog for the tests of one file: created and seeded before
 * them, dropped after. `db` is readable from the first test on.
 */
export function demoCatalogForFile(): { readonly db: Kysely<Database> } {
  let testDb: TestDatabase | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    await seedDemo(testDb.container.database.db, { keys: 'demo' });
  }, 120_000);
  afterAll(() => testDb?.drop());
  return {
    get db() {
      if (!testDb) throw new Error('the demo catalog is created before the first test');
      return testDb.container.database.db;
    },
  };
}

/**
 * Random writes to every table a product's JSON reads (catalog, stock, prices, ratings, images),
 * for the tests that check what is derived from those tables against the tables themselves.
 */

/** A small deterministic PRNG, so a failure replays with the same writes. */
export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Ids of a table the random writes pick from, in id order. */
export const ids = async (
  db: Kysely<Database>,
  table: 'products' | 'variants' | 'sellers' | 'categories' | 'product_options',
) =>
  (await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} ORDER BY id`.execute(db)).rows.map(
    (r) => r.id,
  );

/** One random write to a table the product JSON reads; some touch many products in one statement. */
export async function randomWrite(db: Kysely<Database>, random: () => number): Promise<void> {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const n = Math.floor(random() * 1_000_000);
  switch (Math.floor(random() * 19)) {
    case 0:
      await sql`UPDATE variants SET inventory_quantity = ${n % 50} WHERE id = ${pick(await ids(db, 'variants'))}`.execute(
        db,
      );
      break;
    case 1:
      await sql`UPDATE variant_prices SET amount = ${n} WHERE variant_id = ${pick(await ids(db, 'variants'))}`.execute(
        db,
      );
      break;
    case 2: {
      const variant = pick(await ids(db, 'variants'));
      await sql`
        INSERT INTO variant_prices (variant_id, product_id, currency, amount)
        SELECT id, product_id, 'JPY', ${n} FROM variants WHERE id = ${variant}
        ON CONFLICT (variant_id, currency) DO UPDATE SET amount = excluded.amount
      `.execute(db);
      break;
    }
    case 3:
      await sql`DELETE FROM variant_prices WHERE variant_id = ${pick(await ids(db, 'variants'))} AND currency <> 'USD'`.execute(
        db,
      );
      break;
    case 4:
      await sql`
        UPDATE products SET title = ${`Renamed ${n}`}, description = ${n % 2 ? null : `About ${n}`},
               attributes = ${JSON.stringify({ n, tag: `t${n % 7}` })}::jsonb, updated_at = now()
         WHERE id = ${pick(await ids(db, 'products'))}
      `.execute(db);
      break;
    case 5:
      await sql`UPDATE products SET status = CASE status WHEN 'draft' THEN 'published' ELSE 'draft' END WHERE id = ${pick(await ids(db, 'products'))}`.execute(
        db,
      );
      break;
    case 6:
      await sql`UPDATE sellers SET name = ${`Seller ${n}`} WHERE id = ${pick(await ids(db, 'sellers'))}`.execute(
        db,
      );
      break;
    case 7:
      await sql`UPDATE categories SET name = ${`Category ${n}`} WHERE id = ${pick(await ids(db, 'categories'))}`.execute(
        db,
      );
      break;
    case 8:
      await sql`UPDATE products SET category_id = ${pick(await ids(db, 'categories'))} WHERE id = ${pick(await ids(db, 'products'))}`.execute(
        db,
      );
      break;
    case 9:
      await sql`DELETE FROM variants WHERE id = ${pick(await ids(db, 'variants'))}`.execute(db);
      break;
    case 10:
      await sql`UPDATE product_options SET values = ARRAY['x', ${String(n)}] WHERE id = ${pick(await ids(db, 'product_options'))}`.execute(
        db,
      );
      break;
    case 11:
      // Stock and another field in one statement: a rebuild, not a stock patch.
      await sql`UPDATE variants SET inventory_quantity = ${n % 9}, title = ${`Variant ${n}`} WHERE id = ${pick(await ids(db, 'variants'))}`.execute(
        db,
      );
      break;
    case 12: {
      // The review aggregate as reviews.aggregates.ts writes it: the row once, then rewritten whole.
      const product = pick(await ids(db, 'products'));
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
      await sql`DELETE FROM product_ratings WHERE product_id = ${pick(await ids(db, 'products'))}`.execute(
        db,
      );
      break;
    case 14:
      // An upload appended, as the media service writes the product's images.
      await sql`
        UPDATE products SET images = images || jsonb_build_array(jsonb_build_object(
                 'id', ${`img_${n}`}::text, 'url', ${`http://localhost/media/img_${n}`}::text,
                 'alt', ${`Picture ${n}`}::text,
                 'width', 800, 'height', 600)), updated_at = now()
         WHERE id = ${pick(await ids(db, 'products'))}
      `.execute(db);
      break;
    case 15:
      // Images reordered (reversed).
      await sql`
        UPDATE products SET images = (SELECT coalesce(jsonb_agg(e ORDER BY i DESC), '[]'::jsonb)
                                        FROM jsonb_array_elements(images) WITH ORDINALITY AS x(e, i))
         WHERE id = ${pick(await ids(db, 'products'))}
      `.execute(db);
      break;
    case 16:
      // The first image deleted, its alt text changed on another product.
      await sql`UPDATE products SET images = images - 0 WHERE id = ${pick(await ids(db, 'products'))}`.execute(
        db,
      );
      await sql`
        UPDATE products SET images = jsonb_set(images, '{0,alt}', to_jsonb(${`Alt ${n}`}::text))
         WHERE id = ${pick(await ids(db, 'products'))} AND jsonb_array_length(images) > 0
      `.execute(db);
      break;
    case 17:
      // Two variants of a product on one position: stock still fills the right variant.
      await sql`UPDATE variants SET position = 0 WHERE id = ${pick(await ids(db, 'variants'))}`.execute(db);
      break;
    default:
      // One statement over many products, as a stock import would write.
      await sql`UPDATE variants SET inventory_quantity = inventory_quantity + 1 WHERE product_id IN (
        SELECT id FROM products ORDER BY md5(id || ${String(n)}) LIMIT 25)`.execute(db);
  }
}
