/** Test fixtures for the cart tests: variants of the deterministic demo catalog, picked by what a test needs. */

import { expect } from 'vitest';
import type { TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { buildDemoCatalog } from '../../seed/demo-catalog.js';

export type Cart = components['schemas']['Cart'];
export type { Problem };

export const demo = buildDemoCatalog();
/** Demo sellers in seed order: atlas-outfitters, nordic-home, pixel-forge (active), quiet-pages (pending), shady-deals (suspended). */
export const sellers = demo.sellers;

export interface DemoVariant {
  variantId: string;
  productId: string;
  productHandle: string;
  productTitle: string;
  variantTitle: string;
  sku: string;
  sellerId: string;
  stock: number;
  usd: number;
  eur: number | undefined;
}

const variants: DemoVariant[] = demo.variants.map((v) => {
  const product = demo.products.find((p) => p.id === v.product_id);
  const price = (currency: string) =>
    demo.prices.find((p) => p.variant_id === v.id && p.currency === currency)?.amount;
  return {
    variantId: v.id,
    productId: v.product_id,
    productHandle: product?.handle ?? '',
    productTitle: product?.title ?? '',
    variantTitle: v.title,
    sku: v.sku,
    sellerId: product?.seller_id ?? '',
    stock: v.inventory_quantity ?? 0,
    usd: price('USD') ?? 0,
    eur: price('EUR'),
  };
});
const statusOf = new Map(demo.products.map((p) => [p.id, p.status]));

/**
 * The n-th variant (0-based, in seed order) of a seller (by handle) that matches: published or draft,
 * with at least `minStock` units, with or without a EUR price.
 */
export function pickVariant(
  sellerHandle: string,
  options: {
    n?: number;
    minStock?: number;
    eur?: boolean;
    status?: 'published' | 'draft';
    stock?: number;
  } = {},
): DemoVariant {
  const seller = sellers.find((s) => s.handle === sellerHandle);
  const matches = variants.filter(
    (v) =>
      v.sellerId === seller?.id &&
      statusOf.get(v.productId) === (options.status ?? 'published') &&
      v.stock >= (options.minStock ?? 0) &&
      (options.stock === undefined || v.stock === options.stock) &&
      (options.eur === undefined || (v.eur !== undefined) === options.eur),
  );
  const found = matches[options.n ?? 0];
  if (!found) throw new Error(`no demo variant of ${sellerHandle} matches ${JSON.stringify(options)}`);
  return found;
}

/** The id of a demo seller by handle. */
export function sellerId(handle: string): string {
  const id = sellers.find((s) => s.handle === handle)?.id;
  if (!id) throw new Error(`no demo seller ${handle}`);
  return id;
}

/** A complete address in a country. */
export function address(country: string) {
  return { name: 'Erika Mustermann', line1: 'Heidestraße 17', city: 'Köln', postal_code: '51147', country };
}

/** The cart requests the cart tests repeat, made on `api` with the storefront's key. */
export function cartRequests(api: TestApi) {
  return {
    /** A new empty cart. */
    async createCart(currency = 'EUR'): Promise<Cart> {
      const res = await api.request<Cart>('POST', '/store/carts', { json: { currency } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    },
    /** Adds a line; the response is the test's to check. */
    addItem(cartId: string, variant_id: string, quantity: number, headers?: Record<string, string>) {
      return api.request<Cart>('POST', `/store/carts/${cartId}/items`, {
        json: { variant_id, quantity },
        ...(headers ? { headers } : {}),
      });
    },
  };
}

/** Expects a problem answer with this status and code, and returns the problem. */
export function expectProblem(res: { status: number; body: unknown }, status: number, code: string): Problem {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect((res.body as Problem).code).toBe(code);
  return res.body as Problem;
}
