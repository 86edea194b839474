import { type Schemas, SoukConnectionError, SoukError } from '@souk/sdk';
import { describe, expect, it, vi } from 'vitest';
import { imageProps } from '../images';
import type { Suggestions } from '../suggestions';
import type { Storefront } from './storefront';
import { storefrontSuggestionsRoute } from './suggestions-route';

const product = (handle: string, images: Schemas['Image'][], range: [number, number] | null) =>
  ({
    handle,
    title: handle.replace(/-/g, ' '),
    seller: { id: 'sel_1', handle: 'atlas', name: 'Atlas' },
    images,
    price_range: range && {
      min: { amount: range[0], currency: 'EUR' },
      max: { amount: range[1], currency: 'EUR' },
    },
  }) as unknown as Schemas['Product'];

function route(answer: () => Promise<{ data: Schemas['Product'][] }>, options = {}) {
  const asked: unknown[] = [];
  const store = {
    souk: {
      store: {
        products: {
          list: (query: unknown) => {
            asked.push(query);
            return answer();
          },
        },
      },
    },
    getCurrency: async () => 'EUR',
    image: (img: Schemas['Image'], alt: string, opts = {}) =>
      imageProps(img, alt, { ...opts, soukOrigins: ['https://souk.example'] }),
  } as unknown as Pick<Storefront, 'souk' | 'getCurrency' | 'image'>;
  const get = storefrontSuggestionsRoute(store, options);
  return { asked, get: (q: string) => get(new Request(`https://shop.example/search/suggestions?q=${q}`)) };
}

/** The SDK's error for an API problem answer. */
const problem = (status: number, code: 'validation_failed' | 'rate_limited') =>
  new SoukError({
    status,
    headers: new Headers(),
    problem: { type: 'about:blank', title: code, status, code, request_id: 'req_1' },
  });

describe('storefrontSuggestionsRoute', () => {
  it("answers the search's first products in the shopper's currency, each with its address, price and thumbnail", async () => {
    const picture = { url: 'https://souk.example/media/p/a.webp', alt: 'A boot', width: 800, height: 1000 };
    const { asked, get } = route(
      async () => ({
        data: [product('chelsea-boot', [picture], [1200, 1900]), product('chelsea/mug', [], null)],
      }),
      { from: 'From' },
    );
    const res = await get('chel');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(asked).toEqual([{ q: 'chel', currency: 'EUR', limit: 5 }]);
    const body = (await res.json()) as Suggestions;
    expect(body.q).toBe('chel');
    expect(body.products.map(({ href, title, seller, price }) => ({ href, title, seller, price }))).toEqual([
      { href: '/products/chelsea-boot', title: 'chelsea boot', seller: 'Atlas', price: 'From €12.00' },
      { href: '/products/chelsea%2Fmug', title: 'chelsea/mug', seller: 'Atlas', price: null },
    ]);
    expect(body.products[0]?.image).toMatchObject({ alt: 'A boot', sizes: '48px', width: 800, height: 1000 });
    expect(body.products[0]?.image?.srcSet).toBe('https://souk.example/media/p/a.webp?w=160 160w');
    expect(body.products[1]?.image).toBeNull();
  });

  it('asks nothing for fewer than two characters or more than 200, and keeps a closing space', async () => {
    const { asked, get } = route(async () => ({ data: [] }));
    for (const q of ['', 'c', '%20c%20', 'x'.repeat(201)]) {
      expect(await (await get(q)).json()).toEqual({ q: '', products: [] });
    }
    expect(asked).toEqual([]);
    await get('%20%20leather%20');
    expect(asked).toEqual([{ q: 'leather ', currency: 'EUR', limit: 5 }]);
  });

  it('suggests nothing, and logs nothing, for words the API refuses', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const refused = problem(400, 'validation_failed');
    const res = await route(() => Promise.reject(refused)).get('ab%00');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ q: 'ab\u0000', products: [] });
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('answers 503 when the API cannot, so the box shows nothing and the form still searches', async () => {
    // An outage is expected; anything else (here a rate limit) is logged for the shop's owner.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const error of [new SoukConnectionError('down'), problem(429, 'rate_limited')]) {
      const res = await route(() => Promise.reject(error)).get('chel');
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(logged.mock.calls.map((call) => String(call[1]))).toEqual(['SoukError: rate_limited (429)']);
    logged.mockRestore();
  });
});
