import type { components } from '../../src/generated/openapi.js';
import { DEMO_KEYS } from '../../src/modules/auth/index.js';
import { sellerId } from '../../src/modules/carts/carts.fixtures.js';
import { eventsOf } from '../../src/modules/events/index.js';
import type { TestApi } from './test-api.js';

type Schemas = components['schemas'];
export type SellerProduct = Schemas['SellerProduct'];
export type SellerProductCreate = Schemas['SellerProductCreate'];

/** The demo seller keys: the first three sellers of the seed, in order (all active). */
export const SELLER_1 = DEMO_KEYS.sellers[0];
export const SELLER_2 = DEMO_KEYS.sellers[1];

let counter = 0;

/**
 * A valid create body with a fresh handle and fresh SKUs: a Size option with two values, the first
 * variant priced in USD and EUR with stock, the second in USD only without stock.
 */
export function newProductBody(overrides: Partial<SellerProductCreate> = {}): SellerProductCreate {
  counter += 1;
  const n = `${process.pid}-${counter}`;
  return {
    handle: `test-boot-${n}`,
    title: `Test Boot ${n}`,
    description: 'A sturdy boot made for tests.',
    category: 'footwear',
    attributes: { material: 'leather', waterproof: true },
    images: [
      { url: `https://images.example.com/test-boot-${n}.jpg`, alt: 'Test boot', width: 800, height: 600 },
    ],
    options: [{ name: 'Size', values: ['42', '43'] }],
    variants: [
      {
        sku: `TB-${n}-42`,
        options: { Size: '42' },
        prices: [
          { amount: 12900, currency: 'USD' },
          { amount: 11900, currency: 'EUR' },
        ],
        inventory_quantity: 5,
      },
      {
        sku: `TB-${n}-43`,
        title: 'Forty-three',
        options: { Size: '43' },
        prices: [{ amount: 13900, currency: 'USD' }],
      },
    ],
    ...overrides,
  };
}

/** Creates a product over HTTP (seller 1 unless a key is given) and returns it; fails the test on anything but 201. */
export async function createProduct(
  api: TestApi,
  overrides: Partial<SellerProductCreate> = {},
  key: string = SELLER_1,
): Promise<SellerProduct> {
  const res = await api.request<SellerProduct>('POST', '/seller/products', {
    json: newProductBody(overrides),
    key,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates and publishes a product of seller 1. */
export async function createPublished(
  api: TestApi,
  overrides: Partial<SellerProductCreate> = {},
): Promise<SellerProduct> {
  const created = await createProduct(api, overrides);
  const res = await api.request<SellerProduct>('POST', `/seller/products/${created.id}/publish`);
  if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The outbox events of an aggregate as type + data, in commit order. */
export async function eventsFor(api: TestApi, aggregateId: string) {
  const rows = await eventsOf(api.db.container.database.db, aggregateId);
  return rows.map((e) => ({ type: e.type, seller_id: e.seller_id, data: e.data }));
}

/** The id of Atlas Outfitters, the demo seller whose key (SELLER_1) the seller-catalog tests use. */
export const ATLAS_ID = sellerId('atlas-outfitters');

/** The id of a demo seller by handle. */
export async function sellerIdByHandle(api: TestApi, handle: string): Promise<string> {
  const row = await api.db.container.database.db
    .selectFrom('sellers')
    .select('id')
    .where('handle', '=', handle)
    .executeTakeFirstOrThrow();
  return row.id;
}
