import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { distinctPictures, useMediaApi } from '../../../test/support/media-api.js';
import { startSecondInstance } from '../../../test/support/second-instance.js';
import { ATLAS_ID, createPublished } from '../../../test/support/seller-catalog.js';
import { serverUrl } from '../../../test/support/test-db.js';
import type { components } from '../../generated/openapi.js';

type SellerImage = components['schemas']['SellerImage'];

// Two API instances on one database: the second serves a picture from a kept verdict (no statement),
// and each change that takes the URL away, made through the first instance or straight in the
// database, stops it on the second at once.
const media = useMediaApi('media-instances');
const picture = distinctPictures('7d', 600, 400);

describe.skipIf(!serverUrl)('GET /media on two instances', () => {
  let second: Awaited<ReturnType<typeof startSecondInstance>>;
  beforeAll(async () => {
    second = await startSecondInstance(media.api);
  });
  afterAll(() => second?.close());

  const onSecond = async (path: string, headers: Record<string, string> = {}) =>
    (await fetch(second.url + path, { headers })).status;
  const action = (id: string, name: 'publish' | 'unpublish') =>
    media.api.request('POST', `/seller/products/${id}/${name}`).then((r) => expect(r.status).toBe(200));
  // PostgreSQL delivers a notification a moment after the commit (on a loaded machine, later than
  // one request to the second instance), so "at once" is checked as "well inside the verdicts'
  // ten-second lifetime", the only other thing that would stop a kept verdict.
  /** The second instance answers 404 within a second. */
  const stoppedOnSecond = (path: string, headers: Record<string, string> = {}) =>
    vi.waitFor(async () => expect(await onSecond(path, headers)).toBe(404), { timeout: 1_000, interval: 20 });
  /**
   * Served by the second instance from its kept verdict: 200 without asking PostgreSQL. The change
   * just made notifies the second instance a moment later, and that notification drops a verdict
   * kept before it arrives; so the pair of requests is tried again until one lands after it.
   */
  const servedFromMemory = (path: string) =>
    vi.waitFor(
      async () => {
        expect(await onSecond(path)).toBe(200);
        second.resetStatements();
        expect(await onSecond(path)).toBe(200);
        expect(second.statementsOn('product_image_files')).toBe(0);
      },
      { timeout: 3_000, interval: 50 },
    );

  it('stops a picture the second instance keeps a verdict for as soon as the first unpublishes, suspends or removes it', async () => {
    const product = await createPublished(media.api, { images: [] });
    const res = await media.api.request<SellerImage>('POST', `/seller/products/${product.id}/images`, {
      raw: await picture(),
      headers: { 'content-type': 'image/png' },
    });
    expect(res.status).toBe(201);
    const path = `${new URL(res.body.url).pathname}?w=320`;
    const etag = `"${res.body.id?.slice(4)}-320"`;

    await servedFromMemory(path);
    await action(product.id, 'unpublish');
    await stoppedOnSecond(path);
    await stoppedOnSecond(path, { 'if-none-match': etag });

    await action(product.id, 'publish');
    await servedFromMemory(path);
    const db = media.api.db.container.database.db;
    await db.updateTable('sellers').set({ status: 'suspended' }).where('id', '=', ATLAS_ID).execute();
    try {
      await stoppedOnSecond(path);
    } finally {
      await db.updateTable('sellers').set({ status: 'active' }).where('id', '=', ATLAS_ID).execute();
    }

    await servedFromMemory(path);
    const removed = await media.api.request('DELETE', `/seller/products/${product.id}/images/${res.body.id}`);
    expect(removed.status).toBe(204);
    await stoppedOnSecond(path);
  });
});
