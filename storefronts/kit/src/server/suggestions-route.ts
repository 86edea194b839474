import 'server-only';
import { isSoukError } from '@souk/sdk';
import type { Image } from '../images';
import { type Suggestions, suggestionQuery, toSuggestion } from '../suggestions';
import { problemResponse } from './problem-response';
import { isUnavailable, type Storefront } from './storefront';

/**
 * The GET handler of a theme's search suggestions (`app/search/suggestions/route.ts`), which the
 * kit's `SearchQueryInput` asks with `?q=` while the shopper types: the first products of the search
 * (the API matches the last word as the start of a word), in the shopper's currency, each with its
 * address, title, seller, price and a thumbnail. Text shorter than two characters finds nothing and
 * asks nothing of the API; words the API refuses find nothing too. When the API does not answer
 * (down, slow, rate limited) the route says 503 and the box shows no suggestions: they are a help,
 * and the search form still works.
 */
export function storefrontSuggestionsRoute(
  store: Pick<Storefront, 'souk' | 'getCurrency' | 'image'>,
  options: { limit?: number; from?: string; locale?: string } = {},
): (request: Request) => Promise<Response> {
  const limit = options.limit ?? 5;
  // Not kept by the browser: the answer follows the currency cookie, and the box keeps its own answers.
  const headers = { 'cache-control': 'no-store' };
  return async function suggest(request) {
    const q = suggestionQuery(new URL(request.url).searchParams.get('q'));
    if (q === null) return Response.json({ q: '', products: [] } satisfies Suggestions, { headers });
    const currency = await store.getCurrency();
    try {
      const page = await store.souk.store.products.list(
        { q, currency, limit },
        { maxRetries: 0, timeoutMs: 3_000 },
      );
      const thumbnail = (img: Image, alt: string) => store.image(img, alt, { sizes: '48px', maxWidth: 160 });
      const products = page.data.map((p) => toSuggestion(p, thumbnail, options));
      return Response.json({ q, products } satisfies Suggestions, { headers });
    } catch (err) {
      // Words the API refuses (a control character in a crafted address): nothing to suggest, and
      // nothing for the shop's owner to look at.
      if (isSoukError(err, 'validation_failed')) {
        return Response.json({ q, products: [] } satisfies Suggestions, { headers });
      }
      if (!isUnavailable(err)) console.error('search suggestions:', err);
      return problemResponse(503, 'service_unavailable', 'Suggestions are unavailable', headers);
    }
  };
}
