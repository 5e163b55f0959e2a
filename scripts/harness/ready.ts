/**
 * Waits for the app's own readiness signal (src/app/readiness.ts) in a page or an LMS frame: tracking
 * is open and the first view is rendered with its handlers attached. The launch page's pre-rendered
 * first screen is there long before, so its markup is never what a test waits for.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { READY_ATTRIBUTE, READY_SELECTOR } from '../../src/app/readiness.ts';

/** Resolves with where the course keeps progress (`lms`, `browser` or `none`). */
export async function courseReady(where: Page | FrameLocator, timeout = 60_000): Promise<string> {
  const root = where.locator(READY_SELECTOR);
  await root.waitFor({ state: 'attached', timeout });
  return (await root.getAttribute(READY_ATTRIBUTE)) ?? '';
}
