import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { undecodablePath } from './proxy-next';

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
