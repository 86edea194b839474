'use server';

import { addressBook } from '@/lib/store';

/** Removes a saved address (the kit's `createAddressBook`; the newest left becomes the default). */
export async function removeAddress(formData: FormData): Promise<void> {
  return addressBook.remove(formData);
}

/** Makes a saved address the one checkout fills in. */
export async function makeCheckoutAddress(formData: FormData): Promise<void> {
  return addressBook.makeDefault(formData);
}
