import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcsEndpoint, mediaStorageEnv } from '../../../test/support/media-storage.js';
import { createPublished, eventsFor, SELLER_2 } from '../../../test/support/seller-catalog.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

type Image = components['schemas']['SellerImage'];

let api: TestApi;
beforeAll(async () => {
  // With GCS_API_ENDPOINT (fake-gcs-server in CI's real-services pass) the files live in a bucket there.
  const gcs = await mediaStorageEnv('media-test');
  // Small limits, so the refusals are cheap to provoke.
  api = await startTestApi({
    seed: 'demo',
    env: {
      MEDIA_MAX_UPLOAD_BYTES: '300000',
      MEDIA_MAX_PIXELS: '4000000',
      MEDIA_MAX_IMAGES_PER_PRODUCT: '3',
      // These tests watch variants render on demand; the background pre-rendering has its own test.
      MEDIA_PRERENDER: 'false',
      ...gcs,
    },
  });
  expect(api.db.container.storage.kind).toBe(gcsEndpoint ? 'gcs' : 'disk');
});
afterAll(() => api?.close());

const solid = (width: number, height: number, colour: string) =>
  sharp({ create: { width, height, channels: 3, background: colour } });
const png = (w = 2000, h = 1000, colour = '#c0623d') => solid(w, h, colour).png().toBuffer();

const upload = (productId: string, data: Buffer, contentType = 'image/png', query = '', key?: string) =>
  api.request<Image | Problem>('POST', `/seller/products/${productId}/images${query}`, {
    raw: data,
    headers: { 'content-type': contentType },
    ...(key ? { key } : {}),
  });

/** Every stored image file (originals and renditions, by content hash). */
const allStored = () => api.db.container.storage.list('images/');
/** The stored files of an uploaded image. */
const filesOf = (image: Pick<Image, 'id'>) => api.db.container.storage.list(`images/${image.id?.slice(4)}/`);
const mediaPath = (url: string) => new URL(url).pathname;
/** An image without its preview_url (signed anew on each answer). */
const unsigned = ({ preview_url: _, ...rest }: Image) => rest;

