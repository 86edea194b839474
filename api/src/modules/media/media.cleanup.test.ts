import { randomBytes } from 'node:crypto';
import { Storage } from '@google-cloud/storage';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, SELLER_2 } from '../../../test/support/seller-catalog.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { components } from '../../generated/openapi.js';

type Image = components['schemas']['Image'];

// With GCS_API_ENDPOINT (fake-gcs-server in CI's real-services pass) the files live in a bucket there.
const gcsEndpoint = process.env.GCS_API_ENDPOINT || undefined;

let api: TestApi;
beforeAll(async () => {
  let gcs: Record<string, string> = {};
  if (gcsEndpoint) {
    const bucket = `souk-media-cleanup-${randomBytes(4).toString('hex')}`;
    await new Storage({ apiEndpoint: gcsEndpoint, projectId: 'demo-souk' }).createBucket(bucket);
    gcs = { GCS_BUCKET: bucket, GCS_API_ENDPOINT: gcsEndpoint, GCS_PROJECT_ID: 'demo-souk' };
  }
  api = await startTestApi({ seed: 'demo', env: gcs });
  expect(api.db.container.storage.kind).toBe(gcsEndpoint ? 'gcs' : 'disk');
});
afterAll(() => api?.close());

const png = (colour: string) =>
  sharp({ create: { width: 320, height: 320, channels: 3, background: colour } })
    .png()
    .toBuffer();

async function upload(productId: string, colour: string, key?: string): Promise<Image> {
  const res = await api.request<Image>('POST', `/seller/products/${productId}/images`, {
    raw: await png(colour),
    headers: { 'content-type': 'image/png' },
    ...(key ? { key } : {}),
  });
  expect(res.status).toBe(201);
  return res.body;
}

const path = (image: Image) => new URL(image.url).pathname;
/** Every stored file of a product (originals and renderings), as `<hash>/<file>`. */
async function stored(productId: string): Promise<string[]> {
  const prefix = `products/${productId.toLowerCase()}/`;
  return (await api.db.container.storage.list(prefix)).map((k) => k.slice(prefix.length));
}
const hashOf = (image: Image) => image.id?.slice(4) as string;

describe('stored files of product images leave storage when nothing references them', () => {
  it('deleting a product removes its originals and every rendered variant; the same picture on another product stays', async () => {
    const product = await createProduct(api, { images: [] });
    const [a, b] = [await upload(product.id, '#7a4b2a'), await upload(product.id, '#2f5d50')];
    // The background pre-rendering stored the variants a 320 px image's srcset offers (160, 320).
    await api.db.container.media.prerender.idle();
    expect((await stored(product.id)).filter((f) => f.startsWith(hashOf(a)))).toEqual(
      ['full.webp', 'original', 'w160.webp', 'w320.webp'].map((f) => `${hashOf(a)}/${f}`),
    );
    // The same bytes on another seller's product: same hash, a copy of its own.
    const other = await createProduct(api, { images: [] }, SELLER_2);
    const copy = await upload(other.id, '#7a4b2a', SELLER_2);
    expect(hashOf(copy)).toBe(hashOf(a));

    expect((await api.request('DELETE', `/seller/products/${product.id}`)).status).toBe(204);
    expect(await stored(product.id)).toEqual([]);
    expect((await api.get(path(a))).status).toBe(404);
    expect((await api.get(path(b))).status).toBe(404);
    expect((await api.get(path(copy))).status).toBe(200);
  });

  it('replacing the images drops the files of the images left out and keeps the rest', async () => {
    const product = await createProduct(api, { images: [] });
    const [kept, dropped] = [await upload(product.id, '#a33b2b'), await upload(product.id, '#33507a')];
    await api.db.container.media.prerender.idle();
    const res = await api.request('PATCH', `/seller/products/${product.id}`, { json: { images: [kept] } });
    expect(res.status).toBe(200);
    expect(await stored(product.id)).toEqual(
      ['full.webp', 'original', 'w160.webp', 'w320.webp'].map((f) => `${hashOf(kept)}/${f}`),
    );
    expect((await api.get(`${path(dropped)}?w=320`)).status).toBe(404);
    expect((await api.get(path(kept))).status).toBe(200);
  });

  it('keeps a file another product still shows by URL, and removes it once that one drops it too', async () => {
    const product = await createProduct(api, { images: [] });
    const image = await upload(product.id, '#5b3d7a');
    await api.db.container.media.prerender.idle();
    const byUrl = { url: image.url, alt: 'Borrowed', width: image.width, height: image.height };
    const borrower = await createProduct(api, { images: [byUrl] });

    expect((await api.request('DELETE', `/seller/products/${product.id}/images/${image.id}`)).status).toBe(
      204,
    );
    expect(await stored(product.id)).toHaveLength(4);
    expect((await api.request('DELETE', `/seller/products/${product.id}`)).status).toBe(204);
    expect((await api.get(path(image))).status).toBe(200);

    const res = await api.request('PATCH', `/seller/products/${borrower.id}`, { json: { images: [] } });
    expect(res.status).toBe(200);
    expect(await stored(product.id)).toEqual([]);
    expect((await api.get(path(image))).status).toBe(404);
  });
});
