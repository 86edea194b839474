import { storefrontSuggestionsRoute } from '@souk/storefront-kit/server';
import { store } from '@/lib/store';

/** The products the header's search box suggests while the shopper types (`?q=`). */
export const GET = storefrontSuggestionsRoute(store, { from: 'From' });
