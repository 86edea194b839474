import { describe, expect, it } from 'vitest';
import { distinctPictures, useMediaApi } from '../../../test/support/media-api.js';
import { createPublished } from '../../../test/support/seller-catalog.js';
import type { components } from '../../generated/openapi.js';

type Image = components['schemas']['Image'];

// How GET /media serves a picture it has served before: from memory, answering 304 without the bytes,
// rendering a variant once however many ask, and still asking the database whether the URL is valid.
const media = useMediaApi('media-serving');
/** A picture no other test of the file uploads (each its own hash, so its own stored files). */
const picture = distinctPictures('3a');
/** A larger picture, slower to render (so a request can arrive mid-render). */
const bigPicture = distinctPictures('6b', 3000, 2000);

async function uploaded(productId: string, data?: Buffer) {
  const res = await media.api.request<Image>('POST', `/seller/products/${productId}/images`, {
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
    const product = await createPublished(media.api, { images: [] });
    const { hash, path } = await uploaded(product.id);
    media.calls.reset();
    // A browser holding the bytes from before a restart: the variant is in neither memory nor storage.
    const res = await media.api.get(`${path}?w=320`, {
      key: null,
      headers: { 'if-none-match': `"${hash}-320"` },
    });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(`"${hash}-320"`);
    expect([media.calls.gets, media.calls.puts]).toEqual([[], []]);
  });

  it('serves a variant it has served before from memory, the same bytes, without reading storage', async () => {
    const product = await createPublished(media.api, { images: [] });
    const { path, variant } = await uploaded(product.id);
    media.calls.reset();
    const first = await media.api.get<Buffer>(`${path}?w=480`, { key: null });
    expect(first.status).toBe(200);
    expect(media.calls.puts).toEqual([variant(480)]);
    media.calls.reset();
    const again = await media.api.get<Buffer>(`${path}?w=480`, { key: null });
    expect(again.status).toBe(200);
    expect(Buffer.compare(again.body, first.body)).toBe(0);
    expect(media.calls.gets).toEqual([]);
  });

  it('renders a variant asked for by many at once one time', async () => {
    const product = await createPublished(media.api, { images: [] });
    const { path, variant } = await uploaded(product.id);
    media.calls.reset();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => media.api.get<Buffer>(`${path}?w=640`, { key: null })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.body.toString('base64'))).size).toBe(1);
    expect(media.calls.puts).toEqual([variant(640)]);
    expect(media.calls.gets.filter((k) => k === variant(640))).toHaveLength(1);
  });

  it('renders a variant once when requests arrive while the background pre-rendering renders it', async () => {
    const product = await createPublished(media.api, { images: [] });
    const { hash, path, variant, image } = await uploaded(product.id, await bigPicture());
    const { prerender } = media.api.db.container.media;
    media.calls.reset();
    prerender.add([{ productId: product.id, hash, width: image.width }]);
    // Once the pre-rendering has read the original, it is rendering w160 (the first missing variant).
    for (let i = 0; i < 500 && !media.calls.gets.includes(`images/${hash}/original`); i++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => media.api.get<Buffer>(`${path}?w=160`, { key: null })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    await prerender.idle();
    expect(media.calls.puts.filter((k) => k === variant(160))).toEqual([variant(160)]);
    // Every variant the pre-rendering wanted written once, the original read once.
    expect(new Set(media.calls.puts).size).toBe(media.calls.puts.length);
    expect(media.calls.gets.filter((k) => k.endsWith('/original'))).toHaveLength(1);
  });

  it("answers 404 for a deleted image's URL after serving it from memory; a product still showing the picture keeps it", async () => {
    const data = await picture();
    const [first, second] = [
      await createPublished(media.api, { images: [] }),
      await createPublished(media.api, { images: [] }),
    ];
    const [a, b] = [await uploaded(first.id, data), await uploaded(second.id, data)];
    expect(a.hash).toBe(b.hash); // one stored picture, two URLs
    for (const { path } of [a, b])
      expect((await media.api.get(`${path}?w=480`, { key: null })).status).toBe(200);

    const removed = await media.api.request('DELETE', `/seller/products/${first.id}/images/${a.image.id}`);
    expect(removed.status).toBe(204);
    expect((await media.api.get(`${a.path}?w=480`, { key: null })).status).toBe(404);
    const conditional = { 'if-none-match': `"${a.hash}-480"` };
    expect((await media.api.get(`${a.path}?w=480`, { key: null, headers: conditional })).status).toBe(404);
    expect((await media.api.get(`${b.path}?w=480`, { key: null })).status).toBe(200);

    // Deleting the product that still showed it takes its URL too (and the files with it).
    expect((await media.api.request('DELETE', `/seller/products/${second.id}`)).status).toBe(204);
    expect((await media.api.get(`${b.path}?w=480`, { key: null })).status).toBe(404);
  });
});
