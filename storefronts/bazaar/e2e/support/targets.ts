import type { Page } from 'playwright-core';

/**
 * The page's pointer targets that fail WCAG 2.2's target-size minimum (2.5.8, AA): smaller than
 * 24 × 24 CSS px and without the spacing that excuses it, i.e. a 24 px circle centred on the target
 * meets another target, or another small target's circle. Links inside a sentence are exempt, as
 * the criterion exempts them. A checkbox or radio button with a label is measured by its labels (a
 * star picker's stars, a chip), and transparent controls count, since they take taps. One line per
 * target: its name, size and the target it crowds.
 */
export function crowdedTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, label, ' +
      '[role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"]';
    const toggles = new Set(['checkbox', 'radio']);
    const targets = [...document.querySelectorAll(selector)]
      .filter((el) => {
        // A label is a target when it toggles a checkbox or radio button: the control a star picker or
        // a chip draws. Such an input is then measured by its labels, whether it is drawn or not.
        if (el instanceof HTMLLabelElement) {
          return el.control instanceof HTMLInputElement && toggles.has(el.control.type);
        }
        if (el instanceof HTMLInputElement && toggles.has(el.type) && el.labels?.length) return false;
        return true;
      })
      .map((el) => ({ el, box: el.getBoundingClientRect(), style: getComputedStyle(el) }))
      // Transparent elements stay: a tap still lands on them.
      .filter(
        ({ box, style }) =>
          box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.pointerEvents !== 'none',
      )
      .map(({ el, box, style }) => {
        const named = el instanceof HTMLLabelElement && el.control ? el.control : el;
        const label = named.getAttribute('aria-label') ?? el.textContent ?? '';
        const text = label.replace(/\s+/g, ' ').trim();
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
