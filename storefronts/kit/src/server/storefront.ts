import 'server-only';
import {
  type Cart,
  createSoukClient,
  isSoukError,
  type Product,
  type Schemas,
  type SoukClient,
  SoukConnectionError,
} from '@souk/sdk';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { privateCookie, publicCookie } from '../cookies';
import { knownTimeZone } from '../dates';
import { type Image, type ImageOptions, type ImageProps, imageProps } from '../images';
import { buyableProducts, type ListProducts, relatedProducts } from '../related';
import { readConfig, type StorefrontConfig, supportedCurrency } from './config';
import { createSessionReader } from './session';

type SellerSummary = Schemas['SellerSummary'];
type ContentKind = Schemas['ContentKind'];
type ContentData = Schemas['ContentData'];

/** The data of a content document of each kind (the spec's `ContentData` variants). */
export type ContentDataOf<K extends ContentKind> = K extends 'home'
  ? Extract<ContentData, { sections: unknown }>
  : K extends 'navigation'
    ? Extract<ContentData, { items: unknown }>
    : K extends 'banner'
      ? Extract<ContentData, { headline: unknown }>
      : Extract<ContentData, { body: unknown }>;

/** Thrown when the buyer's cart holds items priced in another currency than the one they picked. */
export class CartCurrencyError extends Error {
  constructor(readonly cartCurrency: string) {
    super(`The cart is priced in ${cartCurrency}`);
  }
}

/** Units in a cart, for the header badge. */
export function unitCount(cart: Cart | null): number {
  return cart ? cart.items.reduce((sum, item) => sum + item.quantity, 0) : 0;
}

/** Whether an error means "this does not exist" (so the page should be a 404). */
export function isNotFound(err: unknown): boolean {
  return isSoukError(err, 'not_found');
}

/** Whether the API could not be reached at all (no HTTP answer). */
export function isUnreachable(err: unknown): boolean {
  return err instanceof SoukConnectionError;
}

/**
 * Whether the API cannot answer this right now: unreachable, or a part of it down (`503
 * service_unavailable`, e.g. the document store that holds content, reviews and sellers' pages).
 */
export function isUnavailable(err: unknown): boolean {
  return isUnreachable(err) || isSoukError(err, 'service_unavailable');
}

const SELLERS_TTL_MS = 5 * 60_000;

/**
 * Everything server-side a theme shares: its configuration, its one Souk client, the cart cookie and
 * the buyer's currency. A theme makes one (`src/lib/store.ts`) and imports that everywhere.
 */
