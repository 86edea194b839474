import 'server-only';
import { createActions, createStorefront } from '@souk/storefront-kit/server';

/** Atelier's storefront (configuration from the environment, cookies named `atelier_…`). */
export const store = createStorefront('atelier');

/** The bodies of Atelier's Server Actions (wrapped in `src/app/actions/`). */
export const actions = createActions(store);
