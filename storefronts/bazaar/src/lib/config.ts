import 'server-only';
import { store } from './store';

/** Bazaar's runtime configuration (read by the storefront kit from the environment; see README). */
export const config = store.config;
