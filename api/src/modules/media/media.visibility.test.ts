import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { distinctPictures, useMediaApi } from '../../../test/support/media-api.js';
import { ATLAS_ID, createProduct, createPublished } from '../../../test/support/seller-catalog.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { mediaPreviewKey } from './media.preview.js';

type SellerImage = components['schemas']['SellerImage'];

// Who may see a picture: a plain URL only while a published product of an active seller shows it;
// a seller's preview URL (signed, short-lived) whatever the product's status.
const KEY = 'a-preview-key-of-at-least-32-characters';
const media = useMediaApi('media-visibility', { MEDIA_PREVIEW_KEY: KEY });
const picture = distinctPictures('5c', 700, 500);

async function uploaded(productId: string) {
  const res = await media.api.request<SellerImage>('POST', `/seller/products/${productId}/images`, {
    raw: await picture(),
    headers: { 'content-type': 'image/png' },
  });
  expect(res.status).toBe(201);
  const image = res.body;
  const preview = new URL(image.preview_url ?? '');
  return { image, path: new URL(image.url).pathname, preview: `${preview.pathname}${preview.search}` };
}

const get = (path: string, headers: Record<string, string> = {}) =>
  media.api.get<Buffer | Problem>(path, { key: null, headers });
const publish = (id: string, action: 'publish' | 'unpublish') =>
  media.api.request('POST', `/seller/products/${id}/${action}`).then((r) => expect(r.status).toBe(200));
/**
 * Answers 404 within a second. A change drops the verdicts kept in memory when PostgreSQL's
 * notification of it arrives, a moment after the commit; on a loaded machine that can be later than
 * the next request, so "at once" is "well inside the verdicts' ten-second lifetime".
 */
const stopped = (path: string, headers: Record<string, string> = {}) =>
  vi.waitFor(async () => expect((await get(path, headers)).status).toBe(404), {
    timeout: 1_000,
    interval: 20,
  });

/** A preview query signed with the configured key, as the API signs it. */
const signed = (productId: string, hash: string, exp: number) =>
  `exp=${exp}&sig=${createHmac('sha256', KEY).update(`${productId}/${hash}/${exp}`).digest('base64url')}`;

describe('GET /media for products not on the storefront', () => {
  it("answers 404 for a draft's picture, and serves the seller's preview URL privately", async () => {
    const draft = await createProduct(media.api, { images: [] });
    const { path, preview, image } = await uploaded(draft.id);
    const plain = await get(`${path}?w=320`);
    expect(plain.status).toBe(404);
    expect(plain.contentType).toContain('application/problem+json');
    expect((plain.body as Problem).code).toBe('not_found');
    // A conditional request learns nothing either.
    const hash = image.id?.slice(4) ?? '';
    expect((await get(`${path}?w=320`, { 'if-none-match': `"${hash}-320"` })).status).toBe(404);

    const res = await get(`${preview}&w=320`);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('image/webp');
    expect(res.headers.get('cache-control')).toMatch(/^private, max-age=(\d+)$/);
    const maxAge = Number(res.headers.get('cache-control')?.split('=')[1]);
    expect(maxAge).toBeGreaterThan(800);
    expect(maxAge).toBeLessThanOrEqual(900);
    const revalidated = await get(`${preview}&w=320`, { 'if-none-match': `"${hash}-320"` });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('cache-control')).toMatch(/^private, /);
  });

  it('refuses a tampered, expired or half preview signature', async () => {
    const draft = await createProduct(media.api, { images: [] });
    const other = await createProduct(media.api, { images: [] });
    const { path, preview, image } = await uploaded(draft.id);
    const hash = image.id?.slice(4) ?? '';
    const now = Math.floor(Date.now() / 1000);
    // The API's signature is the one this test computes with the configured key.
    expect(preview).toBe(
      `${path}?${signed(draft.id, hash, Number(new URL(preview, 'http://x').searchParams.get('exp')))}`,
    );

    const sig = new URL(preview, 'http://x').searchParams.get('sig') ?? '';
    const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    const refused = [
      `${path}?${signed(draft.id, hash, now + 60).replace(/sig=.*/, `sig=${flipped}`)}`,
      // A later expiry under the old signature.
      preview.replace(/exp=(\d+)/, (_m, exp) => `exp=${Number(exp) + 3600}`),
      // Expired: signed correctly, a second ago.
      `${path}?${signed(draft.id, hash, now - 1)}`,
      // Signed for another product's URL.
      `/media/products/${other.id}/${hash}.webp?${signed(draft.id, hash, now + 60)}`,
    ];
    for (const url of refused) {
      const res = await get(url);
      expect(res.status, url).toBe(403);
      expect((res.body as Problem).code).toBe('preview_url_invalid');
    }
    const half = await get(`${path}?exp=${now + 60}`);
    expect(half.status).toBe(400);
    expect((half.body as Problem).code).toBe('validation_failed');
    expect(media.calls.gets).toEqual([]);
  });

  it('serves a picture once its product is published, and stops as soon as it is unpublished, even from memory', async () => {
    const product = await createProduct(media.api, { images: [] });
    const { path, preview, image } = await uploaded(product.id);
    const hash = image.id?.slice(4) ?? '';
    expect((await get(`${path}?w=480`)).status).toBe(404);
    await publish(product.id, 'publish');
    const served = await get(`${path}?w=480`);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    media.calls.reset();
    expect((await get(`${path}?w=480`)).status).toBe(200);
    expect(media.calls.gets).toEqual([]); // from memory

    await publish(product.id, 'unpublish');
    await stopped(`${path}?w=480`);
    expect((await get(`${path}?w=480`, { 'if-none-match': `"${hash}-480"` })).status).toBe(404);
    // The seller still previews it.
    expect((await get(`${preview}&w=480`)).status).toBe(200);
  });

  it("follows the product that shows a borrowed picture: a published product's borrowed URL serves, a draft's does not", async () => {
    const owner = await createProduct(media.api, { images: [] });
    const { path, image } = await uploaded(owner.id);
    const byUrl = { url: image.url, alt: 'Borrowed', width: image.width, height: image.height };
    // The owner is a draft, but a published product shows its picture under the owner's URL.
    const borrower = await createPublished(media.api, { images: [byUrl] });
    expect((await get(path)).status).toBe(200);
    await publish(borrower.id, 'unpublish');
    await stopped(path);
    // Published owner, draft borrower: the owner's URL serves.
    await publish(owner.id, 'publish');
    expect((await get(path)).status).toBe(200);
  });

  it("answers 404 for the pictures of a suspended seller's published products", async () => {
    const product = await createPublished(media.api, { images: [] });
    const { path } = await uploaded(product.id);
    expect((await get(path)).status).toBe(200);
    const db = media.api.db.container.database.db;
    await db.updateTable('sellers').set({ status: 'suspended' }).where('id', '=', ATLAS_ID).execute();
    try {
      await stopped(path);
    } finally {
      await db.updateTable('sellers').set({ status: 'active' }).where('id', '=', ATLAS_ID).execute();
    }
    expect((await get(path)).status).toBe(200);
  });

  it('keeps one generated preview key per database when none is configured', async () => {
    const db = media.api.db.container.database.db;
    const [first, second] = [await mediaPreviewKey(db, undefined)(), await mediaPreviewKey(db, undefined)()];
    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    expect(first.equals(Buffer.from(KEY))).toBe(false);
  });
});
