import type { Page } from 'playwright-core';
import { weakRings } from './focus';
import { brokenWords, checkPages, clippedText, DESKTOP_AND_PHONE, sideways, sidewaysAt320 } from './layout';
import { crowdedTargets } from './targets';

/**
 * On the loaded page: sideways scrolling at this width (`sideways`: a two-column layout can overflow
 * on a desktop and not at 320 px), crowded pointer targets (`crowdedTargets`), text cut off
 * (`clippedText`) and words broken across lines (`brokenWords`).
 */
export async function targetAndTextProblems(page: Page): Promise<string[]> {
  return [
    ...(await sideways(page)),
    ...(await crowdedTargets(page)),
    ...(await clippedText(page)),
    ...(await brokenWords(page)),
  ];
}

/**
 * What a keyboard user, a phone at 320 px, a finger or a reader who widens text spacing would miss on
 * each path: sideways scrolling (`sidewaysAt320`), then, in one load of each path per width (a desktop's
 * and a phone's), crowded targets and cut-off text (`targetAndTextProblems`) and weak focus rings
 * (`weakRings`, last: it moves focus). Empty when none.
 */
export async function accessProblems(page: Page, paths: string[]): Promise<string[]> {
  return [
    ...(await sidewaysAt320(page, paths)),
    ...(await checkPages(page, paths, DESKTOP_AND_PHONE, async (loaded) => [
      ...(await targetAndTextProblems(loaded)),
      ...(await weakRings(loaded)),
    ])),
  ];
}

/**
 * `accessProblems` for the page as it stands, for a step no path loads (a form's second step): sideways
 * scrolling at 320 px, then at a desktop's and a phone's width crowded targets, cut-off text and a Tab
 * walk from the top of the page. Leaves the window at the size it had.
 */
export async function accessProblemsAsShown(page: Page): Promise<string[]> {
  const before = page.viewportSize();
  const found: string[] = [];
  await page.setViewportSize({ width: 320, height: 640 });
  for (const finding of await sideways(page)) found.push(`at 320 px: ${finding}`);
  for (const size of DESKTOP_AND_PHONE) {
    await page.setViewportSize(size);
    // Tab then starts at the top of the page, as after a load: a focused element that is gone leaves the
    // browser's starting point at the top, where blurring would leave it at the element.
    await page.evaluate(() => {
      const start = document.createElement('span');
      start.tabIndex = -1;
      document.body.prepend(start);
      start.focus();
      start.remove();
    });
    const here = [...(await targetAndTextProblems(page)), ...(await weakRings(page))];
    for (const finding of here) found.push(`at ${size.width} px: ${finding}`);
  }
  if (before) await page.setViewportSize(before);
  return found;
}
