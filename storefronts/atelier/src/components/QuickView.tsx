'use client';

import type { ImageProps, OptionChoice, VariantChoice } from '@souk/storefront-kit';
import { Link } from '@souk/storefront-kit/client';
import { useEffect, useId, useRef, useState } from 'react';
import { AddToBag } from './AddToBag';

/**
 * "Quick view" on a card: the product's picture, options and "Add to bag" in a modal dialog, so a
 * shopper can buy from the listing. Everything it shows came with the listing (no extra request).
 * The dialog's contents are drawn only while it is open: a listing hydrates a button per card, not a
 * picker and a form per card (that was most of a phone's main-thread time on the home and listing).
 */
export function QuickView({
  title,
  href,
  seller,
  image,
  options,
  variants,
  initialVariantId,
}: {
  title: string;
  href: string;
  seller: string;
  image: ImageProps | null;
  options: OptionChoice[];
  variants: VariantChoice[];
  initialVariantId: string | undefined;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);
  return (
    <>
      <span className="card__quickwrap">
        <button type="button" className="card__quick" onClick={() => setOpen(true)}>
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
          <div className="quick__inner">
            {image ? (
              // biome-ignore lint/performance/noImgElement: attributes finished by the kit.
              <img className="quick__img" {...image} alt={image.alt} loading="lazy" />
            ) : (
              <div className="quick__img card__img--empty" />
            )}
            <div className="quick__info">
              <p className="eyebrow">{seller}</p>
              <h2 id={titleId}>{title}</h2>
              <AddToBag options={options} variants={variants} initialVariantId={initialVariantId} compact />
              <Link href={href} className="quick__more" prefetch={false}>
                Full details
              </Link>
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
