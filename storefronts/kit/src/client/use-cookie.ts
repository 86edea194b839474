'use client';

import { useSyncExternalStore } from 'react';

/** The parts of the Cookie Store API used here (not in TypeScript's DOM lib yet). */
interface CookieChange {
  changed?: readonly { name?: string }[];
  deleted?: readonly { name?: string }[];
}
interface CookieStoreLike {
  addEventListener(type: 'change', listener: (event: CookieChange) => void): void;
  removeEventListener(type: 'change', listener: (event: CookieChange) => void): void;
}

/** Whether a Cookie Store `change` event is about the cookie `name`. */
export function concerns(event: CookieChange, name: string): boolean {
  return [...(event.changed ?? []), ...(event.deleted ?? [])].some((cookie) => cookie.name === name);
}

const subscribers = new Map<string, (onChange: () => void) => () => void>();

/**
 * The subscription of one cookie's readers, the same function for every call with that name (React
 * subscribes again when it changes). Cookie changes made by a Server Action's response fire `change`
 * where the Cookie Store API exists; a change to another cookie is ignored, since each reading costs
 * the browser a synchronous cookie lookup after a write. Elsewhere the value is read again on focus and
 * on every render.
 */
function subscription(name: string): (onChange: () => void) => () => void {
  let subscribe = subscribers.get(name);
  if (subscribe === undefined) {
    subscribe = (onChange) => {
      const store = (globalThis as { cookieStore?: CookieStoreLike }).cookieStore;
      const onStoreChange = (event: CookieChange) => {
        if (concerns(event, name)) onChange();
      };
      store?.addEventListener('change', onStoreChange);
      window.addEventListener('focus', onChange);
      return () => {
        store?.removeEventListener('change', onStoreChange);
        window.removeEventListener('focus', onChange);
      };
    };
    subscribers.set(name, subscribe);
  }
  return subscribe;
}

/** A cookie's value as the browser holds it now (decoded), or null when there is none. */
export function readCookie(name: string): string | null {
  for (const part of document.cookie.split('; ')) {
    const eq = part.indexOf('=');
    if (part.slice(0, eq) === name) return decodeURIComponent(part.slice(eq + 1));
  }
  return null;
}

/**
 * A non-httpOnly cookie's value, kept current. On the server (and during hydration) it is null, so
 * the static HTML never depends on a buyer's cookies and hydration never mismatches.
 */
export function useCookie(name: string): string | null {
  return useSyncExternalStore(
    subscription(name),
    () => readCookie(name),
    () => null,
  );
}
