import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { createThemeProxy, undecodablePath } from './proxy-next';
import { readConfig } from './server/config';

const at = (path: string) => new NextRequest(`http://shop.test${path}`);

describe('undecodablePath', () => {
  it('rewrites a path with a percent-escape that is not UTF-8 to a path no page has', () => {
    for (const path of ['/products/100%', '/products/ab%E0%A4%A', '/orders/%FF']) {
      const response = undecodablePath(at(path));
      expect(response?.headers.get('x-middleware-rewrite'), path).toBe('http://shop.test/_not-found');
    }
  });

  it('leaves every decodable path alone, escaped or not', () => {
    for (const path of ['/products/boot', '/products/caf%C3%A9-mug', '/categories/a%20b', '/']) {
      expect(undecodablePath(at(path)), path).toBeNull();
    }
  });
});

describe('createThemeProxy', () => {
  const proxy = createThemeProxy('shop', readConfig('shop', { SHOP_CURRENCIES: 'USD,EUR' }));
  const rewrite = (path: string) => proxy(at(path)).headers.get('x-middleware-rewrite');

  it('serves home and product pages in the currency, and a path it cannot decode as not found', () => {
    expect(rewrite('/')).toBe('http://shop.test/home/usd');
    expect(rewrite('/products/boot?utm_source=x')).toBe('http://shop.test/products/boot/usd?utm_source=x');
    expect(rewrite('/products/100%')).toBe('http://shop.test/_not-found');
  });

  it("defaults to the first currency of the theme's configuration, as its pages do", () => {
    const euro = createThemeProxy('shop', readConfig('shop', { STOREFRONT_CURRENCIES: ' eur , usd' }));
    expect(euro(at('/')).headers.get('x-middleware-rewrite')).toBe('http://shop.test/home/eur');
  });

  it('gives the sign-in and account pages a CSRF cookie, and nothing else one', () => {
    for (const path of ['/sign-in', '/account']) {
      expect(proxy(at(path)).cookies.get('shop_csrf')?.value, path).toMatch(/.{16,}/);
    }
    for (const path of ['/categories/boots', '/orders/ord_1', '/products']) {
      const response = proxy(at(path));
      expect(response.cookies.get('shop_csrf'), path).toBeUndefined();
      expect(response.headers.get('x-middleware-rewrite'), path).toBeNull();
    }
  });
});
