'use server';

import type { AddressFormState } from '@souk/storefront-kit';
import { addressBook } from '@/lib/store';

/** Removes a saved address (the kit's `createAddressBook`; the newest left becomes the default). */
export async function removeAddress(formData: FormData): Promise<void> {
  return addressBook.remove(formData);
}

/** Makes a saved address the one checkout fills in. */
export async function makeCheckoutAddress(formData: FormData): Promise<void> {
  return addressBook.makeDefault(formData);
}

/** Saves a new address, or changes the one the form names. */
export async function saveAddress(prev: AddressFormState, formData: FormData): Promise<AddressFormState> {
  return addressBook.save(prev, formData);
}
