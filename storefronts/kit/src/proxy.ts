/**
 * Pages that show prices but nothing else of the buyer's are static per currency (ISR): the theme's
 * `src/proxy.ts` rewrites them to a prerendered page of the buyer's currency cookie, while the address
 * bar and the canonical URL stay the same.
 *
 * - `/products/{handle}` → `/products/{handle}/{currency}`
 * - `/` → `/home/{currency}` (the theme's `app/home/[currency]/page.tsx`)
 *
 * Returns the path to rewrite to, or null to leave the request alone. An unknown or missing cookie
 * gets the default currency (the first).
 */
export function currencyRewritePath(
  pathname: string,
  cookieValue: string | undefined,
  currencies: readonly string[],
): string | null {
  const lower = currencies.map((c) => c.toLowerCase());
  const wanted = (cookieValue ?? '').toLowerCase();
  const currency = lower.includes(wanted) ? wanted : (lower[0] ?? 'usd');
  if (pathname === '/') return `/home/${currency}`;
  const [, first, handle, ...rest] = pathname.split('/');
  if (first !== 'products' || !handle || rest.length > 0) return null;
  return `/products/${handle}/${currency}`;
}
