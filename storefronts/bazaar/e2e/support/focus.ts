import type { Locator } from 'playwright-core';

/**
 * Whether the first link in `row` (a scrolling row: it clips whatever overflows it) has room for a
 * focus ring `reach` px wide around it (outline width plus offset), on every side the row clips.
 */
export function focusRingFits(row: Locator, reach: number): Promise<boolean> {
  return row.evaluate((ul, px) => {
    const box = ul.getBoundingClientRect();
    const link = ul.querySelector('a')?.getBoundingClientRect();
    if (!link) return false;
    return link.left - px >= box.left && link.top - px >= box.top && link.bottom + px <= box.bottom;
  }, reach);
}

/** WCAG contrast ratio of two `rgb(r, g, b)` colours (as getComputedStyle gives them). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, bl = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The contrast between the focus-ring colour an area's custom property `property` gives its links and
 * the area's own background colour (a plain colour, not a gradient).
 */
export async function focusRingContrast(area: Locator, property: string): Promise<number> {
  const [ring, background] = await area.evaluate((el, name) => {
    // A probe resolves the property's value (a hex or a var()) to the rgb() the ratio reads.
    const probe = document.createElement('i');
    probe.style.color = getComputedStyle(el).getPropertyValue(name);
    el.append(probe);
    const rgb = getComputedStyle(probe).color;
    probe.remove();
    return [rgb, getComputedStyle(el).backgroundColor];
  }, property);
  return contrastRatio(ring, background);
}
