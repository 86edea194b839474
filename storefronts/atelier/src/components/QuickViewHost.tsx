import { earlyQuickViewScript } from '@/lib/quick-view';
import { QuickView } from './QuickView';

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
