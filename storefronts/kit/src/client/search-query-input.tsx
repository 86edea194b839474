'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import {
  type ComponentProps,
  lazy,
  type FocusEvent as ReactFocusEvent,
  type RefObject,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import type { SuggestionsState } from './search-suggestions';

// The list's code loads when the shopper first focuses the box, not with every page.
const SearchSuggestions = lazy(() => import('./search-suggestions'));

export type SearchQueryInputProps = Omit<
  ComponentProps<'input'>,
  'name' | 'type' | 'defaultValue' | 'value'
> & {
  /** The path the search form submits to; on that page the box shows the page's `q`. Default `/products`. */
  searchPath?: string;
  /**
   * The theme's suggestions route (`storefrontSuggestionsRoute`, e.g. `/search/suggestions`): with it
   * the box suggests products as the shopper types. Without it, a plain search input.
   */
  suggest?: string;
  /** The suggestion list's name for screen readers. Default "Suggestions". */
  suggestLabel?: string;
  /** The list's last option, followed by the words in quotes. Default "See all results for". */
  seeAllLabel?: string;
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
export function SearchQueryInput({
  searchPath = '/products',
  suggest,
  suggestLabel = 'Suggestions',
  seeAllLabel = 'See all results for',
  ...props
}: SearchQueryInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [armed, setArmed] = useState(false);
  const [list, setList] = useState<SuggestionsState>({ open: false, active: undefined, status: '' });
  // The combobox's attributes are in the server's HTML, so the box is one from the start; its list is
  // there too, empty and hidden, until the suggestions' code has loaded and has something to show.
  const combobox = suggest
    ? ({
        role: 'combobox',
        'aria-autocomplete': 'list',
        'aria-expanded': list.open,
        'aria-controls': listId,
        'aria-activedescendant': list.active,
        onFocus: (event: ReactFocusEvent<HTMLInputElement>) => {
          setArmed(true);
          props.onFocus?.(event);
        },
      } as const)
    : {};
  return (
    <>
      <input {...props} {...combobox} ref={ref} name="q" type="search" />
      {suggest && (
        <>
          <div
            id={listId}
            role="listbox"
            aria-label={suggestLabel}
            className="suggestions"
            hidden={!list.open}
          >
            {armed && (
              <Suspense fallback={null}>
                <SearchSuggestions
                  input={ref}
                  endpoint={suggest}
                  listId={listId}
                  seeAllLabel={seeAllLabel}
                  onState={setList}
                />
              </Suspense>
            )}
          </div>
          <span role="status" className="visually-hidden">
            {list.status}
          </span>
        </>
      )}
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
