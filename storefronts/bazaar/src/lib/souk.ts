import 'server-only';
import { store } from './store';

/** Bazaar's one Souk client (see ./store.ts): every page reads the API through it. */
export const souk = store.souk;
/** The category tree, cached by the storefront kit. */
export const getCategories = store.getCategories;
