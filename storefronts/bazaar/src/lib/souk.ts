import 'server-only';
import { createSoukClient, isSoukError, type SoukClient, SoukConnectionError } from '@souk/sdk';
import { cache } from 'react';
import { config } from './config';

/**
 * The one Souk client of this theme. It runs on the server only (Server Components and Server Actions)
 * and carries nothing but the publishable key, so everything it does a browser could do too.
 */
export const souk: SoukClient = createSoukClient({
  baseUrl: config.apiUrl,
  apiKey: config.publishableKey,
  timeoutMs: 10_000,
});

/** Whether an error means "this does not exist" (so the page should be a 404). */
export function isNotFound(err: unknown): boolean {
  return isSoukError(err, 'not_found');
}

/** Whether the API could not be reached at all (no HTTP answer). */
export function isUnreachable(err: unknown): boolean {
  return err instanceof SoukConnectionError;
}

/** The category tree, fetched once per request however many components ask for it. */
export const getCategories = cache(async () => (await souk.store.categories.list()).data);
