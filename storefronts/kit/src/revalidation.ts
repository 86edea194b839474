// Which Souk events change a theme's static pages, and which pages: shared by the webhook route (server)
// and whatever registers the theme's webhook endpoint.
import type { SoukWebhookEvent } from '@souk/sdk';

type EventType = SoukWebhookEvent['type'];

/** Events whose product's static pages (and the home pages' cards) change with them; all carry `data.handle`. */
export const PRODUCT_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'product.created',
  'product.updated',
  'product.published',
  'product.unpublished',
  'product.deleted',
]);

/** Events that change a product's static pages but name it by id only. */
export const PRODUCT_ID_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'variant.created',
  'variant.updated',
  'variant.deleted',
  'review.created',
  'review.moderated',
  'review.replied',
]);

/**
 * The event types `createRevalidateRoute` acts on: register the theme's endpoint for these.
 * `inventory.updated` comes with every sale, but only a variant selling out or coming back regenerates
 * pages (see the route).
 */
export const REVALIDATING_EVENTS: readonly EventType[] = [
  'content.published',
  ...PRODUCT_EVENTS,
  ...PRODUCT_ID_EVENTS,
  'inventory.updated',
];

/**
 * Whether a stock change changes what a static page says: a variant sold out (a "Sold out" badge, an
 * "Out of stock" choice) or back in stock. The count in between ("Only 3 left") is left to the page's
 * minute, so a sale does not regenerate its product's pages every time.
 */
export function crossesZero(stock: { previous_quantity: number; inventory_quantity: number }): boolean {
  return stock.previous_quantity > 0 !== stock.inventory_quantity > 0;
}

/**
 * The static pages (ISR) a catalog change reaches, as `revalidatePath` paths: the product's page in
 * every currency under both of its addresses (`/products/{handle}` and `/products/{id}`, which the
 * kit's proxy rewrites to `/products/{…}/{currency}`; without an id, the handle's alone), and with
 * `home` the home pages, whose cards show products.
 */
export function productPagePaths(
  product: { id?: string; handle: string | null },
  currencies: readonly string[],
  home: boolean,
): string[] {
  const keys = [...new Set([product.id, product.handle].filter((k): k is string => Boolean(k)))];
  return currencies.flatMap((currency) => {
    const c = currency.toLowerCase();
    return [
      ...keys.map((key) => `/products/${encodeURIComponent(key)}/${c}`),
      ...(home ? [`/home/${c}`] : []),
    ];
  });
}
