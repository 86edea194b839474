'use client';

import { useSyncExternalStore } from 'react';

/** The parts of the Cookie Store API used here (not in TypeScript's DOM lib yet). */
interface CookieStoreLike {
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

function subscribe(onChange: () => void): () => void {
  const store = (globalThis as { cookieStore?: CookieStoreLike }).cookieStore;
  // Cookie changes made by a Server Action's response fire `change` where the Cookie Store API exists;
  // elsewhere the value is read again on focus and on every render.
  store?.addEventListener('change', onChange);
  window.addEventListener('focus', onChange);
  return () => {
    store?.removeEventListener('change', onChange);
    window.removeEventListener('focus', onChange);
  };
}

function read(name: string): string | null {
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
    subscribe,
    () => read(name),
    () => null,
  );
}
