'use client';

import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, useTransition } from 'react';
import { loadQuickView, type QuickViewDetails } from '@/app/actions/quickview';
import {
  EARLY_QUICK_VIEW,
  type EarlyQuickView,
  QUICK_VIEW_BUTTON,
  QUICK_VIEW_HANDLE,
  QUICK_VIEW_TITLE,
} from '@/lib/quick-view';

// The picker and its form are downloaded when a shopper first opens a quick view, not with the page.
const AddToBag = lazy(() => import('./AddToBag').then((m) => ({ default: m.AddToBag })));

type Shown = { handle: string; title: string };
type EarlyWindow = Window & { [EARLY_QUICK_VIEW]?: EarlyQuickView };

/**
 * The page's one quick view: the product's picture, options and "Add to bag" in a modal dialog, so a
 * shopper can buy from a grid of cards. The cards' "Quick view" buttons are plain server-rendered
 * buttons (`QuickViewButton`) carrying a handle and a title; this component listens for clicks on
 * the document and opens the dialog for the button pressed, so a listing hydrates one component
 * instead of one per card (24), each with its own dialog and hooks. The rest (picture, options,
 * variants) is read by a Server Action when the dialog opens, once per product, and drawn only while
 * it is open. Closing it (Escape, the close button, the backdrop) gives focus back to the button.
 */
export function QuickView() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const requested = useRef(new Set<string>());
  const titleId = useId();
  const [shown, setShown] = useState<Shown | null>(null);
  const [details, setDetails] = useState<Record<string, QuickViewDetails | null>>({});
  const [, startTransition] = useTransition();

  const show = useCallback((button: Element) => {
    const handle = button.getAttribute(QUICK_VIEW_HANDLE);
    if (!handle) return;
    opener.current = button as HTMLElement;
    setShown({ handle, title: button.getAttribute(QUICK_VIEW_TITLE) ?? '' });
    if (requested.current.has(handle)) return;
    requested.current.add(handle);
    startTransition(async () => {
      const loaded = await loadQuickView(handle);
      setDetails((all) => ({ ...all, [handle]: loaded }));
    });
  }, []);

  useEffect(() => {
    function onClick(event: MouseEvent) {
      const button = event.target instanceof Element ? event.target.closest(QUICK_VIEW_BUTTON) : null;
      if (button) show(button);
    }
    document.addEventListener('click', onClick);
    // A button pressed while the page's JavaScript was loading (see earlyQuickViewScript) opens now.
    const early = (window as EarlyWindow)[EARLY_QUICK_VIEW];
    if (early) {
      early.stop();
      delete (window as EarlyWindow)[EARLY_QUICK_VIEW];
      if (early.pressed?.isConnected) show(early.pressed);
    }
    return () => document.removeEventListener('click', onClick);
  }, [show]);

  useEffect(() => {
    if (shown && !dialog.current?.open) dialog.current?.showModal();
  }, [shown]);

  function closed() {
    setShown(null);
    // Chromium gives focus back by itself; Safari does not focus a clicked button, so say where.
    if (opener.current?.isConnected) opener.current.focus();
  }

  const current = shown ? details[shown.handle] : undefined;
  return (
    <dialog
      ref={dialog}
      className="quick"
      aria-labelledby={titleId}
      data-testid="quick-view"
      onClick={(e) => e.target === dialog.current && dialog.current?.close()}
      onKeyDown={() => undefined}
      onClose={closed}
    >
      {shown && (
        <div key={shown.handle} className="quick__inner" aria-busy={current === undefined}>
          {current?.image ? (
            // biome-ignore lint/performance/noImgElement: attributes finished by the kit.
            <img className="quick__img" {...current.image} alt={current.image.alt} />
          ) : (
            <div className="quick__img card__img--empty" />
          )}
          <div className="quick__info">
            {current && <p className="eyebrow">{current.seller}</p>}
            <h2 id={titleId}>{shown.title}</h2>
            {current === undefined ? (
              <p className="muted">Loading…</p>
            ) : current === null ? (
              <p className="muted">This piece is no longer available.</p>
            ) : (
              <Suspense fallback={<p className="muted">Loading…</p>}>
                <AddToBag
                  options={current.options}
                  variants={current.variants}
                  initialVariantId={current.initialVariantId}
                  compact
                />
              </Suspense>
            )}
            <a href={`/products/${shown.handle}`} className="quick__more">
              Full details
            </a>
          </div>
          <button type="button" className="quick__close" onClick={() => dialog.current?.close()}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">Close quick view</span>
          </button>
        </div>
      )}
    </dialog>
  );
}
