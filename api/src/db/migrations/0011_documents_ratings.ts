import { type Kysely, sql } from 'kysely';

/**
 * The embedded document store's table (JSONB documents, see api/src/documents/documents.sql.ts) and
 * the rating aggregates copied from the document store, so product listing stays one SQL statement
 * and can sort by rating. The aggregates are rewritten whole, under a row lock, from counts read in
 * the document store (api/src/modules/reviews/reviews.aggregates.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const counts = `
    review_count integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
    rating_sum integer NOT NULL DEFAULT 0 CHECK (rating_sum BETWEEN review_count AND 5 * review_count),
    -- Visible reviews with 1..5 stars.
    star_counts integer[] NOT NULL DEFAULT '{0,0,0,0,0}' CHECK (cardinality(star_counts) = 5),
    -- rating_sum / review_count, kept for sorting (0 without reviews).
    average real NOT NULL DEFAULT 0,
    updated_at timestamptz(3) NOT NULL DEFAULT now()`;
  const statements = [
    sql`
      CREATE TABLE documents (
        collection text NOT NULL,
        id text NOT NULL,
        doc jsonb NOT NULL,
        PRIMARY KEY (collection, id)
      )
    `,
    sql.raw(
      `CREATE TABLE product_ratings (product_id text PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE, ${counts})`,
    ),
    sql.raw(
      `CREATE TABLE seller_ratings (seller_id text PRIMARY KEY REFERENCES sellers (id) ON DELETE CASCADE, ${counts})`,
    ),
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE seller_ratings`.execute(db);
  await sql`DROP TABLE product_ratings`.execute(db);
  await sql`DROP TABLE documents`.execute(db);
}
