import 'server-only';
import { createActions, createStorefront } from '@souk/storefront-kit/server';

/** This theme's storefront: configuration from the environment, cookies named `__THEME___…`. */
export const store = createStorefront('__THEME__');

/** The bodies of the Server Actions (wrapped in `src/app/actions/`). */
export const actions = createActions(store);
