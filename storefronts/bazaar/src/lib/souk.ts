import 'server-only';
import { store } from './store';

// Bazaar's Souk client and catalog reads now come from the storefront kit (see ./store.ts); this module
// keeps the old import path working.
export { isNotFound, isUnreachable } from '@souk/storefront-kit/server';
export const souk = store.souk;
export const getCategories = store.getCategories;
