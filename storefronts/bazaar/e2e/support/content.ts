import type { SoukClient } from '@souk/sdk';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The ids of a theme webhook endpoint's latest deliveries of `eventType` that the theme acknowledged
 * (answered 2xx after checking the signature). The endpoint also gets every product, review and stock
 * event, so a journey compares these ids before and after its change rather than counting them.
 */
export async function acknowledgedDeliveries(
  admin: SoukClient['admin'],
  endpointId: string,
  eventType: string,
): Promise<string[]> {
  const deliveries = (await admin.webhookEndpoints.listDeliveries(endpointId, { limit: 100 })).data;
  return deliveries.filter((d) => d.event_type === eventType && d.status === 'succeeded').map((d) => d.id);
}

/** How many of the endpoint's acknowledged deliveries of `eventType` are not in `before`. */
export async function newlyAcknowledged(
  admin: SoukClient['admin'],
  endpointId: string,
  eventType: string,
  before: readonly string[],
): Promise<number> {
  const seen = new Set(before);
  return (await acknowledgedDeliveries(admin, endpointId, eventType)).filter((id) => !seen.has(id)).length;
}

/**
 * Opens a static (ISR) page so that it was regenerated just now: a page older than its minute is served
 * once more while it is regenerated, so the second visit gets the new one, which ISR alone then keeps
 * for a minute. A change that shows within `reloadUntil`'s 30 s after this was shown by a webhook.
 */
export async function openRegenerated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForTimeout(1_000);
  await page.reload();
}

/**
 * Reloads the page until `read` gives `expected`, for at most 30 s: a static page shows a change once
 * the signed webhook has revalidated it (ISR alone would take up to a minute).
 */
export async function reloadUntil(
  page: Page,
  read: () => Promise<string | null>,
  expected: string,
): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.reload();
        return read();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(expected);
}
