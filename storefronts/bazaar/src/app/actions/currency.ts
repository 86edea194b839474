'use server';

import { actions } from '@/lib/store';

/** Stores the picked currency and reloads the page the buyer was on. */
export async function setCurrency(formData: FormData): Promise<void> {
  return actions.setCurrency(formData);
}
