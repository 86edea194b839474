/**
 * What the cards' quick-view buttons and the page's one quick view (components/QuickView.tsx) share.
 * A card draws a plain server-rendered button carrying the product's handle and title in these
 * attributes; the quick view listens for clicks on the whole document (event delegation), so a
 * listing hydrates one component for its 24 buttons instead of one per card.
 */

/** The button's attribute holding the product's handle (`data-quick-view`). */
export const QUICK_VIEW_HANDLE = 'data-quick-view';
/** The button's attribute holding the product's title (`data-title`), the dialog's heading. */
export const QUICK_VIEW_TITLE = 'data-title';
/** The selector of every quick-view button. */
export const QUICK_VIEW_BUTTON = `button[${QUICK_VIEW_HANDLE}]`;

/** What the early listener leaves on `window` until the quick view has hydrated. */
export interface EarlyQuickView {
  /** The last quick-view button pressed before hydration, if any. */
  pressed: HTMLButtonElement | null;
  /** Removes the early listener. */
  stop: () => void;
}

/** The `window` property of the early listener. */
export const EARLY_QUICK_VIEW = '__atelierQuickView';

/**
 * An inline script, drawn before the first card: it remembers the last quick-view button pressed
 * while the page's JavaScript is still loading, and the quick view opens that product once hydrated
 * (a shopper's press is not lost on a slow phone). It only records; it never opens anything itself.
 */
export const earlyQuickViewScript = `(function(){var w=window,d=document;function f(e){var b=e.target&&e.target.closest&&e.target.closest(${JSON.stringify(QUICK_VIEW_BUTTON)});if(b)w.${EARLY_QUICK_VIEW}.pressed=b}w.${EARLY_QUICK_VIEW}={pressed:null,stop:function(){d.removeEventListener("click",f)}};d.addEventListener("click",f)})()`;
