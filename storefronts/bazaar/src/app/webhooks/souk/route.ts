import { createRevalidateRoute, webhookSecrets } from '@souk/storefront-kit/server';
import { store } from '@/lib/store';

/**
 * Souk's webhook endpoint for this theme (`SOUK_WEBHOOK_SECRET`): a signed `content.published` of the
 * theme regenerates the static pages at once, instead of within the ISR period.
 */
export const POST = createRevalidateRoute({ themeId: store.config.themeId, secrets: webhookSecrets() });
