import { QUICK_VIEW_HANDLE, QUICK_VIEW_TITLE } from '@/lib/quick-view';

/**
 * A card's "Quick view" button, drawn by the server: no script of its own. The page's one
 * `QuickView` (see `QuickViewHost`) opens the product it names when it is pressed. The host is in a
 * module of its own: a page that imports the cards without it (a product page's row) would otherwise
 * ship the dialog's client code unused.
 */
export function QuickViewButton({ title, handle }: { title: string; handle: string }) {
  const data = { [QUICK_VIEW_HANDLE]: handle, [QUICK_VIEW_TITLE]: title };
  return (
    <span className="card__quickwrap">
      <button type="button" className="card__quick" {...data}>
        {/* One text node each (no `<!-- -->` split between ": " and the title to hydrate). */}
        Quick view<span className="visually-hidden">{`: ${title}`}</span>
      </button>
    </span>
  );
}
