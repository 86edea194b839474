'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { type ComponentProps, type RefObject, Suspense, useEffect, useRef } from 'react';

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
 * query in it. The input is in the server's HTML as before; a separate part that renders nothing
 * follows the URL in the browser and writes the words into it, after hydration and on every navigation
 * (links, history), unless the shopper is typing in it. That part reads `useSearchParams`, which on a
 * static page renders only in the browser, so it sits in a Suspense boundary of its own: if the
 * input read it itself, it would leave the HTML on every page and appear only after hydration.
 *
 * Use it in a client module of the theme (its search form): a Server Component importing it from this
 * barrel would bring every client component of the kit into every page's JavaScript.
 */
export function SearchQueryInput({ searchPath = '/products', ...props }: SearchQueryInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <input {...props} ref={ref} name="q" type="search" />
      <Suspense fallback={null}>
        <FollowQuery input={ref} searchPath={searchPath} />
      </Suspense>
    </>
  );
}

/** Writes the URL's `q` into the input on the search page, and clears it elsewhere. */
function FollowQuery({
  input,
  searchPath,
}: {
  input: RefObject<HTMLInputElement | null>;
  searchPath: string;
}) {
  const pathname = usePathname();
  const q = useSearchParams().get('q');
  useEffect(() => {
    const box = input.current;
    if (!box || box === document.activeElement) return;
    box.value = pathname === searchPath ? (q ?? '') : '';
  }, [input, pathname, q, searchPath]);
  return null;
}
