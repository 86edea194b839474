import 'server-only';
import { supportedCurrency as supported } from '@souk/storefront-kit/server';
import { store } from './store';

/** Normalises a currency code to one the store offers, falling back to the default (the first). */
export const supportedCurrency = (value: string | undefined | null): string => supported(store.config, value);
/** The buyer's currency, from the currency cookie. Reading it makes the page dynamic. */
export const getCurrency = store.getCurrency;
