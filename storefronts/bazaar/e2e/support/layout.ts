import type { Page } from 'playwright-core';

/** A desktop's and a phone's window, the widths the journeys look at. */
export const DESKTOP_AND_PHONE = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];

/**
 * Loads each path at each window size and runs `check` on it, which returns what it found wrong there.
 * Returns every finding prefixed with its page and width (empty when none), and leaves the window at
 * the size it had.
 */
export async function checkPages(
  page: Page,
  paths: string[],
  sizes: { width: number; height: number }[],
  check: (page: Page) => Promise<string[]>,
): Promise<string[]> {
  const before = page.viewportSize();
  const found: string[] = [];
  for (const path of paths) {
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.goto(path);
      await page.waitForLoadState('load');
      for (const finding of await check(page)) found.push(`${path} at ${size.width} px: ${finding}`);
    }
  }
  if (before) await page.setViewportSize(before);
  return found;
}

/**
 * Whether the loaded page scrolls sideways: its width and the elements that reach furthest past the
 * window's right edge, or nothing when it fits.
 */
export function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const past = [...document.body.querySelectorAll('*')]
      // An element's box, or the text overflowing it (a long word) unless it clips it, whichever
      // reaches further.
      .map((el) => {
        const box = el.getBoundingClientRect();
        const spills = getComputedStyle(el).overflowX === 'visible';
        return { el, right: spills ? Math.max(box.right, box.left + el.scrollWidth) : box.right };
      })
      .filter(({ el, right }) => right > width + 0.5 && el.getClientRects().length > 0)
      // What a scrolling row or a clipped box holds does not widen the page: name what does.
      .filter(({ el }) => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== 'visible') return false;
        }
        return true;
      })
      .sort((a, b) => b.right - a.right)
      .slice(0, 3)
      .map(
        ({ el, right }) => `${el.tagName.toLowerCase()}.${el.classList[0] ?? ''} to ${Math.round(right)} px`,
      );
    return [`${document.documentElement.scrollWidth} px wide (${past.join(', ')})`];
  });
}

/**
 * The pages among `paths` that scroll sideways at 320 CSS px, the width WCAG's reflow criterion asks
 * for (a 1280 px screen at 400 % zoom, the narrowest phones).
 */
export function sidewaysAt320(page: Page, paths: string[]): Promise<string[]> {
  return checkPages(page, paths, [{ width: 320, height: 640 }], sideways);
}

/** WCAG 1.4.12's text spacing, as a reader's own style sheet would apply it. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

/**
 * The text the loaded page cuts off once a reader widens its spacing (WCAG 1.4.12): boxes that hide
 * their overflow (`hidden`, `clip`, an ellipsis) with more content than they show. A box that scrolls
 * is not cut off; a visually hidden one (1 px), a form field and decoration hidden from assistive
 * technology are left out.
 */
export async function clippedText(page: Page): Promise<string[]> {
  const style = await page.addStyleTag({ content: TEXT_SPACING });
  const found = await page.evaluate(() =>
    [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((el) => {
        if (el.offsetWidth <= 1 || el.offsetHeight <= 1) return false;
        // A field scrolls its own value; what is hidden from assistive technology is decoration (a
        // rating's partial row of stars is cut to the rating on purpose).
        if (el.matches('input, textarea, select') || el.closest('[aria-hidden="true"]')) return false;
        const { overflowX, overflowY } = getComputedStyle(el);
        const cutX = (overflowX === 'hidden' || overflowX === 'clip') && el.scrollWidth > el.clientWidth + 2;
        const cutY =
          (overflowY === 'hidden' || overflowY === 'clip') && el.scrollHeight > el.clientHeight + 2;
        return cutX || cutY;
      })
      .map((el) => {
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `${el.tagName.toLowerCase()}.${el.classList[0] ?? ''} “${text}” cut off (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`;
      }),
  );
  await style.evaluate((node) => node.parentNode?.removeChild(node));
  return found;
}

/**
 * Words of the loaded page drawn across two lines: a box narrower than a plain word, which
 * `overflow-wrap: anywhere` breaks instead of letting it spill (so the sideways check sees nothing).
 * Only words of four or more letters count: order ids, email addresses and numbers may break on a
 * narrow screen by design. Empty when none.
 */
export function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.offsetWidth <= 1 || el.closest('[aria-hidden="true"], script, style')) continue;
      // Not drawn (a closed <details>' content is skipped by the browser and keeps no real geometry).
      if (!el.checkVisibility()) continue;
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/[^\s]+/g)) {
        const word = match[0];
        if (!/^\p{L}{4,}[.,:;!?)]*$/u.test(word)) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + word.length);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        if (tops.size > 1)
          found.push(
            `“${word}” broken over ${tops.size} lines in ${el.tagName.toLowerCase()}.${el.classList[0] ?? ''}`,
          );
      }
    }
    return found;
  });
}