describe('POST /seller/products/{id}/images', () => {
  it('stores the original, answers the served WebP size, appends to the product and records product.updated', async () => {
    const product = await createPublished(api, { images: [] });
    const res = await upload(product.id, await png(), 'image/png', '?alt=Terracotta%20boot');
    expect(res.status).toBe(201);
    const image = res.body as Image;
    expect(image).toMatchObject({ alt: 'Terracotta boot', width: 1600, height: 800 });
    expect(image.id).toMatch(/^img_[0-9a-f]{32}$/);
    expect(mediaPath(image.url)).toBe(`/media/products/${product.id}/${image.id?.slice(4)}.webp`);
    const stored = await filesOf(image);
    expect(stored.map((k) => k.split('/').pop())).toEqual(['full.webp', 'original']);
    // preview_url: the same URL signed for a while (signed again on each answer).
    expect(image.preview_url).toMatch(new RegExp(`^${image.url}\\?exp=\\d+&sig=[\\w-]{43}$`));
    const listed = await api.get<{ data: Image[] }>(`/seller/products/${product.id}/images`);
    expect(listed.body.data.map(unsigned)).toEqual([unsigned(image)]);
    const events = await eventsFor(api, product.id);
    expect(events.at(-1)).toMatchObject({ type: 'product.updated', data: { changed: ['images'] } });
  });

  it('reads the type from the content: a JPEG sent as application/octet-stream is a JPEG; the alt defaults to the title', async () => {
    const product = await createPublished(api, { images: [] });
    const jpeg = await solid(900, 1200, '#23395d').jpeg().toBuffer();
    const res = await upload(product.id, jpeg, 'application/octet-stream');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ alt: product.title, width: 900, height: 1200 });
    const original = await api.db.container.storage.get(`${(await filesOf(res.body as Image))[1]}`);
    expect(original?.contentType).toBe('image/jpeg');
  });

  it('applies EXIF orientation (a portrait phone photo stays portrait)', async () => {
    const product = await createPublished(api, { images: [] });
    const rotated = await solid(1200, 800, '#6b7a3a').jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const res = await upload(product.id, rotated, 'image/jpeg');
    expect(res.body).toMatchObject({ width: 800, height: 1200 });
  });

  const refusals: [string, () => Promise<Buffer>, string, number, string][] = [
    [
      'a text file sent as image/png',
      async () => Buffer.from('hello, not an image'),
      'image/png',
      415,
      'unsupported_image_type',
    ],
    [
      'an SVG renamed to .png (scripts can ride in SVG)',
      async () =>
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
        ),
      'image/png',
      415,
      'unsupported_image_type',
    ],
    [
      'a TIFF',
      () => solid(40, 40, '#000').tiff().toBuffer(),
      'application/octet-stream',
      415,
      'unsupported_image_type',
    ],
    [
      'a truncated JPEG',
      async () => (await solid(800, 800, '#9e2a3c').jpeg({ quality: 95 }).toBuffer()).subarray(0, 2000),
      'image/jpeg',
      422,
      'malformed_image',
    ],
    [
      'a PNG of 25 megapixels (limit 4)',
      () => solid(5000, 5000, '#fff').png().toBuffer(),
      'image/png',
      422,
      'image_too_many_pixels',
    ],
    [
      'a file over the byte limit',
      async () => Buffer.concat([await png(40, 40), Buffer.alloc(400_000, 7)]),
      'image/png',
      413,
      'payload_too_large',
    ],
    [
      'a body of a type the operation does not take',
      async () => Buffer.from('{}'),
      'application/json',
      415,
      'unsupported_media_type',
    ],
  ];
  it.each(refusals)(
    'refuses %s with a problem and stores nothing',
    async (_name, make, type, status, code) => {
      const product = await createPublished(api, { images: [] });
      const before = await eventsFor(api, product.id);
      const files = await allStored();
      const res = await upload(product.id, await make(), type);
      expect(res.status).toBe(status);
      expect(res.contentType).toMatch(/^application\/problem\+json/);
      expect((res.body as Problem).code).toBe(code);
      expect(await allStored()).toEqual(files);
      expect((await api.get<{ data: Image[] }>(`/seller/products/${product.id}/images`)).body.data).toEqual(
        [],
      );
      expect(await eventsFor(api, product.id)).toEqual(before);
    },
  );

  it('refuses an empty body, the same file twice, and more than the limit of images', async () => {
    const product = await createPublished(api, { images: [] });
    const empty = await upload(product.id, Buffer.alloc(0));
    expect([empty.status, (empty.body as Problem).code]).toEqual([400, 'validation_failed']);
    const first = await png(300, 300, '#111');
    expect((await upload(product.id, first)).status).toBe(201);
    const twice = await upload(product.id, first);
    expect([twice.status, (twice.body as Problem).code]).toEqual([409, 'conflict']);
    expect((await upload(product.id, await png(300, 300, '#222'))).status).toBe(201);
    expect((await upload(product.id, await png(300, 300, '#333'))).status).toBe(201);
    const stored = await allStored();
    const fourth = await upload(product.id, await png(300, 300, '#444'));
    expect([fourth.status, (fourth.body as Problem).code]).toEqual([409, 'too_many_images']);
    expect(await allStored()).toEqual(stored);
  });

  it("answers 404 for another seller's product and stores nothing", async () => {
    const product = await createPublished(api, { images: [] });
    const files = await allStored();
    const res = await upload(product.id, await png(1000, 600, '#3d6b5a'), 'image/png', '', SELLER_2);
    expect(res.status).toBe(404);
    expect(await allStored()).toEqual(files);
  });

  it('replays a retry with the same Idempotency-Key without storing twice', async () => {
    const product = await createPublished(api, { images: [] });
    const data = await png(500, 500, '#2a7676');
    const send = () =>
      api.request<Image>('POST', `/seller/products/${product.id}/images`, {
        raw: data,
        headers: { 'content-type': 'image/png', 'idempotency-key': `img-${product.id}` },
      });
    const [a, b] = [await send(), await send()];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    // The same image; its preview_url is signed again for the replay.
    expect(unsigned(b.body)).toEqual(unsigned(a.body));
    expect(b.body.preview_url).toMatch(/\?exp=\d+&sig=/);
  });
});

