import { startTestApi, type TestApi } from '../../api/test/support/test-api.js';
import { createSoukClient, type SoukClient, type SoukClientOptions } from '../src/index.js';

export type { TestApi };
export { startTestApi };

/** The demo keys the demo seed creates. */
export const keys = {
  store: 'pk_demo_storefront',
  operator: 'sk_demo_operator',
  seller1: 'sk_demo_seller_1',
  seller2: 'sk_demo_seller_2',
  seller3: 'sk_demo_seller_3',
} as const;

/** A client of the running test API with a key; retries fast so retry tests stay quick. */
export function clientFor(
  api: TestApi,
  apiKey: string,
  options: Partial<SoukClientOptions> = {},
): SoukClient {
  return createSoukClient({ baseUrl: api.url, apiKey, retryBaseDelayMs: 10, ...options });
}

/** A German shipping address the demo marketplace ships to. */
export const ADDRESS_DE = {
  name: 'Erika Mustermann',
  line1: 'Heidestraße 17',
  city: 'Köln',
  postal_code: '51147',
  country: 'DE',
};

/** The first in-stock variant priced in USD of a seller's published products, found through the SDK. */
export async function buyableVariant(souk: SoukClient, seller: string, minStock = 1) {
  for await (const product of souk.store.products.listAll({ seller, currency: 'USD', limit: 50 })) {
    const variant = product.variants.find((v) => v.available_quantity >= minStock && v.price);
    if (variant) return { product, variant };
  }
  throw new Error(`no buyable variant of ${seller}`);
}

/** A cart with one line of a seller's variant, email and address, ready to check out. */
export async function readyCart(souk: SoukClient, seller = 'atlas-outfitters', quantity = 1) {
  const { variant } = await buyableVariant(souk, seller, quantity);
  const cart = await souk.store.carts.create({ currency: 'USD' });
  await souk.store.carts.addItem(cart.id, { variant_id: variant.id, quantity });
  return souk.store.carts.update(cart.id, { email: 'buyer@example.com', shipping_address: ADDRESS_DE });
}
