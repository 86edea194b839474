/**
 * Test-only setup and verification through the seller and operator APIs (demo keys). The theme itself
 * never holds these keys; only the tests use them, to change stock and to count orders.
 */
import { createSoukClient, type Order, type Product } from '@souk/sdk';

export function createAdmin(apiUrl: string) {
  const store = createSoukClient({ baseUrl: apiUrl, apiKey: 'pk_demo_storefront' });
  const seller = createSoukClient({ baseUrl: apiUrl, apiKey: 'sk_demo_seller_1' });
  const operator = createSoukClient({ baseUrl: apiUrl, apiKey: 'sk_demo_operator' });

  return {
    product: (handle: string): Promise<Product> => store.store.products.get(handle),

    /** Sets a variant's stock as its seller (Atlas Outfitters, `sk_demo_seller_1`). */
    async setStock(variantId: string, quantity: number): Promise<void> {
      await seller.seller.inventory.update({ items: [{ variant_id: variantId, quantity }] });
    },

    /** Ships every line of Atlas Outfitters' part of an order (the seller's fulfillment). */
    async shipAtlasPart(orderId: string): Promise<void> {
      for await (const part of seller.seller.orders.listAll({ limit: 100 })) {
        if (part.order_id === orderId)
          await seller.seller.orders.fulfill(part.id, { carrier: 'DHL', tracking_number: `E2E-${part.id}` });
      }
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
