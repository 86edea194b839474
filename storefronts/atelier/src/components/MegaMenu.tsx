'use client';

import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * "Shop" opens a panel with every category, a column per top-level one (a drawer on phones). A
 * disclosure button, not a hover menu: it works with touch, keyboard (Escape closes and gives focus back
 * to the button, tabbing out closes) and screen readers.
 * Only the button and its open state live in the browser: the panel (`children`, the search form and
 * every category link) is drawn by the server as plain HTML, so a page hydrates one button instead of
 * a component per category link. A followed link loads its page, which closes the menu.
 */
export function MegaMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Focus inside the panel would be lost with it (to the page's start): it goes back to "Shop".
      if (root.current?.contains(document.activeElement)) toggle.current?.focus();
      setOpen(false);
    };
    // A click or a focus outside closes it (tabbing out too: it would otherwise cover the page).
    const onOutside = (e: Event) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);

  return (
    <div className="menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="menu__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="menu__icon" aria-hidden="true" />
        Shop
      </button>
      <nav id={panelId} className="menu__panel" aria-label="Categories" hidden={!open}>
        {children}
      </nav>
    </div>
  );
}
