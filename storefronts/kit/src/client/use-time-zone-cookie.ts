'use client';

import { useEffect } from 'react';
import { THIRTY_DAYS } from '../cookies';
import { browserTimeZone } from './time-zone';
import { readCookie } from './use-cookie';

/**
 * Writes the browser's time zone to the `name` cookie (the theme's `cookies.timeZone`) once it differs
 * from what is there, so the server's `store.getTimeZone()` dates the next pages by the shopper's day.
 * Call it from a client component every page has (the header's account link); it renders nothing.
 */
export function useTimeZoneCookie(name: string): void {
  useEffect(() => {
    // In a task of its own, after the other components' first cookie reads of this commit: they share
    // one cookie lookup, where a read after this write would cost the browser a second, synchronous one.
    const timer = setTimeout(() => {
      const zone = browserTimeZone();
      if (!zone || readCookie(name) === zone) return;
      const secure = location.protocol === 'https:' ? '; secure' : '';
      // biome-ignore lint/suspicious/noDocumentCookie: one fixed-shape write; the Cookie Store API is not in every browser a shop serves (Firefox).
      document.cookie = `${name}=${encodeURIComponent(zone)}; path=/; max-age=${THIRTY_DAYS}; samesite=lax${secure}`;
    }, 0);
    return () => clearTimeout(timer);
  }, [name]);
}
