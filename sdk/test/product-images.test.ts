import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageSrcSet, isSoukError, type SoukClient } from '../src/index.js';
import { clientFor, keys, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let seller: SoukClient;
beforeAll(async () => {
  api = await startTestApi();
  seller = clientFor(api, keys.seller1);
});
afterAll(() => api?.close());

const png = (colour: string) =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: colour } })
    .png()
    .toBuffer();

describe('seller.images', () => {
  it('uploads bytes and Blobs, reorders, sets alt text and deletes; the srcset URLs serve WebP', async () => {
    const product = await seller.seller.products.create({
      handle: 'sdk-image-lamp',
      title: 'SDK Lamp',
      variants: [{ sku: 'SDK-LAMP-1', prices: [{ amount: 4900, currency: 'USD' }] }],
    });
    const first = await seller.seller.images.upload(product.id, new Uint8Array(await png('#c0623d')), {
      alt: 'Lamp, lit',
    });
    expect(first).toMatchObject({ alt: 'Lamp, lit', width: 800, height: 600 });
    const second = await seller.seller.images
      .upload(product.id, new Blob([await png('#23395d')], { type: 'image/png' }))
      .withResponse();
    expect(second.data.alt).toBe('SDK Lamp');
    const ids = [second.data.id, first.id] as string[];
    expect(
      (await seller.seller.images.reorder(product.id, { image_ids: ids })).data.map((i) => i.id),
    ).toEqual(ids);
    expect((await seller.seller.images.update(product.id, ids[0] as string, { alt: 'Blue lamp' })).alt).toBe(
      'Blue lamp',
    );
    expect((await seller.seller.products.get(product.id)).images.map((i) => i.id)).toEqual(ids);

    const srcset = imageSrcSet(first);
    expect(srcset).toBe(
      [160, 320, 480, 640]
        .map((w) => `${first.url}?w=${w} ${w}w`)
        .concat(`${first.url} 800w`)
        .join(', '),
    );
    // The URLs name the demo host; the same paths on the test API serve the variants. The product is
    // a draft: its plain URL is not public, its signed preview_url is (for the seller's own tools).
    const onTestApi = (url: string) => `${api.url}${new URL(url).pathname}${new URL(url).search}`;
    expect((await fetch(`${onTestApi(first.url)}?w=320`)).status).toBe(404);
    expect(first.preview_url).toMatch(/\?exp=\d+&sig=/);
    const res = await fetch(`${onTestApi(first.preview_url ?? '')}&w=320`);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toMatch(/^private/);
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(320);

    await seller.seller.images.delete(product.id, ids[1] as string);
    expect((await seller.seller.images.list(product.id)).data.map((i) => i.id)).toEqual([ids[0]]);
  });

  it('rejects a file that is not an image with its problem code', async () => {
    const product = await seller.seller.products.create({
      handle: 'sdk-image-bad',
      title: 'SDK Bad',
      variants: [{ sku: 'SDK-BAD-1', prices: [{ amount: 100, currency: 'USD' }] }],
    });
    const err = await seller.seller.images
      .upload(product.id, new Blob(['not an image'], { type: 'image/png' }))
      .catch((e: unknown) => e);
    expect(isSoukError(err) && err.code).toBe('unsupported_image_type');
  });
});
