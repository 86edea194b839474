import type { Page } from 'playwright-core';

/**
 * The page's pointer targets that fail WCAG 2.2's target-size minimum (2.5.8, AA): smaller than
 * 24 × 24 CSS px and without the spacing that excuses it, i.e. a 24 px circle centred on the target
 * meets another target, or another small target's circle. Links inside a sentence are exempt, as
 * the criterion exempts them. One line per target: its name, size and the target it crowds.
 */
export function crowdedTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]';
    const targets = [...document.querySelectorAll(selector)]
      .map((el) => ({ el, box: el.getBoundingClientRect(), style: getComputedStyle(el) }))
      .filter(
        ({ box, style }) =>
          box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0',
      )
      .map(({ el, box, style }) => {
        const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
        const parentText = (el.parentElement?.textContent ?? '').replace(/\s+/g, ' ').trim();
        const inline =
          el.tagName === 'A' && style.display === 'inline' && parentText.length > text.length + 3;
        return {
          el,
          box,
          name: `${el.tagName.toLowerCase()} “${text.slice(0, 30)}”`,
          small: !inline && (box.width < 24 || box.height < 24),
          cx: box.left + box.width / 2,
          cy: box.top + box.height / 2,
        };
      });
    const found: string[] = [];
    for (const t of targets.filter((x) => x.small)) {
      for (const other of targets) {
        if (other === t || other.el.contains(t.el) || t.el.contains(other.el)) continue;
        // Distance from t's centre to the other's box; to its centre when both are small.
        const dx = Math.max(other.box.left - t.cx, 0, t.cx - other.box.right);
        const dy = Math.max(other.box.top - t.cy, 0, t.cy - other.box.bottom);
        const meetsBox = Math.hypot(dx, dy) < 12;
        const meetsCircle = other.small && Math.hypot(other.cx - t.cx, other.cy - t.cy) < 24;
        if (meetsBox || meetsCircle) {
          found.push(`${t.name} ${Math.round(t.box.width)}×${Math.round(t.box.height)} crowds ${other.name}`);
          break;
        }
      }
    }
    return found;
  });
}
