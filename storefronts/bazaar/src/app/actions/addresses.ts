'use server';

import type { AddressFormState } from '@souk/storefront-kit';
import { addressBook } from '@/lib/store';

/** Saves a new address or changes one (see the storefront kit's `createAddressBook`). */
export async function saveAddress(prev: AddressFormState, formData: FormData): Promise<AddressFormState> {
  return addressBook.save(prev, formData);
}

/** Deletes a saved address. */
export async function deleteAddress(formData: FormData): Promise<void> {
  return addressBook.remove(formData);
}

/** Makes a saved address the default (the one checkout pre-fills). */
export async function makeDefaultAddress(formData: FormData): Promise<void> {
  return addressBook.makeDefault(formData);
}
