import 'server-only';
import type { Schemas } from '@souk/sdk';
import type { CustomerAddress } from '../address-form';
import type { AddressBook } from './addresses';
import type { Customer } from './session';
import type { Storefront } from './storefront';

/** What a theme's `/account` page shows. */
export interface Account {
  customer: Customer;
  /** Their latest orders, across sellers, newest first. */
  orders: Schemas['Order'][];
  /** Their saved addresses, the default first. */
  addresses: CustomerAddress[];
  /** For the sign-out form. */
  csrfToken: string;
}

/**
 * The signed-in shopper's account page data, read at once; signed out (or a session the API
 * refuses), a redirect to `/sign-in` that comes back to `/account`.
 */
export async function loadAccount(
  store: Storefront,
  addressBook: AddressBook,
  { orderLimit = 20 }: { orderLimit?: number } = {},
): Promise<Account> {
  const customer = await store.requireCustomer('/account');
  const token = (await store.getSessionToken()) ?? '';
  const [orders, addresses, csrfToken] = await Promise.all([
    store.souk.store.customers.orders.list(token, { limit: orderLimit }),
    addressBook.list(),
    store.getCsrfToken(),
  ]);
  return { customer, orders: orders.data, addresses, csrfToken };
}
