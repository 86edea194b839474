import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countCalls, mediaStorageEnv, type StorageCalls } from '../../../test/support/media-storage.js';
import { createProduct } from '../../../test/support/seller-catalog.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { components } from '../../generated/openapi.js';

type Image = components['schemas']['Image'];

// How GET /media serves a picture it has served before: from memory, answering 304 without the bytes,
// rendering a variant once however many ask, and still asking the database whether the URL is valid.
let api: TestApi;
let calls: StorageCalls;
beforeAll(async () => {
  api = await startTestApi({
    seed: 'demo',
    env: { MEDIA_PRERENDER: 'false', ...(await mediaStorageEnv('media-serving')) },
  });
  calls = countCalls(api.db.container.storage);
});
afterEach(() => calls.reset());
afterAll(async () => {
  calls?.restore();
  await api?.close();
});

let colours = 0;
/** A picture no other test of the file uploads (each its own hash, so its own stored files). */
const picture = () =>
  sharp({
    create: {
      width: 1000,
      height: 700,
      channels: 3,
      background: `#3a${(colours++).toString(16).padStart(4, '0')}`,
    },
  })
    .png()
    .toBuffer();

async function uploaded(productId: string, data?: Buffer) {
  const res = await api.request<Image>('POST', `/seller/products/${productId}/images`, {
    raw: data ?? (await picture()),
    headers: { 'content-type': 'image/png' },
  });
  expect(res.status).toBe(201);
  const image = res.body;
  const hash = image.id?.slice(4) ?? '';
  return {
    image,
    hash,
    path: new URL(image.url).pathname,
    variant: (w: number) => `images/${hash}/w${w}.webp`,
  };
}

describe('GET /media/products/{id}/{hash}.webp, served again', () => {
  it('answers If-None-Match with 304 without reading or rendering the variant', async () => {
    const product = await createProduct(api, { images: [] });
    const { hash, path } = await uploaded(product.id);
    calls.reset();
    // A browser holding the bytes from before a restart: the variant is in neither memory nor storage.
    const res = await api.get(`${path}?w=320`, { key: null, headers: { 'if-none-match': `"${hash}-320"` } });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(`"${hash}-320"`);
    expect([calls.gets, calls.puts]).toEqual([[], []]);
  });

  it('serves a variant it has served before from memory, the same bytes, without reading storage', async () => {
    const product = await createProduct(api, { images: [] });
    const { path, variant } = await uploaded(product.id);
    calls.reset();
    const first = await api.get<Buffer>(`${path}?w=480`, { key: null });
    expect(first.status).toBe(200);
    expect(calls.puts).toEqual([variant(480)]);
    calls.reset();
    const again = await api.get<Buffer>(`${path}?w=480`, { key: null });
    expect(again.status).toBe(200);
    expect(Buffer.compare(again.body, first.body)).toBe(0);
    expect(calls.gets).toEqual([]);
  });

  it('renders a variant asked for by many at once one time', async () => {
    const product = await createProduct(api, { images: [] });
    const { path, variant } = await uploaded(product.id);
    calls.reset();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => api.get<Buffer>(`${path}?w=640`, { key: null })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.body.toString('base64'))).size).toBe(1);
    expect(calls.puts).toEqual([variant(640)]);
    expect(calls.gets.filter((k) => k === variant(640))).toHaveLength(1);
  });

  it("answers 404 for a deleted image's URL after serving it from memory; a product still showing the picture keeps it", async () => {
    const data = await picture();
    const [first, second] = [
      await createProduct(api, { images: [] }),
      await createProduct(api, { images: [] }),
    ];
    const [a, b] = [await uploaded(first.id, data), await uploaded(second.id, data)];
    expect(a.hash).toBe(b.hash); // one stored picture, two URLs
    for (const { path } of [a, b]) expect((await api.get(`${path}?w=480`, { key: null })).status).toBe(200);

    const removed = await api.request('DELETE', `/seller/products/${first.id}/images/${a.image.id}`);
    expect(removed.status).toBe(204);
    expect((await api.get(`${a.path}?w=480`, { key: null })).status).toBe(404);
    const conditional = { 'if-none-match': `"${a.hash}-480"` };
    expect((await api.get(`${a.path}?w=480`, { key: null, headers: conditional })).status).toBe(404);
    expect((await api.get(`${b.path}?w=480`, { key: null })).status).toBe(200);

    // Deleting the product that still showed it takes its URL too (and the files with it).
    expect((await api.request('DELETE', `/seller/products/${second.id}`)).status).toBe(204);
    expect((await api.get(`${b.path}?w=480`, { key: null })).status).toBe(404);
  });
});
