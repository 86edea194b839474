import { earlyQuickViewScript, QUICK_VIEW_HANDLE, QUICK_VIEW_TITLE } from '@/lib/quick-view';
import { QuickView } from './QuickView';

/**
 * A card's "Quick view" button, drawn by the server: no script of its own. The page's one
 * `QuickView` (see `QuickViewHost`) opens the product it names when it is pressed.
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

/**
 * The quick view of a page with cards, drawn once and before the first card: the early listener
 * (a button pressed before hydration opens once hydrated) and the one dialog every card's button opens.
 */
export function QuickViewHost() {
  return (
    <>
      <script>{earlyQuickViewScript}</script>
      <QuickView />
    </>
  );
}
