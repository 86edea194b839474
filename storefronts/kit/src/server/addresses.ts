import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type AddressFormState, addressFields, type CustomerAddress } from '../address-form';
import { toFormProblem } from '../problems';
import { addressOf } from './actions';
import { isSignedOutError } from './session';
import type { Storefront } from './storefront';

/**
 * The signed-in shopper's address book (`/store/customers/me/addresses`): reading it for the account
 * page and checkout, and the bodies of the Server Actions that change it. Signed out, the actions send
 * the shopper to sign in; every change re-renders `/account` and `/checkout`.
 */
export function createAddressBook(store: Storefront) {
  const { souk } = store;

  async function tokenOrSignIn(): Promise<string> {
    const token = await store.getSessionToken();
    if (!token) redirect('/sign-in?return_to=%2Faccount');
    return token;
  }

  function changed(): void {
    revalidatePath('/account');
    revalidatePath('/checkout');
  }

  /** The shopper's saved addresses, the default first; none when signed out or the session is refused. */
  async function list(): Promise<CustomerAddress[]> {
    const token = await store.getSessionToken();
    if (!token) return [];
    try {
      return (await souk.store.customers.addresses.list(token)).data;
    } catch (err) {
      if (isSignedOutError(err)) return [];
      throw err;
    }
  }

  /** Saves a new address, or changes the one named by the form's `address_id`. */
  async function save(prev: AddressFormState, formData: FormData): Promise<AddressFormState> {
    const values: AddressFormState['values'] = {};
    for (const field of addressFields) values[field] = String(formData.get(field) ?? '').trim();
    const seq = prev.seq + 1;
    const addressId = String(formData.get('address_id') ?? '');
    const isDefault = formData.get('is_default') === 'on';
    const token = await tokenOrSignIn();
    const body = { label: values.label || null, address: addressOf(values) };
    try {
      if (addressId) {
        await souk.store.customers.addresses.update(token, addressId, {
          ...body,
          ...(isDefault ? { is_default: true as const } : {}),
        });
      } else {
        await souk.store.customers.addresses.create(token, { ...body, is_default: isDefault });
      }
    } catch (err) {
      return { values, problem: toFormProblem(err), saved: false, seq };
    }
    changed();
    return { values: addressId ? values : {}, saved: true, seq };
  }

  /** Deletes the address named by the form's `address_id` (the newest left becomes the default). */
  async function remove(formData: FormData): Promise<void> {
    await souk.store.customers.addresses.delete(await tokenOrSignIn(), String(formData.get('address_id')));
    changed();
  }

  /** Makes the address named by the form's `address_id` the default. */
  async function makeDefault(formData: FormData): Promise<void> {
    const token = await tokenOrSignIn();
    await souk.store.customers.addresses.update(token, String(formData.get('address_id')), {
      is_default: true,
    });
    changed();
  }

  return { list, save, remove, makeDefault };
}

export type AddressBook = ReturnType<typeof createAddressBook>;
