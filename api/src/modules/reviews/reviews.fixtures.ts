import { demoOracle } from '../../../test/support/demo-oracle.js';
import { checkout, readyCart } from '../../../test/support/shopping.js';
import type { TestApi } from '../../../test/support/test-api.js';
import type { components } from '../../generated/openapi.js';

type S = components['schemas'];

/** A published Atlas Outfitters (sk_demo_seller_1) product with at least `stock` USD-priced units in all. */
export function atlasProduct(stock: number) {
  const oracle = demoOracle();
  const atlas = oracle.catalog.sellers.find((s) => s.handle === 'atlas-outfitters');
  for (const product of oracle.visible.filter((p) => p.sellerId === atlas?.id)) {
    const variants = oracle.catalog.variants.filter(
      (v) =>
        v.product_id === product.id &&
        v.inventory_quantity > 0 &&
        oracle.catalog.prices.some((p) => p.variant_id === v.id && p.currency === 'USD'),
    );
    if (variants.reduce((a, v) => a + v.inventory_quantity, 0) >= stock) return { product, variants };
  }
  throw new Error(`no Atlas product with ${stock} units in stock`);
}

/**
 * Places an order of one unit of `variantId` as a guest and, unless `ship` is false, has the seller
 * ship it. Returns the order, its access token and the line.
 */
export async function boughtLine(
  api: TestApi,
  variantId: string,
  options: { ship?: boolean; headers?: Record<string, string> } = {},
): ReturnType<typeof placeAndShip> {
  // A busy test machine can reset a kept-alive connection: try again (an order the lost answer had
  // placed is left behind; no test counts orders).
  for (let attempt = 1; ; attempt++) {
    try {
      return await placeAndShip(api, variantId, options);
    } catch (err) {
      if (attempt >= 3 || !(err instanceof TypeError)) throw err;
    }
  }
}

async function placeAndShip(
  api: TestApi,
  variantId: string,
  options: { ship?: boolean; headers?: Record<string, string> } = {},
) {
  const cart = await readyCart(api, [{ variantId, quantity: 1 }]);
  if (options.headers) {
    await api.request('POST', '/store/customers/me/cart', {
      headers: options.headers,
      json: { guest_cart_id: cart.id },
    });
  }
  const placed = await checkout(api, cart.id);
  if (placed.status !== 201) throw new Error(`checkout: ${placed.status} ${JSON.stringify(placed.body)}`);
  const order = placed.body;
  const part = order.seller_orders[0] as S['SellerOrder'];
  if (options.ship !== false) {
    const shipped = await api.request('POST', `/seller/orders/${part.id}/fulfillments`, {
      key: 'sk_demo_seller_1',
      json: { carrier: 'DHL', tracking_number: `T-${part.id}` },
    });
    if (shipped.status !== 201 && shipped.status !== 200) throw new Error(`ship: ${shipped.status}`);
  }
  return { order, token: order.access_token ?? '', line: part.lines[0] as S['OrderLine'] };
}
