'use client';

import { usePathname } from 'next/navigation';
import { type ComponentProps, useEffect, useRef } from 'react';

export type SearchQueryInputProps = Omit<
  ComponentProps<'input'>,
  'name' | 'type' | 'defaultValue' | 'value'
> & {
  /** The path the search form submits to; on that page the box shows the page's `q`. Default `/products`. */
  searchPath?: string;
};

/**
 * A header's search box (`<input type="search" name="q">`) that shows the words searched for while the
 * shopper is on the search page, so they can change them there, as shops do.
 *
 * The header is in the layout, rendered once for every page and cached, so the server cannot put the
 * query in it. `useSearchParams` would make the box render in the browser only (behind a Suspense
 * fallback) on every page; this one is in the HTML as before and fills itself in after hydration,
 * unless the shopper is already typing in it. Every link and form of the themes that changes `q`
 * loads a page, so the path is the only thing it follows between navigations.
 *
 * Use it in a client module of the theme (its search form): a Server Component importing it from this
 * barrel would bring every client component of the kit into every page's JavaScript.
 */
export function SearchQueryInput({ searchPath = '/products', ...props }: SearchQueryInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    const input = ref.current;
    if (!input || input === document.activeElement) return;
    input.value = pathname === searchPath ? (new URLSearchParams(window.location.search).get('q') ?? '') : '';
  }, [pathname, searchPath]);
  return <input {...props} ref={ref} name="q" type="search" />;
}
