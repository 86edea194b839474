import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { components } from '../../generated/openapi.js';
import type { CustomerAddressesTable, CustomersTable } from './customers.table.js';

type ShippingAddress = components['schemas']['ShippingAddress'];

type Db = Kysely<Database>;
export type CustomerRow = Selectable<CustomersTable>;
export type AddressRow = Selectable<CustomerAddressesTable>;

export async function findByUid(db: Db, uid: string, options: { lock?: boolean } = {}) {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('firebase_uid', '=', uid)
    .$if(options.lock === true, (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function findById(db: Db, id: string, options: { lock?: boolean } = {}) {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', id)
    .$if(options.lock === true, (q) => q.forUpdate())
    .executeTakeFirst();
}

/** Inserts a customer unless one with the uid exists (a concurrent first sign-in); undefined then. */
export async function insertCustomer(
  db: Db,
  row: Omit<CustomerRow, 'created_at' | 'updated_at' | 'providers'> & { providers: string },
) {
  return db
    .insertInto('customers')
    .values(row)
    .onConflict((oc) => oc.column('firebase_uid').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateCustomer(
  db: Db,
  id: string,
  patch: Partial<Omit<CustomerRow, 'id' | 'firebase_uid' | 'created_at' | 'updated_at' | 'providers'>> & {
    providers?: string;
  },
) {
  return db
    .updateTable('customers')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listAddresses(db: Db, customerId: string) {
  return db
    .selectFrom('customer_addresses')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('is_default', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function countAddresses(db: Db, customerId: string): Promise<number> {
  const row = await db
    .selectFrom('customer_addresses')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findAddress(db: Db, customerId: string, id: string) {
  return db
    .selectFrom('customer_addresses')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Clears the default of a customer's addresses (before another one becomes the default). */
export async function clearDefault(db: Db, customerId: string) {
  await db
    .updateTable('customer_addresses')
    .set({ is_default: false })
    .where('customer_id', '=', customerId)
    .where('is_default', '=', true)
    .execute();
}

export async function insertAddress(
  db: Db,
  row: {
    id: string;
    customer_id: string;
    label: string | null;
    is_default: boolean;
    address: ShippingAddress;
  },
) {
  return db
    .insertInto('customer_addresses')
    .values({ ...row, address: JSON.stringify(row.address) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateAddress(
  db: Db,
  customerId: string,
  id: string,
  patch: { label?: string | null; is_default?: boolean; address?: ShippingAddress },
) {
  return db
    .updateTable('customer_addresses')
    .set({
      ...(patch.label === undefined ? {} : { label: patch.label }),
      ...(patch.is_default === undefined ? {} : { is_default: patch.is_default }),
      ...(patch.address === undefined ? {} : { address: JSON.stringify(patch.address) }),
      updated_at: sql<Date>`now()`,
    })
    .where('customer_id', '=', customerId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteAddress(db: Db, customerId: string, id: string) {
  return db
    .deleteFrom('customer_addresses')
    .where('customer_id', '=', customerId)
    .where('id', '=', id)
    .returning(['id', 'is_default'])
    .executeTakeFirst();
}

/** Makes the newest address of a customer the default (after the default was deleted). */
export async function promoteNewestAddress(db: Db, customerId: string) {
  const newest = await db
    .selectFrom('customer_addresses')
    .select('id')
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (newest) {
    await db
      .updateTable('customer_addresses')
      .set({ is_default: true })
      .where('id', '=', newest.id)
      .execute();
  }
}

/** Gives the guest orders with this email (any case) to the customer; returns their ids. */
export async function claimGuestOrders(db: Db, customerId: string, email: string): Promise<string[]> {
  const rows = await db
    .updateTable('orders')
    .set({ customer_id: customerId })
    .where('customer_id', 'is', null)
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort();
}
