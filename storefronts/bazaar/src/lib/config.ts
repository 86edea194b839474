import 'server-only';

/**
 * Runtime configuration, read on the server only. The publishable key is safe in a browser, but this
 * theme never needs it there: every call to Souk happens in Server Components and Server Actions.
 */
export const config = {
  /** Base URL of the Souk API. */
  apiUrl: (process.env.SOUK_API_URL || 'http://localhost:4000').replace(/\/+$/, ''),
  /** A publishable storefront key (`pk_…`). */
  publishableKey: process.env.SOUK_PUBLISHABLE_KEY || 'pk_demo_storefront',
  /** Public origin of this storefront, used for canonical URLs and OpenGraph. */
  siteUrl: (process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, ''),
  /**
   * Currencies the buyer can pick, the first being the default. The storefront API has no list of
   * currencies, so this is configuration; every product shows its price in the picked one if it has it.
   */
  currencies: (process.env.BAZAAR_CURRENCIES || 'USD,EUR')
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter((c) => /^[A-Z]{3}$/.test(c)),
  /** Whether cookies get the Secure flag (on when the site is served over https). */
  secureCookies: (process.env.SITE_URL || '').startsWith('https://'),
} as const;
