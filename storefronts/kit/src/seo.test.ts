import type { Product } from '@souk/sdk';
import { describe, expect, it } from 'vitest';
import { parseListing } from './listing';
import { listingMetadata, productMetadata } from './seo';
import {
  cartPageMetadata,
  isPrivatePath,
  PRIVATE_PATHS,
  privatePageMetadata,
  robotsRules,
  sitemapEntries,
} from './seo-pages';

const site = 'https://shop.example';

describe('private pages', () => {
  it('are noindex, nofollow, with no canonical URL', () => {
    const meta = privatePageMetadata('Checkout');
    expect(meta.robots).toEqual({ index: false, follow: false });
    expect(meta).not.toHaveProperty('alternates');
  });

  it('except the cart: indexable (a crawler sees only an empty one), with no canonical URL', () => {
    const meta = cartPageMetadata('Your cart');
    expect(meta).toEqual({ title: 'Your cart' });
    expect(isPrivatePath('/cart')).toBe(true); // still never in the sitemap
  });

  it('cover the cart, checkout, orders, account and sign-in, and nothing that merely starts alike', () => {
    for (const path of ['/cart', '/checkout?step=2', '/orders/ord_1', '/account', '/sign-in#email'])
      expect(isPrivatePath(path), path).toBe(true);
    for (const path of ['/', '/products', '/products/cart-hook', '/cartography', '/categories/account-books'])
      expect(isPrivatePath(path), path).toBe(false);
  });
});

describe('sitemap and robots.txt', () => {
  const entries = sitemapEntries(`${site}/`, {
    categories: [{ handle: 'home' }, { handle: 'outdoor' }],
    products: [
      { handle: 'oak-stool-1', updated_at: '2026-11-30T10:00:00.000Z' },
      { handle: 'oak-stool-1' },
      { handle: 'tent-2' },
    ],
    extra: ['/sellers/nordic-home', '/cart', '/account'],
  });
  const urls = entries.map((e) => e.url);

  it('lists home, the listing, categories, extras and products at canonical URLs, once each', () => {
    expect(urls).toEqual([
      `${site}/`,
      `${site}/products`,
      `${site}/categories/home`,
      `${site}/categories/outdoor`,
      `${site}/sellers/nordic-home`,
      `${site}/products/oak-stool-1`,
      `${site}/products/tent-2`,
    ]);
    expect(entries.find((e) => e.url.endsWith('oak-stool-1'))?.lastModified).toBe('2026-11-30T10:00:00.000Z');
  });

  it('never lists a private page', () => {
    for (const path of PRIVATE_PATHS)
      expect(urls.some((u) => new URL(u).pathname.startsWith(path))).toBe(false);
  });

  it('lets crawlers read every page (a blocked page could not show its noindex) and names the sitemap', () => {
    expect(robotsRules(site)).toEqual({
      rules: [{ userAgent: '*', allow: '/' }],
      sitemap: `${site}/sitemap.xml`,
    });
  });
});

describe('canonical URLs', () => {
  it('a product page names /products/{handle}, whatever currency path served it', () => {
    const product = {
      handle: 'oak-stool-1',
      title: 'Oak stool',
      description: null,
      seller: { name: 'Nordic Home' },
      images: [],
    } as unknown as Product;
    const meta = productMetadata(product);
    expect(meta.alternates?.canonical).toBe('/products/oak-stool-1');
    expect(meta.robots).toBeUndefined();
  });

  it('a category page names its normalised listing URL, and deep pages are noindex', () => {
    const state = parseListing({ sort: 'price_asc', q: 'oak', category: 'other' });
    const meta = listingMetadata('/categories/home', state, { category: 'home' }, 'Home', 'Things for home');
    expect(meta.alternates?.canonical).toMatch(/^\/categories\/home\?/);
    expect(String(meta.alternates?.canonical)).not.toContain('category=');
    expect(meta.robots).toBeUndefined();
    const deep = parseListing({ cursor: 'abc' });
    expect(listingMetadata('/categories/home', deep, { category: 'home' }, 'Home', '').robots).toEqual({
      index: false,
      follow: true,
    });
  });
});
