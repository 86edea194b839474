import type { Page } from 'playwright-core';
import { tabWalkPages } from './focus';
import { sidewaysAt320 } from './layout';
import { crowdedTargetPages } from './targets';

/**
 * What a keyboard user, a phone at 320 px or a finger would miss on each path: weak focus rings
 * (`tabWalkPages`), sideways scrolling (`sidewaysAt320`) and crowded targets (`crowdedTargetPages`).
 * Empty when none.
 */
export async function accessProblems(page: Page, paths: string[]): Promise<string[]> {
  return [
    ...(await tabWalkPages(page, paths)),
    ...(await sidewaysAt320(page, paths)),
    ...(await crowdedTargetPages(page, paths)),
  ];
}
