import { ShopperDate } from '@souk/storefront-kit/client';

const FORMAT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

/**
 * A date as a shopper reads it ("5 Dec 2026"), on their day: the server's guess (`store.getTimeZone()`,
 * UTC without it), then the browser's own zone (the kit's `ShopperDate`).
 */
export function OrderDate({ iso, timeZone }: { iso: string; timeZone: string | undefined }) {
  return <ShopperDate iso={iso} options={FORMAT} locale="en-GB" timeZone={timeZone} />;
}
