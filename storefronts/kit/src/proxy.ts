/**
 * Product pages are static per currency (ISR): `/products/{handle}` is served from the prerendered
 * `/products/{handle}/{currency}` of the buyer's currency cookie, while the address bar and the
 * canonical URL stay `/products/{handle}`. A theme's `src/proxy.ts` calls this with its cookie name.
 * Returns the path to rewrite to, or null to leave the request alone.
 */
export function currencyRewritePath(
  pathname: string,
  cookieValue: string | undefined,
  currencies: readonly string[],
): string | null {
  const handle = pathname.split('/')[2];
  if (!handle) return null;
  const lower = currencies.map((c) => c.toLowerCase());
  const wanted = (cookieValue ?? '').toLowerCase();
  const currency = lower.includes(wanted) ? wanted : (lower[0] ?? 'usd');
  return `/products/${handle}/${currency}`;
}
