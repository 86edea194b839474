import { type Kysely, sql } from 'kysely';

/**
 * The stock placeholder of the stored product JSON becomes plain ASCII (`"<stock>"`, was `"§stock§"`).
 * The `§` was the only character of a seeded catalog's bodies outside ASCII, and with it in every body
 * the API decoded each one with V8's general UTF-8 decoder instead of its ASCII copy, and split, joined
 * and encoded the page again character by character (bench/findings/reads.md, tenth pass). What makes the
 * placeholder unambiguous is the member around it (`"available_quantity" : "`, quotes unescaped, a
 * space before the colon that jsonb output never has), not the character. `product_document` is
 * redefined from its current definition with only the placeholder changed, and the stored bodies get
 * the same change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await swapPlaceholder(db, '§stock§', '<stock>');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await swapPlaceholder(db, '<stock>', '§stock§');
}

/** Rewrites `product_document` and every stored body with another stock placeholder. */
async function swapPlaceholder(db: Kysely<unknown>, from: string, to: string): Promise<void> {
  const { rows } = await sql<{ definition: string }>`
    SELECT pg_get_functiondef('product_document(text, text, boolean)'::regprocedure) AS definition
  `.execute(db);
  const definition = rows[0]?.definition ?? '';
  if (!definition.includes(`to_json('${from}'::text)`)) {
    throw new Error(`product_document does not write the placeholder ${from}`);
  }
  await sql.raw(definition.replace(`to_json('${from}'::text)`, `to_json('${to}'::text)`)).execute(db);
  const member = (placeholder: string) => `"available_quantity" : "${placeholder}"`;
  await sql`UPDATE product_read_model SET body = replace(body, ${member(from)}, ${member(to)})`.execute(db);
}
