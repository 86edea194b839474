import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, type FieldError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import {
  findActiveSeller,
  findActiveSellers,
  findCategories,
  findProducts,
  findProductVersions,
  type ProductQuery,
  type ProductSort,
  type ProductVersionRow,
} from './catalog.repository.js';
import { decodeCursor, encodeCursor, fingerprint } from './cursor.js';
import { bodyKey, type ProductBodies } from './product-bodies.js';
import { findProduct } from './product-detail.repository.js';
import { fillStock, joinProducts, type ProductParts, stockTemplateBytes } from './read-model.js';

type Schemas = components['schemas'];
export type Product = Schemas['Product'];
export type ProductList = Schemas['ProductList'];

/** Filters, sort and page of a product listing, as the query parameters or search body give them. */
export type ListProductsInput = Schemas['ProductSearch'];

export interface CatalogServiceDeps {
  db: Kysely<Database>;
  /** Currency used for `price` when the client names none. */
  defaultCurrency: string;
  /** Products' JSON by version (product-bodies.ts); without it every listing reads the bodies. */
  bodies?: ProductBodies | undefined;
}

/** The storefront catalog: published products of active sellers, categories and seller profiles. */
export function createCatalogService({ db, defaultCurrency, bodies }: CatalogServiceDeps) {
  /**
   * A page's rows (the one beyond the page included) and the JSON of those on the page, as bytes cut
   * where the stock goes, with their stock. With `bodies`, the rows are read without their bodies and
   * the bodies taken by version; one missing sends the page to PostgreSQL again with its bodies (one
   * snapshot per page).
   */
  async function pageOf(
    query: ProductQuery,
    limit: number,
  ): Promise<{ rows: readonly ProductVersionRow[]; data: ProductParts[] }> {
    if (bodies) {
      const rows = await findProductVersions(db, query);
      const data: ProductParts[] = [];
      for (let i = 0; i < rows.length && i < limit; i++) {
        const row = rows[i] as ProductVersionRow;
        const parts = bodies.get(bodyKey(row, query.displayCurrency));
        if (parts === undefined) break;
        data.push({ parts, stock: row.stock });
      }
      if (data.length === Math.min(rows.length, limit)) return { rows, data };
    }
    const rows = await findProducts(db, query);
    const data = rows.map((row) => {
      const parts = stockTemplateBytes(row.body);
      bodies?.set(bodyKey(row, query.displayCurrency), parts);
      return { parts, stock: row.stock };
    });
    return { rows, data: data.slice(0, limit) };
  }

  /**
   * A listing page as each product's JSON (from the read model, its stock to fill in), the next
   * cursor, and with `withCursors` the cursor after each product too (REST needs only the last).
   */
  async function listPage(
    input: ListProductsInput,
    source: InputSource,
    withCursors: boolean,
  ): Promise<{ data: ProductParts[]; next_cursor: string | null; cursors: string[] }> {
    const sort = resolveSort(input, source);
    const limit = input.limit ?? 20;
    const fp = fingerprint([
      input.q,
      input.category,
      input.seller,
      input.currency,
      input.min_price,
      input.max_price,
      sort,
    ]);
    const after =
      input.cursor === undefined
        ? undefined
        : decodeCursor(input.cursor, sort, fp, fieldOf(source, 'cursor'));
    // One row more than asked tells whether another page exists without a count query.
    const { rows, data } = await pageOf(
      {
        q: input.q,
        category: input.category,
        seller: input.seller,
        priceCurrency: input.currency,
        minPrice: input.min_price,
        maxPrice: input.max_price,
        sort,
        after,
        limit: limit + 1,
        displayCurrency: input.currency ?? defaultCurrency,
      },
      limit,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data,
      next_cursor:
        rows.length > limit && last ? encodeCursor({ sortKey: last.sort_key, id: last.id }, fp) : null,
      cursors: withCursors ? page.map((row) => encodeCursor({ sortKey: row.sort_key, id: row.id }, fp)) : [],
    };
  }

  const service = {
    /**
     * A page of products matching the filters, with a cursor to the next page, as JSON (UTF-8 bytes):
     * the products' JSON comes from the read model and is copied in, never parsed and re-serialised.
     */
    async listProductsJson(input: ListProductsInput, source: InputSource = 'query'): Promise<Buffer> {
      const { data, next_cursor } = await listPage(input, source, false);
      return joinProducts('{"data":[', data, `],"next_cursor":${JSON.stringify(next_cursor)}}`);
    },

    /** The same page as an object (for callers that work on it rather than send it). */
    async listProducts(input: ListProductsInput, source: InputSource = 'query'): Promise<ProductList> {
      return JSON.parse((await service.listProductsJson(input, source)).toString()) as ProductList;
    },

    /**
     * `listProducts` with the cursor of every product as well (`cursors[i]` resumes after `data[i]`),
     * for Relay-style connections (GraphQL edges). Same read model, parsed for the resolvers.
     */
    async listProductEdges(
      input: ListProductsInput,
      source: InputSource = 'query',
    ): Promise<ProductList & { cursors: string[] }> {
      const { data, next_cursor, cursors } = await listPage(input, source, true);
      return {
        data: data.map((product) => JSON.parse(joinProducts('', [product], '').toString()) as Product),
        next_cursor,
        cursors,
      };
    },

    /** Published products of active sellers by id, in one statement (GraphQL's batch loader); absent ids are left out. */
    async getProductsByIds(ids: readonly string[], currency: string | undefined): Promise<Product[]> {
      if (ids.length === 0) return [];
      const displayCurrency = currency ?? defaultCurrency;
      const rows = await findProducts(db, { ids, sort: 'newest', limit: ids.length, displayCurrency });
      return rows.map((row) => JSON.parse(fillStock(row.body, row.stock)) as Product);
    },

    /** Active sellers' public profiles by id or handle, in one statement; unknown ones are left out. */
    async getSellers(idsOrHandles: readonly string[]): Promise<Schemas['Seller'][]> {
      if (idsOrHandles.length === 0) return [];
      const sellers = await findActiveSellers(db, idsOrHandles);
      return sellers.map((seller) => ({ ...seller, created_at: seller.created_at.toISOString() }));
    },

    /** A published product of an active seller by id or handle, as JSON text; 404 otherwise. */
    async getProductJson(idOrHandle: string, currency: string | undefined): Promise<string> {
      const row = await findProduct(db, idOrHandle, currency ?? defaultCurrency);
      if (!row) throw new AppError('not_found', `No published product has the id or handle '${idOrHandle}'.`);
      return fillStock(row.body, row.stock);
    },

    /** The same product as an object. */
    async getProduct(idOrHandle: string, currency: string | undefined): Promise<Product> {
      return JSON.parse(await service.getProductJson(idOrHandle, currency)) as Product;
    },

    /** The whole category tree, flat, in tree order. */
    async listCategories(): Promise<Schemas['CategoryList']> {
      return { data: await findCategories(db) };
    },

    /** An active seller's public profile; 404 for unknown, pending or suspended sellers. */
    async getSeller(idOrHandle: string): Promise<Schemas['Seller']> {
      const seller = await findActiveSeller(db, idOrHandle);
      if (!seller) throw new AppError('not_found', `No active seller has the id or handle '${idOrHandle}'.`);
      return { ...seller, created_at: seller.created_at.toISOString() };
    },
  };
  return service;
}

