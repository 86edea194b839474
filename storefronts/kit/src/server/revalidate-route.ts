import 'server-only';
import { constructWebhookEvent, type SoukWebhookEvent } from '@souk/sdk';
import { revalidatePath } from 'next/cache';
import { crossesZero, PRODUCT_EVENTS, PRODUCT_ID_EVENTS, productPagePaths } from '../revalidation';
import { problemResponse } from './problem-response';
import type { Storefront } from './storefront';

/**
 * `POST` handler of a theme's Souk webhook endpoint (`app/webhooks/souk/route.ts`), so a change shows
 * on the static pages at once instead of when their ISR period (60 s) runs out:
 * - a `content.published` of this theme regenerates every page (`revalidatePath('/', 'layout')`: the
 *   home page, and the menu every prerendered page carries);
 * - a product's event (`product.*`) its pages in every currency and the home pages, and with a new
 *   handle (`previous_handle`) the old handle's pages;
 * - a variant's or review's event (`variant.*`, `review.created|moderated|replied`) its product's pages,
 *   the handle looked up with `handleOf` (a product no longer published has only its id's pages);
 * - an `inventory.updated` that sells a variant out or brings it back (`crossesZero`) its product's
 *   pages and the home pages (their "Sold out" badges); other stock changes nothing.
 * A page is regenerated on its next visit, not here. Other events are acknowledged and ignored.
 * Register the endpoint for `REVALIDATING_EVENTS`.
 *
 * The `Souk-Signature` header is checked with the SDK's `constructWebhookEvent` (the webhooks
 * plugin's scheme: HMAC-SHA256 of `<t>.<raw body>`, one `v1` per active secret, `t` within 5 minutes).
 * `secrets` are the endpoint's signing secrets (`webhookSecrets()`); with none the route answers 404,
 * so a theme without a webhook has no open endpoint. A missing, wrong or stale signature is a 401
 * problem (the webhooks plugin records the failed attempt and retries).
 */
export function createRevalidateRoute(options: {
  themeId: string;
  secrets: readonly string[];
  /** The theme's currencies: its home and product pages are static per currency. */
  currencies: readonly string[];
  /** A published product's handle by id, null when there is none (`store.getProduct(id)?.handle`). */
  handleOf: (productId: string) => Promise<string | null>;
  /** Marks a path's cached pages stale (Next's `revalidatePath` by default). */
  revalidate?: (path: string, type?: 'layout' | 'page') => void;
  /** The current time in milliseconds (default: the clock). */
  now?: () => number;
}): (request: Request) => Promise<Response> {
  const revalidate = options.revalidate ?? revalidatePath;
  const productPages = (product: { id?: string; handle: string | null }, home: boolean) => {
    // Literal paths, without a type: with one, Next would read the path as a route pattern's tag
    // (`…/usd/page`) and miss the page rendered for this URL.
    for (const path of productPagePaths(product, options.currencies, home)) revalidate(path);
  };
  return async (request) => {
    if (options.secrets.length === 0) return problemResponse(404, 'not_found', 'No webhook is configured');
    const body = await request.text();
    let event: SoukWebhookEvent;
    try {
      event = await constructWebhookEvent(body, request.headers.get('souk-signature'), options.secrets, {
        now: Math.floor((options.now?.() ?? Date.now()) / 1000),
      });
    } catch (err) {
      if (err instanceof SyntaxError) return problemResponse(400, 'invalid_body', 'The body is not JSON');
      return problemResponse(401, 'invalid_signature', 'The Souk-Signature header does not sign this body');
    }
    if (event.type === 'content.published') {
      if (event.data.theme !== options.themeId) return Response.json({ revalidated: false });
      revalidate('/', 'layout');
    } else if (PRODUCT_EVENTS.has(event.type) && 'handle' in event.data && 'product_id' in event.data) {
      productPages({ id: event.data.product_id, handle: event.data.handle }, true);
      // A new handle: the API still finds the product by the old one, whose cached pages would show the
      // product as it was for their minute (now with a canonical link to the new handle).
      if ('previous_handle' in event.data && event.data.previous_handle) {
        productPages({ handle: event.data.previous_handle }, false);
      }
    } else if (event.type === 'inventory.updated') {
      if (!crossesZero(event.data)) return Response.json({ revalidated: false });
      const id = event.data.product_id;
      productPages({ id, handle: await options.handleOf(id) }, true);
    } else if (PRODUCT_ID_EVENTS.has(event.type) && 'product_id' in event.data) {
      const id = event.data.product_id;
      // The handle's pages are the ones shoppers reach; a lookup that fails is retried by the sender.
      productPages({ id, handle: await options.handleOf(id) }, event.type.startsWith('variant.'));
    } else {
      return Response.json({ revalidated: false });
    }
    return Response.json({ revalidated: true });
  };
}

/**
 * `createRevalidateRoute` for a storefront made by `createStorefront`: its theme, its currencies, and
 * a product's handle read through its Souk client. The theme's whole `app/webhooks/souk/route.ts` is
 * `export const POST = storefrontRevalidateRoute(store);`.
 */
export function storefrontRevalidateRoute(
  store: Pick<Storefront, 'config' | 'getProduct'>,
  secrets: readonly string[] = webhookSecrets(),
): (request: Request) => Promise<Response> {
  return createRevalidateRoute({
    themeId: store.config.themeId,
    secrets,
    currencies: store.config.currencies,
    handleOf: async (id) => (await store.getProduct(id))?.handle ?? null,
  });
}

/** The signing secrets from `SOUK_WEBHOOK_SECRET` (comma-separated: old and new during a rotation). */
export function webhookSecrets(env: Record<string, string | undefined> = process.env): string[] {
  return (env.SOUK_WEBHOOK_SECRET ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
