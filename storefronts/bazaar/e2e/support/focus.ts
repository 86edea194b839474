import type { Locator, Page } from 'playwright-core';
import { checkPages, DESKTOP_AND_PHONE } from './layout';

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

/** One Tab stop, as `focusedRing` measured it. */
export interface RingStop {
  /** The focused element: its tag and its accessible text, shortened. */
  name: string;
  /** The outline's width in px (0 when the element draws none). */
  width: number;
  /**
   * Contrast of the ring's colour against what it is drawn over: the page's own pixels under the ring
   * (a gradient or a picture counts as it looks), the 10th percentile, so a neighbour's anti-aliased
   * edge does not decide it.
   */
  contrast: number;
  /**
   * Not seen: something else is drawn over the centre of every line box of it (a sticky header, a
   * fade), or none of it is in the window.
   */
  obscured: boolean;
}

/**
 * Measures the focus ring of the page's focused element, or returns null when nothing is focused.
 * The band the ring covers is captured with every ring made transparent for the moment of the capture,
 * then decoded in the page (createImageBitmap, no DOM change) to compare each pixel with the ring.
 */
export async function focusedRing(page: Page): Promise<RingStop | null> {
  const found = await page.evaluate(async () => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    // A control drawn by another element (a transparent radio over its chip, which shows the ring
    // through `input:focus-visible + span`) is measured by the ring of what draws it.
    const drawnBy =
      getComputedStyle(el).opacity === '0'
        ? [el.nextElementSibling, el.closest('label')].find(
            (other) => other && getComputedStyle(other).outlineStyle !== 'none',
          )
        : null;
    const ringOf = drawnBy ?? el;
    // Focus scrolls the element into view, smoothly where the page asks for it: wait until it rests.
    let rect = ringOf.getBoundingClientRect();
    for (let i = 0; i < 60; i++) {
      await new Promise(requestAnimationFrame);
      const next = ringOf.getBoundingClientRect();
      if (next.top === rect.top && next.left === rect.left) break;
      rect = next;
    }
    const style = getComputedStyle(ringOf);
    const label =
      el.getAttribute('aria-label') ??
      (el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null) ??
      el.textContent ??
      '';
    const text = label.replace(/\s+/g, ' ').trim();
    // Covered: something else is drawn over the centre of every box of it (a link that wraps has
    // one per line, and the centre of the whole may fall between them).
    const boxes = [...ringOf.getClientRects()];
    const covered =
      boxes.length > 0 &&
      boxes.every((box) => {
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit !== null && !el.contains(hit) && !ringOf.contains(hit);
      });
    return {
      name: `${el.tagName.toLowerCase()} “${text.slice(0, 40)}”`,
      width: style.outlineStyle === 'none' ? 0 : Number.parseFloat(style.outlineWidth),
      offset: Number.parseFloat(style.outlineOffset) || 0,
      color: style.outlineColor,
      rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      viewport: { width: innerWidth, height: innerHeight },
      obscured: covered,
    };
  });
  if (!found) return null;
  const { name, width, offset, color, rect, viewport, obscured } = found;
  if (width === 0) return { name, width, contrast: 0, obscured };
  const reach = Math.max(0, offset + width);
  const x = Math.max(0, Math.floor(rect.x - reach));
  const y = Math.max(0, Math.floor(rect.y - reach));
  const clip = {
    x,
    y,
    width: Math.min(viewport.width, Math.ceil(rect.x + rect.width + reach)) - x,
    height: Math.min(viewport.height, Math.ceil(rect.y + rect.height + reach)) - y,
  };
  // Nothing of it in the window (focus went somewhere that does not scroll into view): not seen.
  if (clip.width <= 0 || clip.height <= 0) return { name, width, contrast: 0, obscured: true };
  const hide = await page.addStyleTag({ content: '* { outline-color: transparent !important; }' });
  const png = await page.screenshot({ clip, animations: 'disabled' });
  await hide.evaluate((node) => node.parentNode?.removeChild(node));
  // The band: pixels whose distance from the element's box lies between the outline's offset and its
  // offset plus width (an inset ring, with a negative offset, lies inside the box).
  const band = await page.evaluate(
    async ({ bytes, box, inner, outer }) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) return [];
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const pixels: string[] = [];
      for (let py = 0; py < bitmap.height; py++) {
        for (let px = 0; px < bitmap.width; px++) {
          const cx = px + 0.5 - box.x;
          const cy = py + 0.5 - box.y;
          // Distance from the box's edge (square corners): positive outside, negative inside it.
          const distance = Math.max(-cx, cx - box.width, -cy, cy - box.height);
          if (distance <= inner || distance > outer) continue;
          const i = (py * bitmap.width + px) * 4;
          pixels.push(`rgb(${data[i]}, ${data[i + 1]}, ${data[i + 2]})`);
        }
      }
      return pixels;
    },
    {
      bytes: [...png],
      box: { x: rect.x - clip.x, y: rect.y - clip.y, width: rect.width, height: rect.height },
      inner: offset,
      outer: offset + width,
    },
  );
  const ratios = band.map((pixel) => contrastRatio(color, pixel)).sort((a, b) => a - b);
  const contrast = ratios[Math.floor(ratios.length * 0.1)] ?? 0;
  return { name, width, contrast, obscured };
}

