import { CompiledQuery, type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { PREPARED_MARK } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import type { SellerStatus } from '../sellers/sellers.table.js';
import { type SearchTerms, searchTerms, textSearchQuery } from './search-terms.js';

/** Orders a product listing can take. */
export type ProductSort = 'relevance' | 'price_asc' | 'price_desc' | 'newest' | 'rating';

/** Where the previous page ended: the sort key of its last row and that row's id. */
import type { Keyset } from '../../lib/cursor.js';

export type { Keyset };

/** A listing query, already checked by the service (price sorts and filters carry a currency). */
export interface ProductQuery {
  q?: string | undefined;
  category?: string | undefined;
  seller?: string | undefined;
  /** Currency of the price filter and price sorts. */
  priceCurrency?: string | undefined;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  sort: ProductSort;
  after?: Keyset | undefined;
  limit: number;
  /** Currency the price range of each product is reported in. */
  displayCurrency: string;
  /** Restrict to these product ids (batch loading). */
  ids?: readonly string[] | undefined;
}

/**
 * One product of a page: its keyset, its stored storefront JSON, the version of that JSON and its
 * variants' stock in order.
 */
export interface ProductRow {
  id: string;
  sort_key: number | string;
  body: string;
  /**
   * Which read-model row the body is and which version of it: the row's `xmin` (the transaction
   * that wrote it; every refresh writes the row anew), `*`-prefixed for the currency-less row.
   */
  version: string;
  stock: number[];
}

/** A page row without its body: what a caller holding the bodies by version needs. */
export type ProductVersionRow = Omit<ProductRow, 'body'>;

/** Order of the page query: newest walks the created_at index directly. */
const PAGE_ORDER: Record<ProductSort, string> = {
  newest: 'p.created_at DESC, p.id DESC',
  relevance: 'sort_key DESC, p.id ASC',
  price_asc: 'sort_key ASC, p.id ASC',
  price_desc: 'sort_key DESC, p.id DESC',
  rating: 'sort_key DESC, p.id ASC',
};

/** The same order over the page's columns (newest's sort_key is an ISO timestamp, which sorts as time). */
const OUTER_ORDER: Record<ProductSort, string> = {
  newest: 'page.sort_key DESC, page.id DESC',
  relevance: 'page.sort_key DESC, page.id ASC',
  price_asc: 'page.sort_key ASC, page.id ASC',
  price_desc: 'page.sort_key DESC, page.id DESC',
  rating: 'page.sort_key DESC, page.id ASC',
};

/** The values of a listing statement, by name: its text is compiled once per shape and filled with these. */
type Values = {
  q: string | undefined;
  qPrefix: string | undefined;
  category: string | undefined;
  seller: string;
  priceCurrency: string;
  minPrice: number;
  maxPrice: number;
  afterKey: number | string | undefined;
  afterId: string | undefined;
  displayCurrency: string;
};

/** Stands for one of `Values` where the statement is built; compiling turns it into a `$n` parameter. */
class Slot {
  constructor(readonly name: keyof Values) {}
}
const slot = <T = string>(name: keyof Values) => new Slot(name) as unknown as T;

/** Compiled listing statements by shape (at most `MAX_SHAPES`; a shape beyond them is compiled per call). */
const compiled = new Map<string, { sql: string; parameters: readonly unknown[] }>();
const MAX_SHAPES = 256;

/**
 * Reads a page of published products of active sellers in one statement, whatever the page size:
 * a materialised CTE picks the page by the filters and keyset on the `products` indexes, then each
 * row's JSON comes ready from the read model (two primary-key lookups: the display currency's row,
 * else the currency-less one) with the variants' stock beside it, so nothing is aggregated per request.
 * Building and compiling the statement with Kysely is done once per shape (sort, page size, which
 * filters are given), not per request: only the values change between requests of one shape.
 */
export async function findProducts(db: Kysely<Database>, query: ProductQuery): Promise<ProductRow[]> {
  return (await listing(db, query, true)) as ProductRow[];
}

/**
 * The same page without the bodies (ids, keys, versions, stock: ~1.5 KB for 21 rows against ~50 KB),
 * for a caller that holds the bodies by version and asks `findProducts` only when one is missing.
 */
export async function findProductVersions(
  db: Kysely<Database>,
  query: ProductQuery,
): Promise<ProductVersionRow[]> {
  return listing(db, query, false);
}

async function listing(db: Kysely<Database>, query: ProductQuery, bodies: boolean) {
  const terms = query.q === undefined ? undefined : searchTerms(query.q);
  // Everything the statement's text depends on; an id list's text varies with its length: never kept.
  const shape =
    query.ids === undefined
      ? [
          bodies,
          query.sort,
          query.limit,
          terms?.text !== undefined,
          terms?.prefix !== undefined,
          query.category !== undefined,
          query.seller !== undefined,
          query.minPrice !== undefined,
          query.maxPrice !== undefined,
          query.after !== undefined,
        ].join()
      : undefined;
  let statement = shape === undefined ? undefined : compiled.get(shape);
  if (statement === undefined) {
    statement = productsStatement(db, query, terms, bodies).compile(db);
    if (shape !== undefined && compiled.size < MAX_SHAPES) compiled.set(shape, statement);
  }
  const values: Values = {
    q: terms?.text,
    qPrefix: terms?.prefix === undefined ? undefined : `${terms.prefix}:*`,
    category: query.category,
    seller: query.seller ?? '',
    priceCurrency: query.priceCurrency ?? '',
    minPrice: query.minPrice ?? 0,
    maxPrice: query.maxPrice ?? 0,
    afterKey: query.after?.sortKey,
    afterId: query.after?.id,
    displayCurrency: query.displayCurrency,
  };
  const parameters = statement.parameters.map((p) => (p instanceof Slot ? values[p.name] : p));
  const result = await db.executeQuery(CompiledQuery.raw(statement.sql, parameters));
  return result.rows as ProductVersionRow[];
}

/** The listing statement of a query's shape, with a `Slot` wherever a value of the query goes. */
function productsStatement(
  db: Kysely<Database>,
  query: ProductQuery,
  terms: SearchTerms | undefined,
  bodies: boolean,
) {
  const tsQuery = terms === undefined ? undefined : textSearchQuery(terms, slot('q'), slot('qPrefix'));
  const priceSort = query.sort === 'price_asc' || query.sort === 'price_desc';
  const sortKey: RawBuilder<number | string> =
    query.sort === 'relevance' && tsQuery
      ? sql<number>`ts_rank_cd(p.search_vector, ${tsQuery})`
      : priceSort
        ? sql<number>`pr.min_amount`
        : query.sort === 'rating'
          ? sql<number>`coalesce(rt.average, 0)`
          : sql<string>`to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

  const page = db
    .selectFrom('products as p')
    .innerJoin('sellers as s', 's.id', 'p.seller_id')
    .$if(priceSort, (qb) =>
      qb.innerJoin('product_price_ranges as pr', (join) =>
        join.onRef('pr.product_id', '=', 'p.id').on('pr.currency', '=', slot('priceCurrency')),
      ),
    )
    .$if(query.sort === 'rating', (qb) => qb.leftJoin('product_ratings as rt', 'rt.product_id', 'p.id'))
    .select(['p.id', sortKey.as('sort_key')])
    // Constants, not parameters: the prepared statement's generic plan then knows them (with parameters
    // it expected half the products to match, and sorted them all instead of walking the newest index).
    .where('p.status', '=', sql.lit('published'))
    .where('s.status', '=', sql.lit('active' satisfies SellerStatus))
    .$if(query.ids !== undefined, (qb) => qb.where('p.id', 'in', query.ids ?? []))
    .$if(tsQuery !== undefined, (qb) => qb.where(sql<SqlBool>`p.search_vector @@ ${tsQuery}`))
    .$if(query.seller !== undefined, (qb) =>
      qb.where((eb) => eb.or([eb('s.id', '=', slot('seller')), eb('s.handle', '=', slot('seller'))])),
    )
    .$if(query.category !== undefined, (qb) =>
      qb.where(
        'p.category_id',
        'in',
        sql<string>`(
          WITH RECURSIVE tree AS (
            SELECT id FROM categories WHERE id = ${slot('category')} OR handle = ${slot('category')}
            UNION ALL
            SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id
          )
          SELECT id FROM tree)`,
      ),
    )
    .$if(query.minPrice !== undefined || query.maxPrice !== undefined, (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('variant_prices as vp')
            .select(sql`1`.as('one'))
            .whereRef('vp.product_id', '=', 'p.id')
            .where('vp.currency', '=', slot('priceCurrency'))
            .$if(query.minPrice !== undefined, (sub) =>
              sub.where('vp.amount', '>=', slot<number>('minPrice')),
            )
            .$if(query.maxPrice !== undefined, (sub) =>
              sub.where('vp.amount', '<=', slot<number>('maxPrice')),
            ),
        ),
      ),
    )
    .$if(query.after !== undefined, (qb) => qb.where(keysetCondition(query.sort, sortKey)))
    .orderBy(sql.raw(PAGE_ORDER[query.sort]))
    // A constant too: with `LIMIT $n` the planner assumes a tenth of the rows and, estimating the generic
    // plan dearer, re-plans the listing on every execution. Page sizes are 1–101, a bounded set of texts.
    .limit(sql.lit(query.limit));

  // Prepared (planned once per connection) unless it carries an id list, whose text varies with its length.
  const mark = sql.raw(query.ids === undefined ? PREPARED_MARK : '');
  const stored = storedProduct('page', 'rc');
  const body = bodies ? sql`${stored.body} AS body,` : sql``;
  return sql<ProductRow>`${mark}
    WITH page AS MATERIALIZED (${page})
    SELECT page.id, page.sort_key, ${body} ${stored.version} AS version, ${stored.stock} AS stock
    FROM page
    LEFT JOIN product_read_model rc ON rc.product_id = page.id AND rc.currency = ${slot('displayCurrency')}
    ORDER BY ${sql.raw(OUTER_ORDER[query.sort])}
  `;
}

/**
 * The stored JSON and the variants' stock (in variant order) of the product row `product` (an alias
 * with an `id`), whose read-model row in the display currency is joined as `current`.
 */
export function storedProduct(product: string, current: string) {
  const [p, rc] = [sql.ref(product), sql.ref(current)];
  return {
    // The currency-less body only when the display currency has none: COALESCE runs the subquery lazily.
    body: sql<string>`coalesce(${rc}.body, (SELECT rs.body FROM product_read_model rs WHERE rs.product_id = ${p}.id AND rs.currency = '*'))`,
    // The version of that same row (see `ProductRow.version`), read in the same statement's snapshot.
    version: sql<string>`coalesce(${rc}.xmin::text, (SELECT '*' || rs.xmin::text FROM product_read_model rs WHERE rs.product_id = ${p}.id AND rs.currency = '*'))`,
    stock: sql<
      number[]
    >`ARRAY(SELECT v.inventory_quantity FROM variants v WHERE v.product_id = ${p}.id ORDER BY v.position, v.id)`,
  };
}

/** Rows strictly after the keyset in the listing's order. */
function keysetCondition(sort: ProductSort, sortKey: Expression<unknown>) {
  const after = { sortKey: slot('afterKey'), id: slot('afterId') };
  switch (sort) {
    case 'newest':
      return sql<SqlBool>`(p.created_at, p.id) < (${after.sortKey}::timestamptz, ${after.id})`;
    case 'relevance':
    case 'rating':
      // ts_rank_cd and the average rating are float4: compare as float4 so the cursor's printed value round-trips exactly.
      return sql<SqlBool>`(${sortKey} < ${after.sortKey}::real OR (${sortKey} = ${after.sortKey}::real AND p.id > ${after.id}))`;
    case 'price_asc':
      return sql<SqlBool>`(pr.min_amount, p.id) > (${after.sortKey}::bigint, ${after.id})`;
    case 'price_desc':
      return sql<SqlBool>`(pr.min_amount, p.id) < (${after.sortKey}::bigint, ${after.id})`;
  }
}

/** Every category with its depth and handle path, depth-first in sibling rank order. */
export async function findCategories(db: Kysely<Database>) {
  const result = await sql<{
    id: string;
    handle: string;
    name: string;
    parent_id: string | null;
    depth: number;
    path: string[];
  }>`
    WITH RECURSIVE tree AS (
      SELECT id, handle, name, parent_id, 0 AS depth, ARRAY[handle] AS path,
             ARRAY[lpad(rank::text, 10, '0') || name || id] AS sort_path
        FROM categories WHERE parent_id IS NULL
      UNION ALL
      SELECT c.id, c.handle, c.name, c.parent_id, tree.depth + 1, tree.path || c.handle,
             tree.sort_path || (lpad(c.rank::text, 10, '0') || c.name || c.id)
        FROM categories c JOIN tree ON c.parent_id = tree.id
    )
    SELECT id, handle, name, parent_id, depth, path FROM tree ORDER BY sort_path
  `.execute(db);
  return result.rows;
}

/** An active seller by id or handle. */
export async function findActiveSeller(db: Kysely<Database>, idOrHandle: string) {
  return db
    .selectFrom('sellers')
    .select(['id', 'handle', 'name', 'description', 'status', 'created_at'])
    .where((eb) => eb.or([eb('id', '=', idOrHandle), eb('handle', '=', idOrHandle)]))
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Active sellers by id or handle, in one statement. */
export async function findActiveSellers(db: Kysely<Database>, idsOrHandles: readonly string[]) {
  return db
    .selectFrom('sellers')
    .select(['id', 'handle', 'name', 'description', 'status', 'created_at'])
    .where((eb) => eb.or([eb('id', 'in', idsOrHandles), eb('handle', 'in', idsOrHandles)]))
    .where('status', '=', 'active')
    .execute();
}
