import type { Page } from 'playwright-core';
import { tabWalkPages } from './focus';
import { clippedTextPages, sidewaysAt320 } from './layout';
import { crowdedTargetPages } from './targets';

/**
 * What a keyboard user, a phone at 320 px, a finger or a reader who widens text spacing would miss on
 * each path: weak focus rings (`tabWalkPages`), sideways scrolling (`sidewaysAt320`), crowded targets
 * (`crowdedTargetPages`) and text cut off (`clippedTextPages`). Empty when none.
 */
export async function accessProblems(page: Page, paths: string[]): Promise<string[]> {
  return [
    ...(await tabWalkPages(page, paths)),
    ...(await sidewaysAt320(page, paths)),
    ...(await crowdedTargetPages(page, paths)),
    ...(await clippedTextPages(page, paths)),
  ];
}
