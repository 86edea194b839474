/**
 * A storefront's golden path: search, product page, a cart with two sellers' items, checkout, order page.
 *   SOUK_API_URL=http://localhost:4000 SOUK_PUBLISHABLE_KEY=pk_demo_storefront node --import tsx sdk/examples/storefront.ts
 */
import { createSoukClient, isSoukError, type Product } from '@souk/sdk';

const souk = createSoukClient({
  baseUrl: process.env.SOUK_API_URL ?? 'http://localhost:4000',
  apiKey: process.env.SOUK_PUBLISHABLE_KEY ?? 'pk_demo_storefront',
});
const usd = (minor: number) => `$${(minor / 100).toFixed(2)}`;

/** The first product of a seller with a variant in stock, walking every page if needed. */
async function firstBuyable(seller: string): Promise<{ product: Product; variantId: string }> {
  for await (const product of souk.store.products.listAll({ seller, currency: 'USD', limit: 20 })) {
    const variant = product.variants.find((v) => v.available_quantity > 0 && v.price);
    if (variant) return { product, variantId: variant.id };
  }
  throw new Error(`${seller} has nothing in stock`);
}

const page = await souk.store.products.list({ currency: 'USD', limit: 5 });
console.log(
  `catalog: first page has ${page.data.length} products${page.next_cursor ? ', more to come' : ''}`,
);

const a = await firstBuyable('atlas-outfitters');
const b = await firstBuyable('nordic-home');
const product = await souk.store.products.get(a.product.handle, { currency: 'USD' });
console.log(`product: ${product.title} by ${product.seller.name}`);

const cart = await souk.store.carts.create({ currency: 'USD' });
await souk.store.carts.addItem(cart.id, { variant_id: a.variantId, quantity: 1 });
await souk.store.carts.addItem(cart.id, { variant_id: b.variantId, quantity: 1 });
const ready = await souk.store.carts.update(cart.id, {
  email: 'erika@example.com',
  shipping_address: {
    name: 'Erika Mustermann',
    line1: 'Heidestraße 17',
    city: 'Köln',
    postal_code: '51147',
    country: 'DE',
  },
});
console.log(`cart: ${ready.items.length} items, total ${usd(ready.totals.total?.amount ?? 0)}`);

try {
  await souk.store.carts.checkout(cart.id, { payment_method: 'pm_card_declined' });
} catch (err) {
  if (!isSoukError(err, 'payment_declined')) throw err;
  console.log(`declined card: ${err.code} (status ${err.status}, request ${err.requestId})`);
}

const order = await souk.store.carts.checkout(cart.id, { payment_method: 'pm_card_visa' });
console.log(
  `order: ${order.id} ${order.status}, ${order.seller_orders.length} seller orders, total ${usd(order.totals.total.amount)}`,
);
const again = await souk.store.orders.get(order.id, order.access_token ?? '');
console.log(`order page: ${again.id} readable with its access token`);
