import 'server-only';
import { store } from './store';

/** Sellers for the listing's seller filter (see the storefront kit). */
export const getSellerOptions = store.getSellerOptions;
