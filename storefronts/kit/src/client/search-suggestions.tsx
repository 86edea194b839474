'use client';

import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { type Suggestion, type Suggestions, suggestionQuery } from '../suggestions';

/** What the input shows of the list: open or not, the active option's id, and the status for screen readers. */
export interface SuggestionsState {
  open: boolean;
  active: string | undefined;
  status: string;
}

export interface SearchSuggestionsProps {
  input: RefObject<HTMLInputElement | null>;
  /** The theme's suggestions route (`storefrontSuggestionsRoute`). */
  endpoint: string;
  listId: string;
  seeAllLabel: string;
  onState: (state: SuggestionsState) => void;
}

const DEBOUNCE_MS = 120;

/**
 * The options of a search box's suggestion list (a combobox with a listbox popup, as the WAI-ARIA
 * pattern has it: focus stays in the input, the arrow keys move the active option, Enter follows it,
 * Escape closes the list). Loaded when the shopper first focuses the box, not with the page. It asks
 * the theme's route as they type (a short pause first, the previous request cancelled), keeps the
 * answers it had, and ends the list with a search for all the words.
 */
export default function SearchSuggestions({
  input,
  endpoint,
  listId,
  seeAllLabel,
  onState,
}: SearchSuggestionsProps) {
  const [found, setFound] = useState<Suggestions | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const answers = useRef(new Map<string, Suggestions>());
  // The products and the search for every word; nothing to move through when no product was found.
  const count = found?.products.length ? found.products.length + 1 : 0;

  const choose = (index: number) => {
    setOpen(false);
    const product = found?.products[index];
    // A page load, as a product card's plain link is: what the page had open (a menu, a drawer)
    // closes with it, and the static product page comes from the cache anyway.
    if (product) window.location.assign(product.href);
    else input.current?.form?.requestSubmit();
  };

  useEffect(() => {
    const box = input.current;
    if (!box) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let request: AbortController | undefined;
    const show = (answer: Suggestions | null) => {
      setFound(answer);
      setActive(-1);
      setOpen(answer !== null && answer.products.length > 0);
    };
    const ask = () => {
      const q = suggestionQuery(box.value);
      request?.abort();
      if (q === null) return show(null);
      // The answers kept are the current cookies' (the currency), so a switch asks again.
      const key = `${document.cookie}\n${q}`;
      const known = answers.current.get(key);
      if (known) return show(known);
      const controller = new AbortController();
      request = controller;
      fetch(`${endpoint}?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((res) => (res.ok ? (res.json() as Promise<Suggestions>) : null))
        .then((answer) => {
          if (answer) answers.current.set(key, answer);
          if (!controller.signal.aborted && suggestionQuery(box.value) === q) show(answer);
        })
        .catch(() => undefined);
    };
    const onInput = () => {
      clearTimeout(timer);
      timer = setTimeout(ask, DEBOUNCE_MS);
    };
    const onFocus = () => {
      if (suggestionQuery(box.value) !== null) ask();
    };
    const onBlur = () => setOpen(false);
    box.addEventListener('input', onInput);
    box.addEventListener('focus', onFocus);
    box.addEventListener('blur', onBlur);
    // Words typed before this part loaded.
    if (document.activeElement === box) onFocus();
    return () => {
      clearTimeout(timer);
      request?.abort();
      box.removeEventListener('input', onInput);
      box.removeEventListener('focus', onFocus);
      box.removeEventListener('blur', onBlur);
    };
  }, [endpoint, input]);

  // The list as the keys see it: each key updates it at once, so a key pressed before the previous
  // one's render (ArrowDown then Enter) acts on the option that key made active.
  const keys = useRef({ open, active, count, choose });
  keys.current = { open, active, count, choose };
  useEffect(() => {
    const box = input.current;
    if (!box) return;
    const onKey = (event: KeyboardEvent) => {
      const list = keys.current;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (list.count === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const next =
          list.active === -1 && step === -1 ? list.count - 1 : (list.active + step + list.count) % list.count;
        Object.assign(list, { open: true, active: next });
        setOpen(true);
        setActive(next);
      } else if (event.key === 'Enter' && list.open && list.active >= 0) {
        event.preventDefault();
        list.choose(list.active);
      } else if (event.key === 'Escape' && list.open) {
        // Closes the list and keeps the words (a search input's Escape would clear them), and only the
        // list: a menu holding the box stays open until the next Escape.
        event.preventDefault();
        event.stopPropagation();
        Object.assign(list, { open: false, active: -1 });
        setOpen(false);
        setActive(-1);
      }
    };
    box.addEventListener('keydown', onKey);
    return () => box.removeEventListener('keydown', onKey);
  }, [input]);

  useEffect(() => {
    const n = found?.products.length ?? 0;
    onState({
      open,
      active: open && active >= 0 ? `${listId}-${active}` : undefined,
      status: open ? `${n} ${n === 1 ? 'product' : 'products'} suggested; up and down arrows to choose` : '',
    });
  }, [active, found, listId, onState, open]);

  if (!found || !open) return null;
  return (
    <>
      {found.products.map((product, i) => (
        <Option
          key={product.href}
          id={`${listId}-${i}`}
          active={i === active}
          onPick={() => choose(i)}
          onHover={() => setActive(i)}
        >
          <SuggestionBody product={product} />
        </Option>
      ))}
      <Option
        id={`${listId}-${found.products.length}`}
        active={active === found.products.length}
        onPick={() => choose(found.products.length)}
        onHover={() => setActive(found.products.length)}
        className="suggestion-all"
      >
        {seeAllLabel} “{found.q.trim()}”
      </Option>
    </>
  );
}

function Option({
  id,
  active,
  onPick,
  onHover,
  className = 'suggestion',
  children,
}: {
  id: string;
  active: boolean;
  onPick: () => void;
  onHover: () => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    // An option takes no focus: it stays in the input, whose arrow keys and Enter choose (the
    // combobox's aria-activedescendant). Pressing keeps it there, releasing picks.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the input's keys choose an option.
    // biome-ignore lint/a11y/useFocusableInteractive: the input keeps the focus (aria-activedescendant).
    <div
      id={id}
      role="option"
      aria-selected={active}
      className={className}
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={active ? undefined : onHover}
      onClick={onPick}
    >
      {children}
    </div>
  );
}

function SuggestionBody({ product }: { product: Suggestion }) {
  return (
    <>
      {product.image ? (
        // biome-ignore lint/performance/noImgElement: the image comes resized from Souk (srcset).
        <img {...product.image} alt="" className="suggestion-image" loading="lazy" decoding="async" />
      ) : (
        <span className="suggestion-image" />
      )}
      <span className="suggestion-text">
        <span className="suggestion-title">{product.title}</span>
        <span className="suggestion-meta">{product.seller}</span>
      </span>
      {product.price && <span className="suggestion-price">{product.price}</span>}
    </>
  );
}
