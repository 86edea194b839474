/**
 * Dates in the shopper's own days. The server renders order and account pages, and its clock is not
 * the shopper's: an order placed at 08:00 in Tokyo is the previous day in UTC. The browser reports its
 * zone in a cookie (`useTimeZoneCookie` from `@souk/storefront-kit/client`, `store.getTimeZone()` on
 * the server); until it has, the server's dates are UTC's, and `ShopperDate` (client) writes them again
 * in the browser's zone once the page is drawn.
 */

/** `value` when it names a time zone this runtime knows (`Asia/Tokyo`, `UTC`), else undefined. */
export function knownTimeZone(value: string | null | undefined): string | undefined {
  // An IANA name is letters, digits, `/`, `_`, `-` and `+`; the length bound keeps a forged cookie small.
  if (!value || value.length > 64 || !/^[A-Za-z][A-Za-z0-9/_+-]*$/.test(value)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * `iso` formatted with `options` in `timeZone` (UTC when none or unknown), in `locale` (`en`):
 * `shopperDate(order.created_at, { dateStyle: 'long' }, { timeZone })`.
 */
export function shopperDate(
  iso: string,
  options: Intl.DateTimeFormatOptions,
  { locale = 'en', timeZone }: { locale?: string; timeZone?: string | undefined } = {},
): string {
  return new Date(iso).toLocaleDateString(locale, { ...options, timeZone: knownTimeZone(timeZone) ?? 'UTC' });
}
