'use client';

import { cookieNames } from '@souk/storefront-kit';
import { useCookie } from '@souk/storefront-kit/client';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { removeLine } from '@/app/actions/cart';
import { loadMiniCart, type MiniCart as Summary } from '@/app/actions/minicart';

const countCookie = cookieNames('atelier').cartCount;

/** Fired by the add-to-bag forms: the drawer opens and shows the new contents. */
export const CART_CHANGED = 'atelier:cart-changed';

/**
 * The bag button and the mini-cart drawer (a modal `<dialog>`: focus stays inside, Escape closes).
 * The drawer reads the cart through a Server Action when it opens, so pages stay static.
 */
export function MiniCart() {
  const count = Number(useCookie(countCookie) ?? 0) || 0;
  const dialog = useRef<HTMLDialogElement>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [pending, startTransition] = useTransition();

  const refresh = useCallback(() => {
    startTransition(async () => setSummary(await loadMiniCart()));
  }, []);
  const open = useCallback(() => {
    dialog.current?.showModal();
    refresh();
  }, [refresh]);

  useEffect(() => {
    window.addEventListener(CART_CHANGED, open);
    return () => window.removeEventListener(CART_CHANGED, open);
  }, [open]);

  function remove(id: string) {
    const data = new FormData();
    data.set('item_id', id);
    startTransition(async () => {
      await removeLine({ message: '' }, data);
      setSummary(await loadMiniCart());
    });
  }

  return (
    <>
      <button type="button" className="bag" onClick={open} data-testid="bag-button">
        Bag
        <span className="bag__count" aria-hidden="true">
          {count}
        </span>
        <span className="visually-hidden">, {count === 1 ? '1 item' : `${count} items`}</span>
      </button>
      <dialog
        ref={dialog}
        className="drawer"
        aria-labelledby="drawer-title"
        data-testid="mini-cart"
        onClick={(e) => e.target === dialog.current && dialog.current?.close()}
        onKeyDown={() => undefined}
      >
        <div className="drawer__inner">
          <div className="drawer__head">
            <h2 id="drawer-title">Your bag</h2>
            <button type="button" className="drawer__close" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
          {summary === null ? (
            <p className="muted">Loading…</p>
          ) : summary.lines.length === 0 ? (
            <p className="muted">Your bag is empty.</p>
          ) : (
            <>
              <ul className="drawer__lines" aria-busy={pending}>
                {summary.lines.map((line) => (
                  <li key={line.id} className="drawer__line" data-testid="mini-cart-line">
                    {line.image ? (
                      // biome-ignore lint/performance/noImgElement: attributes finished by the kit.
                      <img className="thumb" {...line.image} alt="" loading="lazy" />
                    ) : (
                      <span className="thumb thumb--empty" />
                    )}
                    <div>
                      <a href={line.href}>{line.title}</a>
                      <p className="muted">
                        {line.variant} · Qty {line.quantity}
                      </p>
                      <button type="button" className="link-button" onClick={() => remove(line.id)}>
                        Remove<span className="visually-hidden"> {line.title}</span>
                      </button>
                    </div>
                    <span className="drawer__price">{line.price}</span>
                  </li>
                ))}
              </ul>
              <p className="drawer__subtotal">
                <span>Subtotal</span>
                <span data-testid="mini-cart-subtotal">{summary.subtotal}</span>
              </p>
              <p className="muted small">Shipping and tax are worked out at checkout, per maker.</p>
              <div className="drawer__actions">
                {/* Plain anchors: next/link would add its chunk to every page for three links in a drawer. */}
                <a href="/cart" className="btn btn--ghost">
                  View bag
                </a>
                <a href="/checkout" className="btn">
                  Checkout
                </a>
              </div>
            </>
          )}
        </div>
      </dialog>
    </>
  );
}
