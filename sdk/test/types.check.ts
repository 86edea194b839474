/**
 * Compile-time checks, run by `tsc --noEmit -p sdk` (never executed): the SDK's types come from the spec,
 * so wrong calls do not compile. Each `@ts-expect-error` fails the typecheck if the error disappears.
 */
import { createSoukClient, isSoukError, type ProblemCode, type SoukError } from '../src/index.js';

const souk = createSoukClient({ baseUrl: 'http://localhost:4000', apiKey: 'pk_demo_storefront' });

export async function wrongCallsDoNotCompile(): Promise<void> {
  // @ts-expect-error limit is an integer
  await souk.store.products.list({ limit: '10' });
  // @ts-expect-error unknown query parameter
  await souk.store.products.list({ colour: 'red' });
  // @ts-expect-error sort is a closed enum
  await souk.store.products.list({ sort: 'cheapest' });
  // @ts-expect-error quantity is required
  await souk.store.carts.addItem('cart_1', { variant_id: 'var_1' });
  // @ts-expect-error payment_method is required
  await souk.store.carts.checkout('cart_1', {});
  // @ts-expect-error the order token is required
  await souk.store.orders.get('ord_1');
  const order = await souk.store.carts.checkout('cart_1', { payment_method: 'pm_card_visa' });
  // @ts-expect-error results are typed: no such field on an order
  order.grand_total;
}

export function errorCodesAreTheSpecUnion(err: SoukError): ProblemCode {
  // @ts-expect-error not a ProblemCode of the spec
  if (err.code === 'out_of_stok') return err.code;
  if (isSoukError(err, 'out_of_stock')) {
    const code: 'out_of_stock' = err.code;
    return code;
  }
  return err.code;
}
