import type { Page } from 'playwright-core';

/**
 * Loads each path at 320 CSS px, the width WCAG's reflow criterion asks for (a 1280 px screen at 400 %
 * zoom, the narrowest phones), and returns the pages that scroll sideways there, each with the
 * elements that reach furthest past the right edge (empty when every page fits).
 */
export async function sidewaysAt320(page: Page, paths: string[]): Promise<string[]> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState('load');
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width) return null;
      const past = [...document.body.querySelectorAll('*')]
        .map((el) => ({ el, right: el.getBoundingClientRect().right }))
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
          ({ el, right }) =>
            `${el.tagName.toLowerCase()}.${el.classList[0] ?? ''} to ${Math.round(right)} px`,
        );
      return `${document.documentElement.scrollWidth} px wide (${past.join(', ')})`;
    });
    if (overflow) found.push(`${path}: ${overflow}`);
  }
  if (size) await page.setViewportSize(size);
  return found;
}
