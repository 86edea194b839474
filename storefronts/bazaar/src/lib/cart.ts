import 'server-only';
import { store } from './store';

// The cart cookie helpers live in the storefront kit; this module keeps the old import path working.
export { CartCurrencyError, unitCount } from '@souk/storefront-kit/server';
export const { getCart, getCartId, rememberCart, forgetCart, cartForAdding } = store;