describe('reorder, alt text and delete', () => {
  it('reorders uploaded images, sets alt text, deletes an image with its files; each records product.updated', async () => {
    const product = await createPublished(api, { images: [] });
    const ids: string[] = [];
    for (const colour of ['#c9ad86', '#6d3b5e', '#8fa67e']) {
      ids.push(((await upload(product.id, await png(400, 400, colour))).body as Image).id as string);
    }
    const order = [ids[2], ids[0], ids[1]] as string[];
    const reordered = await api.request<{ data: Image[] }>(
      'PUT',
      `/seller/products/${product.id}/images/order`,
      {
        json: { image_ids: order },
      },
    );
    expect(reordered.status).toBe(200);
    expect(reordered.body.data.map((i) => i.id)).toEqual(order);
    const partial = await api.request<Problem>('PUT', `/seller/products/${product.id}/images/order`, {
      json: { image_ids: [ids[0]] },
    });
    expect([partial.status, partial.body.code]).toEqual([400, 'validation_failed']);

    const alt = await api.request<Image>('PATCH', `/seller/products/${product.id}/images/${ids[0]}`, {
      json: { alt: 'Plum cardigan, folded' },
    });
    expect(alt.body.alt).toBe('Plum cardigan, folded');

    // A variant rendered before the delete goes with it.
    const url = mediaPath(alt.body.url);
    expect((await api.get(`${url}?w=160`)).status).toBe(200);
    const deleted = await api.request('DELETE', `/seller/products/${product.id}/images/${ids[0]}`);
    expect(deleted.status).toBe(204);
    expect(
      (await api.get<{ data: Image[] }>(`/seller/products/${product.id}/images`)).body.data.map((i) => i.id),
    ).toEqual([ids[2], ids[1]]);
    expect(await filesOf({ id: ids[0] })).toEqual([]);
    expect((await api.get(url)).status).toBe(404);
    const again = await api.request<Problem>('DELETE', `/seller/products/${product.id}/images/${ids[0]}`);
    expect([again.status, again.body.code]).toEqual([404, 'not_found']);
    const changes = (await eventsFor(api, product.id)).filter((e) => e.type === 'product.updated');
    expect(changes).toHaveLength(6); // 3 uploads, reorder, alt, delete
  });
});

describe('GET /media/products/{id}/{hash}.webp', () => {
  it('serves immutable WebP at the listed widths, renders each once, and answers If-None-Match with 304', async () => {
    const product = await createPublished(api, { images: [] });
    const image = (await upload(product.id, await png(2000, 1000, '#5a6e3c'))).body as Image;
    const url = mediaPath(image.url);
    const full = await api.get<Buffer>(url, { key: null });
    expect(full.status).toBe(200);
    expect(full.contentType).toBe('image/webp');
    expect(full.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await sharp(full.body).metadata()).toMatchObject({ format: 'webp', width: 1600, height: 800 });
    for (const w of [160, 640, 1600]) {
      const res = await api.get<Buffer>(`${url}?w=${w}`, { key: null });
      expect((await sharp(res.body).metadata()).width).toBe(w);
    }
    const stored = await filesOf(image);
    expect(stored.map((k) => k.split('/').pop())).toEqual([
      'full.webp',
      'original',
      'w160.webp',
      'w1600.webp',
      'w640.webp',
    ]);
    const etag = (await api.get(`${url}?w=640`)).headers.get('etag') ?? '';
    const notModified = await api.get(`${url}?w=640`, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(await filesOf(image)).toEqual(stored);
  });

  it('never enlarges: a 300 px image asked at w=1280 stays 300 px', async () => {
    const product = await createPublished(api, { images: [] });
    const image = (await upload(product.id, await png(300, 200))).body as Image;
    const res = await api.get<Buffer>(`${mediaPath(image.url)}?w=1280`);
    expect((await sharp(res.body).metadata()).width).toBe(300);
  });

  it('answers 400 for a width off the list and 404 for an unknown image', async () => {
    const product = await createPublished(api, { images: [] });
    const image = (await upload(product.id, await png(400, 400))).body as Image;
    const odd = await api.get<Problem>(`${mediaPath(image.url)}?w=500`);
    expect([odd.status, odd.body.code]).toEqual([400, 'validation_failed']);
    const missing = await api.get<Problem>(`/media/products/${product.id}/${'0'.repeat(32)}.webp`);
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);
  });
});
