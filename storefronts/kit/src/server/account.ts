import 'server-only';
import { isSoukError, type Schemas } from '@souk/sdk';
import type { CustomerAddress } from '../address-form';
import type { AddressBook } from './addresses';
import type { Customer } from './session';
import type { Storefront } from './storefront';

/** What a theme's `/account` page shows. */
export interface Account {
  customer: Customer;
  /** A page of their orders, across sellers, newest first: the latest, or those older than `olderThan`. */
  orders: Schemas['Order'][];
  /**
   * Paging through the orders: `older` is the link to the next page (null on the last), `latest` the
   * link back to the first (null on the first): `/account`, with the API's cursor in `?orders=` for
   * an older page.
   */
  orderPages: { older: string | null; latest: string | null };
  /** Their saved addresses, the default first. */
  addresses: CustomerAddress[];
  /** For the sign-out form. */
  csrfToken: string;
}

/**
 * The signed-in shopper's account page data, read at once; signed out (or a session the API
 * refuses), a redirect to `/sign-in` that comes back to `/account`. `olderThan` is the `orders`
 * search parameter of the page's URL (a cursor from `orderPages.older`); one the API does not accept
 * (edited, or from another account) shows the latest orders instead of failing the page.
 */
export async function loadAccount(
  store: Storefront,
  addressBook: AddressBook,
  { orderLimit = 20, olderThan }: { orderLimit?: number; olderThan?: string | string[] | undefined } = {},
): Promise<Account> {
  const customer = await store.requireCustomer('/account');
  const token = (await store.getSessionToken()) ?? '';
  const cursor = typeof olderThan === 'string' && olderThan !== '' ? olderThan : undefined;
  const listOrders = (from: string | undefined) =>
    store.souk.store.customers.orders.list(token, { limit: orderLimit, ...(from ? { cursor: from } : {}) });
  const [page, addresses, csrfToken] = await Promise.all([
    listOrders(cursor).then(
      (found) => ({ found, paged: cursor !== undefined }),
      async (err: unknown) => {
        if (cursor === undefined || !isSoukError(err, 'invalid_cursor')) throw err;
        return { found: await listOrders(undefined), paged: false };
      },
    ),
    addressBook.list(),
    store.getCsrfToken(),
  ]);
  const { found, paged } = page;
  return {
    customer,
    orders: found.data,
    orderPages: {
      older: found.next_cursor ? `/account?orders=${encodeURIComponent(found.next_cursor)}` : null,
      latest: paged ? '/account' : null,
    },
    addresses,
    csrfToken,
  };
}