/** A ring a keyboard user could lose: missing, thinner than 2 px, under 3:1, or its element covered. */
function isWeak(stop: RingStop): boolean {
  return stop.width < 2 || stop.contrast < 3 || stop.obscured;
}

/** A weak stop, as the walks report it. */
function describe(stop: RingStop): string {
  return `${stop.name}: ${stop.width}px, ${stop.contrast.toFixed(2)}:1${stop.obscured ? ', obscured' : ''}`;
}

/** What `tabWalk` found. */
export interface TabWalk {
  /** Tab stops visited. */
  stops: number;
  /** Whether focus left the page before `limit` stops, i.e. every stop was visited. */
  complete: boolean;
  /** Stops whose ring is missing, thinner than 2 px, under 3:1 against what it lies on, or covered. */
  weak: string[];
}

/**
 * Presses Tab through a freshly loaded page until focus leaves it (at most `limit` stops) and measures
 * every stop's focus ring (`focusedRing`): where a keyboard user could lose track of focus.
 */
export async function tabWalk(page: Page, limit = 200): Promise<TabWalk> {
  const weak: string[] = [];
  let stops = 0;
  for (; stops < limit; stops++) {
    await page.keyboard.press('Tab');
    const stop = await focusedRing(page);
    if (!stop) return { stops, complete: true, weak };
    if (isWeak(stop)) weak.push(describe(stop));
  }
  return { stops, complete: false, weak };
}

/**
 * Presses Tab through an open dialog or menu from its focused element and measures every stop as
 * `tabWalk` does. A modal (`modal: true`) must keep focus inside: the walk goes round it back to the
 * element it started from (following focus back in when it passes through the browser's own controls
 * after the last stop, as a modal `<dialog>` lets it), and a stop outside it counts as weak. A menu
 * is walked until focus leaves it. The starting element is measured when the keyboard comes back to
 * it (a dialog opened by a click focuses it without a ring, rightly: the pointer was in use).
 */
export async function containerWalk(
  page: Page,
  container: Locator,
  { modal, limit = 60 }: { modal: boolean; limit?: number },
): Promise<TabWalk> {
  await page.evaluate(() => document.activeElement?.setAttribute('data-walk-start', ''));
  await container.evaluate((el) => el.setAttribute('data-walk-container', ''));
  const weak: string[] = [];
  let stops = 0;
  let complete = false;
  while (stops < limit) {
    await page.keyboard.press('Tab');
    if (modal && (await page.evaluate(() => document.activeElement === document.body))) {
      await page.keyboard.press('Tab');
    }
    // Looked up by its mark, not the locator: a menu that closes as focus leaves it is simply gone.
    const inside = await page.evaluate(
      () => document.querySelector('[data-walk-container]')?.contains(document.activeElement) ?? false,
    );
    if (!inside && !modal) {
      complete = true;
      break;
    }
    const stop = await focusedRing(page);
    if (!stop) break;
    stops++;
    if (!inside) weak.push(`${stop.name}: outside the dialog`);
    else if (isWeak(stop)) weak.push(describe(stop));
    if (modal && (await page.evaluate(() => document.activeElement?.hasAttribute('data-walk-start')))) {
      complete = true;
      break;
    }
  }
  await page.evaluate(() => {
    document.querySelector('[data-walk-start]')?.removeAttribute('data-walk-start');
    document.querySelector('[data-walk-container]')?.removeAttribute('data-walk-container');
  });
  return { stops, complete, weak };
}

/**
 * `tabWalk` through the freshly loaded page: its weak stops, and a line more when focus never left
 * the page (empty when none).
 */
export async function weakRings(page: Page): Promise<string[]> {
  const walk = await tabWalk(page);
  return walk.complete ? walk.weak : [...walk.weak, `focus still on the page after ${walk.stops} stops`];
}

/**
 * `weakRings` of each path at a desktop's and a phone's width: what a keyboard user would miss,
 * prefixed with the page and width (empty when none).
 */
export function tabWalkPages(page: Page, paths: string[]): Promise<string[]> {
  return checkPages(page, paths, DESKTOP_AND_PHONE, weakRings);
}
