import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import type { Idempotency } from '../../http/idempotency.js';
import { newId } from '../../lib/ids.js';
import type { VerifiedIdentity } from '../auth/identity.js';
import { recordEvents } from '../events/index.js';
import { customerEvent } from './customers.events.js';
import * as repo from './customers.repository.js';
import { type Customer, type CustomerAddress, toAddress, toCustomer } from './customers.views.js';

type Schemas = components['schemas'];

/** Most saved addresses per customer. */
export const MAX_ADDRESSES = 50;

const addressNotFound = (id: string) => new AppError('not_found', `You have no saved address '${id}'.`);

/**
 * Customer accounts: created on first sign-in, kept in step with the identity provider's claims.
 * Sign-in runs while a request is authenticated, before any handler, so the service is given the write
 * owner's `transaction` for the rare sign-in that writes; every other write receives the handler's.
 */
export function createCustomersService({
  db,
  transaction,
}: {
  db: Kysely<Database>;
  transaction: Idempotency['transaction'];
}) {
  /** Locks the customer row: address changes of one customer run one after the other. */
  const lockCustomer = async (trx: Kysely<Database>, id: string) => {
    const row = await repo.findById(trx, id, { lock: true });
    if (!row) throw new AppError('not_found', 'The account no longer exists.');
    return row;
  };

  return {
    /**
     * The account of a verified identity, created on first sign-in (`customer.created`). Later
     * sign-ins refresh email, phone and provider from the token (`customer.updated` when one changed).
     * Reads only, unless something changed.
     */
    async signIn(identity: VerifiedIdentity): Promise<repo.CustomerRow> {
      const current = await repo.findByUid(db, identity.uid);
      if (current && !differs(current, identity)) return current;
      return transaction(async (trx) => {
        const existing = await repo.findByUid(trx, identity.uid, { lock: true });
        if (!existing) {
          const inserted = await repo.insertCustomer(trx, {
            id: newId('cus'),
            firebase_uid: identity.uid,
            email: identity.email,
            email_verified: identity.emailVerified,
            phone: identity.phone,
            name: identity.name,
            sign_in_provider: identity.provider,
            providers: JSON.stringify([identity.provider]),
          });
          if (!inserted) {
            // A concurrent first request created it; that one recorded the event.
            const winner = await repo.findByUid(trx, identity.uid);
            if (!winner) throw new Error(`customer ${identity.uid} vanished after a conflicting insert`);
            return winner;
          }
          await recordEvents(trx, [customerEvent('customer.created', inserted)]);
          return inserted;
        }
        if (!differs(existing, identity)) return existing;
        const providers = existing.providers.includes(identity.provider)
          ? existing.providers
          : [...existing.providers, identity.provider];
        const updated = await repo.updateCustomer(trx, existing.id, {
          email: identity.email,
          email_verified: identity.emailVerified,
          phone: identity.phone,
          sign_in_provider: identity.provider,
          providers: JSON.stringify(providers),
        });
        await recordEvents(trx, [customerEvent('customer.updated', updated)]);
        return updated;
      });
    },

    async get(customerId: string): Promise<Customer> {
      const row = await repo.findById(db, customerId);
      if (!row) throw new AppError('not_found', 'The account no longer exists.');
      return toCustomer(row);
    },

    async update(
      customerId: string,
      input: Schemas['CustomerUpdate'],
      trx: Kysely<Database>,
    ): Promise<Customer> {
      const row = await lockCustomer(trx, customerId);
      if (input.name === undefined || input.name === row.name) return toCustomer(row);
      const updated = await repo.updateCustomer(trx, customerId, { name: input.name });
      await recordEvents(trx, [customerEvent('customer.updated', updated)]);
      return toCustomer(updated);
    },

    async listAddresses(customerId: string): Promise<CustomerAddress[]> {
      return (await repo.listAddresses(db, customerId)).map(toAddress);
    },

    async createAddress(
      customerId: string,
      input: Schemas['CustomerAddressCreate'],
      trx: Kysely<Database>,
    ): Promise<CustomerAddress> {
      await lockCustomer(trx, customerId);
      const count = await repo.countAddresses(trx, customerId);
      if (count >= MAX_ADDRESSES) {
        throw new AppError(
          'conflict',
          `An account keeps at most ${MAX_ADDRESSES} addresses; delete one first.`,
        );
      }
      const isDefault = count === 0 || input.is_default === true;
      if (isDefault) await repo.clearDefault(trx, customerId);
      const row = await repo.insertAddress(trx, {
        id: newId('addr'),
        customer_id: customerId,
        label: input.label ?? null,
        is_default: isDefault,
        address: input.address,
      });
      return toAddress(row);
    },

    async updateAddress(
      customerId: string,
      id: string,
      input: Schemas['CustomerAddressUpdate'],
      trx: Kysely<Database>,
    ): Promise<CustomerAddress> {
      await lockCustomer(trx, customerId);
      if (!(await repo.findAddress(trx, customerId, id))) throw addressNotFound(id);
      if (input.is_default) await repo.clearDefault(trx, customerId);
      const row = await repo.updateAddress(trx, customerId, id, {
        ...(input.label === undefined ? {} : { label: input.label }),
        ...(input.is_default ? { is_default: true } : {}),
        ...(input.address === undefined ? {} : { address: input.address }),
      });
      if (!row) throw addressNotFound(id);
      return toAddress(row);
    },

    async deleteAddress(customerId: string, id: string, trx: Kysely<Database>): Promise<void> {
      await lockCustomer(trx, customerId);
      const gone = await repo.deleteAddress(trx, customerId, id);
      if (!gone) throw addressNotFound(id);
      if (gone.is_default) await repo.promoteNewestAddress(trx, customerId);
    },

    /**
     * Claims the guest orders placed with the customer's email. Only a verified email claims: an
     * unverified one could be anyone's. Orders of another account are never moved.
     */
    async claimGuestOrders(customerId: string): Promise<string[]> {
      const row = await repo.findById(db, customerId);
      if (!row) throw new AppError('not_found', 'The account no longer exists.');
      if (!row.email || !row.email_verified) {
        throw new AppError(
          'email_not_verified',
          'Verify your email address first: guest orders are claimed by a verified email only.',
        );
      }
      return repo.claimGuestOrders(db, customerId, row.email);
    },
  };
}

/** True when the token's claims differ from what the account holds. */
function differs(row: repo.CustomerRow, identity: VerifiedIdentity): boolean {
  return (
    row.email !== identity.email ||
    row.email_verified !== identity.emailVerified ||
    row.phone !== identity.phone ||
    row.sign_in_provider !== identity.provider ||
    !row.providers.includes(identity.provider)
  );
}

export type CustomersService = ReturnType<typeof createCustomersService>;