export type CatalogService = ReturnType<typeof createCatalogService>;

/** Where the listing input came from, so field errors point at the right place. */
export type InputSource = 'query' | 'body';

function fieldOf(source: InputSource, name: string): Pick<FieldError, 'in' | 'field'> {
  return source === 'query' ? { in: 'query', field: name } : { in: 'body', field: `/${name}` };
}

/** Checks the rules that span several fields and picks the default sort. */
function resolveSort(input: ListProductsInput, source: InputSource): ProductSort {
  const sort = input.sort ?? (input.q === undefined ? 'newest' : 'relevance');
  const needsCurrency =
    input.min_price !== undefined || input.max_price !== undefined || sort.startsWith('price_');
  if (needsCurrency && input.currency === undefined) {
    throw new AppError(
      'currency_required',
      'Price filters and price sorts need a currency (for example currency=USD).',
      {
        errors: [
          {
            ...fieldOf(source, 'currency'),
            message: 'is required with min_price, max_price or a price sort',
          },
        ],
      },
    );
  }
  if (sort === 'relevance' && input.q === undefined) {
    throw new AppError('query_required', 'sort=relevance ranks search results: give a search query q.', {
      errors: [{ ...fieldOf(source, 'q'), message: 'is required with sort=relevance' }],
    });
  }
  if (input.min_price !== undefined && input.max_price !== undefined && input.min_price > input.max_price) {
    const errors: FieldError[] = [
      { ...fieldOf(source, 'min_price'), message: 'must not be greater than max_price' },
    ];
    throw new AppError('validation_failed', 'min_price must not be greater than max_price.', { errors });
  }
  return sort;
}
