'use client';

import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * "Shop" opens a panel with every category, a column per top-level one (a drawer on phones). A
 * disclosure button, not a hover menu: it works with touch, keyboard (Escape closes) and screen readers.
 * Only the button and its open state live in the browser: the panel (`children`, the search form and
 * every category link) is drawn by the server as plain HTML, so a page hydrates one button instead of
 * a component per category link. A followed link loads its page, which closes the menu.
 */
export function MegaMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  return (
    <div className="menu" ref={root}>
      <button
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
