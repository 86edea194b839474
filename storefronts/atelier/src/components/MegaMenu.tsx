'use client';

import { Link } from '@souk/storefront-kit/client';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';

export interface MenuLink {
  name: string;
  href: string;
}

export interface MenuColumn extends MenuLink {
  children: MenuLink[];
}

/**
 * "Shop" opens a panel with every category, a column per top-level one (a drawer on phones). A
 * disclosure button, not a hover menu: it works with touch, keyboard (Escape closes) and screen readers.
 */
export function MegaMenu({ edits, columns }: { edits: MenuLink[]; columns: MenuColumn[] }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const pathname = usePathname();

  // A followed link closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation on purpose.
  useEffect(() => setOpen(false), [pathname]);
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
        <search className="menu__search">
          <form action="/products" method="get">
            <label htmlFor={`${panelId}-q`} className="visually-hidden">
              Search the shop
            </label>
            <input
              id={`${panelId}-q`}
              name="q"
              type="search"
              placeholder="Search the shop"
              autoComplete="off"
            />
          </form>
        </search>
        <div className="menu__columns">
          {edits.length > 0 && (
            <div className="menu__column">
              <p className="menu__heading">Edits</p>
              <ul>
                {edits.map((e) => (
                  <li key={e.href}>
                    <Link href={e.href}>{e.name}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {columns.map((col) => (
            <div key={col.href} className="menu__column">
              <Link href={col.href} className="menu__heading">
                {col.name}
              </Link>
              <ul>
                {col.children.map((c) => (
                  <li key={c.href}>
                    <Link href={c.href}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </nav>
    </div>
  );
}
