import type { SoukClient } from '@souk/sdk';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * How many `content.published` deliveries to a theme's webhook endpoint succeeded (the theme answered
 * 2xx after checking the signature), among the endpoint's latest.
 */
export async function succeededDeliveries(admin: SoukClient['admin'], endpointId: string): Promise<number> {
  const deliveries = (await admin.webhookEndpoints.listDeliveries(endpointId)).data;
  return deliveries.filter((d) => d.event_type === 'content.published' && d.status === 'succeeded').length;
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
