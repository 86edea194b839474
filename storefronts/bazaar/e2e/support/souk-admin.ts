/**
 * Test-only setup and verification through the seller and operator APIs (demo keys). The theme itself
 * never holds these keys; only the tests use them, to change stock and to count orders.
 */
import { createSoukClient, type Order, type Product, type Schemas } from '@souk/sdk';

export function createAdmin(apiUrl: string) {
  const store = createSoukClient({ baseUrl: apiUrl, apiKey: 'pk_demo_storefront' });
  const seller = createSoukClient({ baseUrl: apiUrl, apiKey: 'sk_demo_seller_1' });
  const operator = createSoukClient({ baseUrl: apiUrl, apiKey: 'sk_demo_operator' });

  /** Ships the open parts of an order that belong to the sellers of these keys. */
  async function shipParts(orderId: string, sellerKeys: string[]): Promise<void> {
    for (const apiKey of sellerKeys) {
      const client = createSoukClient({ baseUrl: apiUrl, apiKey });
      for await (const part of client.seller.orders.listAll({ limit: 100 })) {
        if (part.order_id === orderId && part.status === 'open')
          await client.seller.orders.fulfill(part.id, { carrier: 'DHL', tracking_number: `E2E-${part.id}` });
      }
    }
  }

  /** Checks out one unit of `variantId` from the cart, to a US address (the test card). */
  async function buyOne(cartId: string, variantId: string, email: string): Promise<Order> {
    await store.store.carts.addItem(cartId, { variant_id: variantId, quantity: 1 });
    await store.store.carts.update(cartId, {
      email,
      shipping_address: {
        name: 'Ada Reviewer',
        line1: '1 Main St',
        city: 'Springfield',
        postal_code: '12345',
        country: 'US',
      },
    });
    return store.store.carts.checkout(cartId, { payment_method: 'pm_card_visa' });
  }

  return {
    product: (handle: string): Promise<Product> => store.store.products.get(handle),

    /** Sets a variant's stock as its seller (Atlas Outfitters, `sk_demo_seller_1`). */
    async setStock(variantId: string, quantity: number): Promise<void> {
      await seller.seller.inventory.update({ items: [{ variant_id: variantId, quantity }] });
    },

    /** Ships every line of Atlas Outfitters' part of an order (the seller's fulfillment). */
    shipAtlasPart: (orderId: string): Promise<void> => shipParts(orderId, ['sk_demo_seller_1']),

    /** Ships every seller's part of an order (each demo seller fulfils its own with its key). */
    shipEveryPart: (orderId: string): Promise<void> =>
      shipParts(orderId, ['sk_demo_seller_1', 'sk_demo_seller_2', 'sk_demo_seller_3']),

    /**
     * A verified review of an Atlas Outfitters variant, as a guest buyer leaves it: the variant bought
     * through the API, its part shipped by the seller, then reviewed with the order's access token.
     */
    async reviewAtlasVariant(
      variantId: string,
      review: Pick<Schemas['ReviewCreate'], 'rating' | 'title' | 'body' | 'author_name'>,
    ): Promise<Schemas['Review']> {
      const cart = await store.store.carts.create({ currency: 'USD' });
      const order = await buyOne(cart.id, variantId, 'reviewer@example.com');
      await this.shipAtlasPart(order.id);
      const line = order.seller_orders
        .flatMap((part) => part.lines)
        .find((item) => item.variant_id === variantId);
      return store.store.reviews.create(
        { order_id: order.id, order_line_id: line?.id ?? '', ...review },
        { orderToken: order.access_token ?? '' },
      );
    },

    /**
     * Places `count` orders of one unit of `variantId`, one after another, as the signed-in shopper
     * whose credential is `token` (a session or ID token): each from the account's cart. Returns
     * their ids, oldest first.
     */
    async placeOrdersAs(token: string, variantId: string, count: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const { cart } = await store.store.customers.cart.attach(token, { currency: 'USD' });
        ids.push((await buyOne(cart.id, variantId, 'history@example.com')).id);
      }
      return ids;
    },

    /** Every order placed with this email (operator view of all orders). */
    async ordersFor(email: string): Promise<Order[]> {
      const found: Order[] = [];
      for await (const order of operator.admin.orders.listAll({ limit: 100 })) {
        if (order.email === email) found.push(order);
      }
      return found;
    },
  };
}
