'use client';

import { lazy, Suspense, useEffect, useId, useRef, useState, useTransition } from 'react';
import { loadQuickView, type QuickViewDetails } from '@/app/actions/quickview';

// The picker and its form are downloaded when a shopper first opens a quick view, not with the page.
const AddToBag = lazy(() => import('./AddToBag').then((m) => ({ default: m.AddToBag })));

/**
 * "Quick view" on a card: the product's picture, options and "Add to bag" in a modal dialog, so a
 * shopper can buy from the listing. A card hydrates only this button with the product's title and
 * handle; the rest (picture, options, variants) is read by a Server Action when the dialog opens, and
 * drawn only while it is open. Passing every card's variants and srcset as props made them part of
 * the page's payload (a third of the listing's HTML) whether or not a shopper ever opened one.
 */
export function QuickView({ title, handle }: { title: string; handle: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [details, setDetails] = useState<QuickViewDetails | null | undefined>(undefined);
  const [, startTransition] = useTransition();
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);
  function show() {
    setOpen(true);
    if (details === undefined) startTransition(async () => setDetails(await loadQuickView(handle)));
  }
  const href = `/products/${handle}`;
  return (
    <>
      <span className="card__quickwrap">
        <button type="button" className="card__quick" onClick={show}>
          Quick view<span className="visually-hidden">: {title}</span>
        </button>
      </span>
      <dialog
        ref={dialog}
        className="quick"
        aria-labelledby={titleId}
        data-testid="quick-view"
        onClick={(e) => e.target === dialog.current && dialog.current?.close()}
        onKeyDown={() => undefined}
        onClose={() => setOpen(false)}
      >
        {open && (
          <div className="quick__inner" aria-busy={details === undefined}>
            {details?.image ? (
              // biome-ignore lint/performance/noImgElement: attributes finished by the kit.
              <img className="quick__img" {...details.image} alt={details.image.alt} />
            ) : (
              <div className="quick__img card__img--empty" />
            )}
            <div className="quick__info">
              {details && <p className="eyebrow">{details.seller}</p>}
              <h2 id={titleId}>{title}</h2>
              {details === undefined ? (
                <p className="muted">Loading…</p>
              ) : details === null ? (
                <p className="muted">This piece is no longer available.</p>
              ) : (
                <Suspense fallback={<p className="muted">Loading…</p>}>
                  <AddToBag
                    options={details.options}
                    variants={details.variants}
                    initialVariantId={details.initialVariantId}
                    compact
                  />
                </Suspense>
              )}
              <a href={href} className="quick__more">
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
    </>
  );
}
