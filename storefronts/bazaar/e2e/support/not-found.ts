import { expect } from 'vitest';

/**
 * A missing page, as served: 404, not indexed, and a way on to every product (with `search`, a search
 * box of the page's own too), so a shopper who followed a dead link is not stranded. A missing
 * product answers 404 and noindex too; its page is drawn in the browser (Next.js serves the not-found
 * page of a static product route as its error document, with the page in its payload), and so does
 * each of `dynamicRoutes` (path prefixes) under a segment that cannot be decoded.
 */
export async function expectHelpfulNotFound(
  baseURL: string,
  { search = false, dynamicRoutes }: { search?: boolean; dynamicRoutes: readonly string[] },
) {
  const missing = await fetch(`${baseURL}/no-such-page`);
  expect(missing.status).toBe(404);
  const html = await missing.text();
  expect(html).toMatch(/<meta name="robots" content="noindex/);
  expect(html).toMatch(/<a href="\/products" class="[^"]*(btn|button)[^"]*"/);
  if (search)
    expect(html).toMatch(/<form action="\/products" method="get">.*?<input id="lost-search"[^>]*name="q"/s);

  const product = await fetch(`${baseURL}/products/no-such-product`);
  expect(product.status).toBe(404);
  expect(await product.text()).toMatch(/<meta name="robots" content="noindex/);

  // A dynamic route's segment with a percent-escape that is not UTF-8 (a mangled link): the same
  // not-found page, where Next.js alone answers a bare 500.
  for (const path of dynamicRoutes.map((route) => `${route}/ab%E0%A4%A`).concat('/products/100%')) {
    const mangled = await fetch(`${baseURL}${path}`);
    expect(mangled.status, path).toBe(404);
    expect(await mangled.text(), path).toMatch(/<a href="\/products" class="[^"]*(btn|button)[^"]*"/);
  }
}
