import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcsEndpoint, mediaStorageEnv } from '../../../test/support/media-storage.js';
import { createProduct, createPublished, SELLER_2 } from '../../../test/support/seller-catalog.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { components } from '../../generated/openapi.js';

type Image = components['schemas']['Image'];

let api: TestApi;
beforeAll(async () => {
  // With GCS_API_ENDPOINT (fake-gcs-server in CI's real-services pass) the files live in a bucket there.
  const gcs = await mediaStorageEnv('media-cleanup');
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
const hashOf = (image: Image) => image.id?.slice(4) as string;
/** The stored files of a picture (original and renderings), by file name. */
async function filesOf(image: Image): Promise<string[]> {
  const prefix = `images/${hashOf(image)}/`;
  return (await api.db.container.storage.list(prefix)).map((k) => k.slice(prefix.length));
}
const RENDERED = ['full.webp', 'original', 'w160.webp', 'w320.webp'];

describe('stored files of product images leave storage when nothing references them', () => {
  it('stores the same picture once for every product, and removes it only when the last one drops it', async () => {
    const product = await createPublished(api, { images: [] });
    const [a, b] = [await upload(product.id, '#7a4b2a'), await upload(product.id, '#2f5d50')];
    // The background pre-rendering stored the variants a 320 px image's srcset offers (160, 320).
    await api.db.container.media.prerender.idle();
    expect(await filesOf(a)).toEqual(RENDERED);
    const original = await api.db.container.storage.get(`images/${hashOf(a)}/original`);
    // The same bytes on another seller's product: the same stored files, not a copy.
    const other = await createProduct(api, { images: [] }, SELLER_2);
    const published = await api.request('POST', `/seller/products/${other.id}/publish`, { key: SELLER_2 });
    expect(published.status).toBe(200);
    await api.db.container.storage.delete(`images/${hashOf(a)}/w320.webp`);
    const copy = await upload(other.id, '#7a4b2a', SELLER_2);
    expect(hashOf(copy)).toBe(hashOf(a));
    await api.db.container.media.prerender.idle();
    // One set of files for both products: the prerenderer only filled in the rendition taken away.
    expect(await filesOf(copy)).toEqual(RENDERED);
    expect((await api.db.container.storage.get(`images/${hashOf(a)}/original`))?.data).toEqual(
      original?.data,
    );
    expect(
      (await api.db.container.storage.list('images/')).filter((k) => k.endsWith(`${hashOf(a)}/original`)),
    ).toHaveLength(1);

    expect((await api.request('DELETE', `/seller/products/${product.id}`)).status).toBe(204);
    expect(await filesOf(b)).toEqual([]);
    expect(await filesOf(a)).toEqual(RENDERED);
    // The deleted product's URLs are gone; the other product's URL of the same picture is served.
    expect((await api.get(path(a))).status).toBe(404);
    expect((await api.get(path(b))).status).toBe(404);
    expect((await api.get(path(copy))).status).toBe(200);

    const removed = await api.request('DELETE', `/seller/products/${other.id}/images/${copy.id}`, {
      key: SELLER_2,
    });
    expect(removed.status).toBe(204);
    expect(await filesOf(copy)).toEqual([]);
    expect((await api.get(path(copy))).status).toBe(404);
  });

  it('replacing the images drops the files of the images left out and keeps the rest', async () => {
    const product = await createPublished(api, { images: [] });
    const [kept, dropped] = [await upload(product.id, '#a33b2b'), await upload(product.id, '#33507a')];
    await api.db.container.media.prerender.idle();
    // Sent back as the upload answered it: its preview_url is not stored.
    expect(kept).toHaveProperty('preview_url');
    const res = await api.request<{ images: Image[] }>('PATCH', `/seller/products/${product.id}`, {
      json: { images: [kept] },
    });
    expect(res.status).toBe(200);
    const { preview_url: _, ...stored } = kept as Image & { preview_url?: string };
    expect(res.body.images).toEqual([stored]);
    expect(await filesOf(kept)).toEqual(RENDERED);
    expect(await filesOf(dropped)).toEqual([]);
    expect((await api.get(`${path(dropped)}?w=320`)).status).toBe(404);
    expect((await api.get(path(kept))).status).toBe(200);
  });

  it('keeps a file another product still shows by URL, and removes it once that one drops it too', async () => {
    const product = await createPublished(api, { images: [] });
    const image = await upload(product.id, '#5b3d7a');
    await api.db.container.media.prerender.idle();
    const byUrl = { url: image.url, alt: 'Borrowed', width: image.width, height: image.height };
    const borrower = await createPublished(api, { images: [byUrl] });

    expect((await api.request('DELETE', `/seller/products/${product.id}/images/${image.id}`)).status).toBe(
      204,
    );
    expect(await filesOf(image)).toHaveLength(4);
    expect((await api.request('DELETE', `/seller/products/${product.id}`)).status).toBe(204);
    expect((await api.get(path(image))).status).toBe(200);

    const res = await api.request('PATCH', `/seller/products/${borrower.id}`, { json: { images: [] } });
    expect(res.status).toBe(200);
    expect(await filesOf(image)).toEqual([]);
    expect((await api.get(path(image))).status).toBe(404);
  });

  it('records each image’s stored folder in product_image_files, kept by the database on every write', async () => {
    const product = await createPublished(api, { images: [] });
    const image = await upload(product.id, '#3a5f7a');
    const byUrl = { url: image.url, alt: 'Borrowed', width: image.width, height: image.height };
    const outside = {
      url: 'https://example.com/products/prod_X/0123456789abcdef0123456789abcdef.webp',
      alt: 'x',
      width: 10,
      height: 10,
    };
    const borrower = await createPublished(api, { images: [byUrl, outside] });
    const rowsOf = async () =>
      (
        await api.db.container.database.db
          .selectFrom('product_image_files')
          .selectAll()
          .where('product_id', 'in', [product.id, borrower.id])
          .execute()
      )
        .map((r) => JSON.stringify([r.product_id, r.served_as, r.storage_prefix]))
        .sort();
    const folder = `images/${hashOf(image)}/`;
    expect(await rowsOf()).toEqual(
      [
        [product.id, product.id, folder],
        [borrower.id, product.id, folder],
        // Any host's URL of this shape counts (a CDN in front of /media): a reference errs on keeping.
        [borrower.id, 'prod_X', 'images/0123456789abcdef0123456789abcdef/'],
      ]
        .map((r) => JSON.stringify(r))
        .sort(),
    );
    await api.request('PATCH', `/seller/products/${borrower.id}`, { json: { images: [outside] } });
    expect(await api.request('DELETE', `/seller/products/${product.id}`)).toMatchObject({ status: 204 });
    expect(await rowsOf()).toEqual([
      JSON.stringify([borrower.id, 'prod_X', 'images/0123456789abcdef0123456789abcdef/']),
    ]);
  });

  it('moves an original stored under its product’s folder (before content addressing) on first read', async () => {
    const product = await createPublished(api, { images: [] });
    const data = await png('#6a3d2f');
    const hash = createHash('sha256').update(data).digest('hex').slice(0, 32);
    const legacy = `products/${product.id.toLowerCase()}/${hash}/`;
    await api.db.container.storage.put(`${legacy}original`, data, { contentType: 'image/png' });
    const url = `${api.db.container.media.publicUrl}/products/${product.id}/${hash}.webp`;
    const res = await api.request('PATCH', `/seller/products/${product.id}`, {
      json: { images: [{ url, alt: 'Old upload', width: 320, height: 320 }] },
    });
    expect(res.status).toBe(200);
    expect((await api.get(`${new URL(url).pathname}?w=160`)).status).toBe(200);
    expect(await api.db.container.storage.list(legacy)).toEqual([]);
    expect((await api.db.container.storage.get(`images/${hash}/original`))?.data).toEqual(data);
  });
});
