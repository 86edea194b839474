import type { components } from '../../src/generated/openapi.js';
import { demoOracle } from './demo-oracle.js';
import type { TestApi } from './test-api.js';

type Schemas = components['schemas'];

export const ADDRESS_DE = {
  name: 'Erika Mustermann',
  line1: 'Heidestraße 17',
  city: 'Köln',
  postal_code: '51147',
  country: 'DE',
};

/** Demo variants that can be bought in USD: published, active seller, in stock, priced in USD. */
export function buyableVariants(sellerHandle: string, minStock = 1) {
  const oracle = demoOracle();
  const seller = oracle.catalog.sellers.find((s) => s.handle === sellerHandle);
  const products = new Set(oracle.visible.filter((p) => p.sellerId === seller?.id).map((p) => p.id));
  return oracle.catalog.variants
    .filter((v) => products.has(v.product_id) && v.inventory_quantity >= minStock)
    .filter((v) => oracle.catalog.prices.some((p) => p.variant_id === v.id && p.currency === 'USD'))
    .map((v) => ({ id: v.id, sellerId: seller?.id ?? '', stock: v.inventory_quantity }));
}

/** A cart with these items, an email and a German address, ready to check out. */
export async function readyCart(
  api: TestApi,
  items: { variantId: string; quantity: number }[],
  currency = 'USD',
) {
  const cart = await api.request<Schemas['Cart']>('POST', '/store/carts', { json: { currency } });
  if (cart.status !== 201) throw new Error(`cart: ${cart.status} ${JSON.stringify(cart.body)}`);
  for (const item of items) {
    const res = await api.request('POST', `/store/carts/${cart.body.id}/items`, {
      json: { variant_id: item.variantId, quantity: item.quantity },
    });
    if (res.status >= 300) throw new Error(`add item: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const res = await api.request<Schemas['Cart']>('PATCH', `/store/carts/${cart.body.id}`, {
    json: { email: 'buyer@example.com', shipping_address: ADDRESS_DE },
  });
  return res.body;
}

/** Checks out a cart with the test provider. */
export function checkout(
  api: TestApi,
  cartId: string,
  options: { key?: string; paymentMethod?: string } = {},
) {
  return api.request<Schemas['Order'] & Partial<Pick<Schemas['Problem'], 'code' | 'detail'>>>(
    'POST',
    `/store/carts/${cartId}/checkout`,
    {
      json: { payment_method: options.paymentMethod ?? 'pm_card_visa' },
      headers: { 'idempotency-key': options.key ?? `checkout-${cartId}` },
    },
  );
}
