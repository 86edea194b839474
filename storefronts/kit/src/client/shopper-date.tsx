'use client';

import { useEffect, useState } from 'react';
import { shopperDate } from '../dates';
import { browserTimeZone } from './time-zone';

export interface ShopperDateProps {
  /** The instant, as the API gives it (`created_at`). */
  iso: string;
  /** How to write it (`{ dateStyle: 'medium' }`); a plain object, as it crosses to the browser. */
  options: Intl.DateTimeFormatOptions;
  locale?: string;
  /** The zone the server knows (`await store.getTimeZone()`), for the first render. */
  timeZone: string | undefined;
}

/**
 * A date on the shopper's day, as `<time>`. The server writes it in the zone it knows: the cookie
 * `useTimeZoneCookie` keeps, else UTC. The browser writes it again in its own zone once hydrated, so
 * the first page a shopper opens (a link in an email, before any page could set the cookie) is not a
 * day off either; when the zones agree nothing changes on screen.
 */
export function ShopperDate({ iso, options, locale, timeZone }: ShopperDateProps) {
  const [zone, setZone] = useState(timeZone);
  useEffect(() => {
    setZone(browserTimeZone());
  }, []);
  return <time dateTime={iso}>{shopperDate(iso, options, { locale, timeZone: zone })}</time>;
}
