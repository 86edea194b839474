import type { Page } from 'playwright-core';
import { weakRings } from './focus';
import { checkPages, clippedText, DESKTOP_AND_PHONE, sidewaysAt320 } from './layout';
import { crowdedTargets } from './targets';

/** On the loaded page: crowded pointer targets (`crowdedTargets`) and text cut off (`clippedText`). */
export async function targetAndTextProblems(page: Page): Promise<string[]> {
  return [...(await crowdedTargets(page)), ...(await clippedText(page))];
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