export function createStorefront(themeId: string, config: StorefrontConfig = readConfig(themeId)) {
  const names = config.cookies;
  /** The one Souk client: server only, carrying nothing but the publishable key. */
  const souk: SoukClient = createSoukClient({
    baseUrl: config.apiUrl,
    apiKey: config.publishableKey,
    timeoutMs: 10_000,
  });
  const session = createSessionReader(config, souk);

  /**
   * The buyer's active cart, or null: no cookie, a cart the API no longer knows, or a cart that was
   * checked out (the cookie outlives checkout on purpose, so that a duplicate submit of the checkout
   * form still finds the cart and gets the same order replayed).
   */
  async function getCart(): Promise<Cart | null> {
    const id = (await cookies()).get(names.cart)?.value;
    if (!id) return null;
    try {
      const cart = await souk.store.carts.get(id);
      return cart.status === 'active' ? cart : null;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /** The cart id in the cookie, whatever the cart's state (for checkout). */
  async function getCartId(): Promise<string | undefined> {
    return (await cookies()).get(names.cart)?.value;
  }

  /** Stores the cart id (httpOnly) and the unit count (readable). Server Actions only. */
  async function rememberCart(cart: Cart): Promise<void> {
    const jar = await cookies();
    jar.set(names.cart, cart.id, privateCookie(config.secureCookies));
    jar.set(names.cartCount, String(unitCount(cart)), publicCookie(config.secureCookies));
  }

  /** Forgets the cart. Server Actions only. */
  async function forgetCart(): Promise<void> {
    const jar = await cookies();
    jar.delete(names.cart);
    jar.delete(names.cartCount);
  }

  /**
   * The cart to add to: the active cart in `currency`, a new cart when there is none (or only an
   * empty one in another currency). A cart holding items in another currency is never replaced silently.
   */
  async function cartForAdding(currency: string): Promise<Cart> {
    const existing = await getCart();
    if (existing?.currency === currency) return existing;
    if (existing && existing.items.length > 0) throw new CartCurrencyError(existing.currency);
    const created = await souk.store.carts.create({ currency });
    return (await attachToCustomer(created.id)) ?? created;
  }

  /**
   * Makes a cart the signed-in shopper's (so its order lands in their account): the API attaches it,
   * or merges it into their active cart in the same currency (see `attachStoreCustomerCart`). Returns
   * the customer's cart, or undefined when nobody is signed in (or the session is no longer valid).
   */
  async function attachToCustomer(cartId: string): Promise<Cart | undefined> {
    const token = await session.getSessionToken();
    if (!token) return undefined;
    try {
      return (await souk.store.customers.cart.attach(token, { guest_cart_id: cartId })).cart;
    } catch (err) {
      if (isSoukError(err) && err.status === 401) return undefined;
      throw err;
    }
  }

  /** The buyer's currency, from the currency cookie. Reading it makes the page dynamic. */
  async function getCurrency(): Promise<string> {
    return supportedCurrency(config, (await cookies()).get(names.currency)?.value);
  }

  /** The shopper's time zone as their browser reported it (`useTimeZoneCookie`), if this runtime knows it. */
  async function getTimeZone(): Promise<string | undefined> {
    return knownTimeZone((await cookies()).get(names.timeZone)?.value);
  }

  /**
   * `generateStaticParams` of a page static per currency (`app/home/[currency]`): every currency when
   * the API answers at build time, else none (a build without an API, e.g. CI or an image build,
   * still succeeds and each page renders on its first visit).
   */
  async function currencyParams(): Promise<{ currency: string }[]> {
    try {
      await souk.store.categories.list({ maxRetries: 0, timeoutMs: 5_000 });
      return config.currencies.map((c) => ({ currency: c.toLowerCase() }));
    } catch {
      console.warn(`${themeId}: Souk API unreachable at build time; pages will render on first visit`);
      return [];
    }
  }

  /** The category tree, fetched once per request however many components ask for it. */
  const getCategories = cache(async () => (await souk.store.categories.list()).data);

  /** A product by handle, or null when there is none; once per request. */
  const getProduct = cache(async (handle: string, currency?: string): Promise<Product | null> => {
    try {
      return await souk.store.products.get(handle, currency ? { currency } : {});
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  });

  /**
   * A static product page's product from its route (`/products/{handle}/{currency}`, see the proxy):
   * null when the currency is not one of the theme's or no published product answers to the handle.
   */
  function getPageProduct(route: { handle: string; currency: string }): Promise<Product | null> {
    const currency = route.currency.toUpperCase();
    if (!config.currencies.includes(currency)) return Promise.resolve(null);
    return getProduct(decodeURIComponent(route.handle), currency);
  }

  /**
   * The first image of each cart line's product, by product handle (cart lines carry no image). One
   * product read per distinct product, in parallel; a product that fails to load just has no picture.
   */
  async function getCartImages(cart: Cart): Promise<Map<string, Image>> {
    const handles = [...new Set(cart.items.map((i) => i.product_handle))];
    const found = await Promise.all(
      handles.map(async (handle) => {
        const image = await getProduct(handle).then(
          (p) => p?.images[0],
          () => undefined,
        );
        return [handle, image] as const;
      }),
    );
    return new Map(found.filter((e): e is [string, Image] => e[1] !== undefined));
  }

  /**
   * The published data of one of this theme's content documents (`GET /store/content/…`), once per
   * request; null when it was never published or the API cannot answer (unreachable, or its document
   * store down), so the theme draws its own default instead of failing the page. (The API caches these reads like the catalog's.)
   */
  const getContent = cache(
    async <K extends ContentKind>(kind: K, key: string): Promise<ContentDataOf<K> | null> => {
      try {
        // No retries: the theme's own default is the answer while the API cannot give this one.
        const doc = await souk.store.content.get(themeId, kind, key, { maxRetries: 0 });
        return doc.kind === kind ? (doc.data as ContentDataOf<K>) : null;
      } catch (err) {
        if (isNotFound(err) || isUnavailable(err)) return null;
        throw err;
      }
    },
  );

  let sellersMemo: { at: number; sellers: SellerSummary[] } | undefined;
  /**
   * Sellers for a listing's seller filter. The storefront API has no list of sellers, so this takes
   * the sellers of the newest 100 products (kept for five minutes).
   */
  async function getSellerOptions(): Promise<SellerSummary[]> {
    if (sellersMemo && Date.now() - sellersMemo.at < SELLERS_TTL_MS) return sellersMemo.sellers;
    const page = await souk.store.products.list({ limit: 100 });
    const byId = new Map(page.data.map((p) => [p.seller.id, p.seller]));
    const sellers = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    sellersMemo = { at: Date.now(), sellers };
    return sellers;
  }

  // No retries for the rows a page can do without: a listing that fails leaves its cards out at once
  // rather than hold the page.
  const listOnce: ListProducts = (query) => souk.store.products.list(query, { maxRetries: 0 });

  /** Up to four products to show under `product`, to buy now in `currency` (see `relatedProducts`). */
  async function getRelatedProducts(product: Product, currency: string): Promise<Product[]> {
    const categories = await getCategories().catch(() => []);
    return relatedProducts(listOnce, product, { categories, currency });
  }

  /** The four newest products to buy now in `currency`, for an empty bag (see `buyableProducts`). */
  function getNewestBuyable(currency: string): Promise<Product[]> {
    return buyableProducts(listOnce, { sort: 'newest', currency });
  }

  /** `<img>` attributes for a catalog image, with this theme's Souk origins (see `imageProps`). */
  function image(
    img: Image,
    fallbackAlt: string,
    options: Omit<ImageOptions, 'soukOrigins'> = {},
  ): ImageProps {
    return imageProps(img, fallbackAlt, { ...options, soukOrigins: config.soukOrigins });
  }

  return {
    config,
    souk,
    getCart,
    getCartId,
    rememberCart,
    forgetCart,
    cartForAdding,
    attachToCustomer,
    ...session,
    getCurrency,
    getTimeZone,
    currencyParams,
    getCategories,
    getProduct,
    getPageProduct,
    getCartImages,
    getSellerOptions,
    getRelatedProducts,
    getNewestBuyable,
    getContent,
    image,
  };
}

export type Storefront = ReturnType<typeof createStorefront>;
