import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcsEndpoint, mediaStorageEnv } from '../../../test/support/media-storage.js';
import { createPublished } from '../../../test/support/seller-catalog.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { components } from '../../generated/openapi.js';
import { metricsRegistry } from '../../observability/metrics.js';
import { lockStoredImage } from './media.repository.js';
import { createOrphanSweeper, sweepOrphanedImages } from './media.sweep.js';

type Image = components['schemas']['Image'];

let api: TestApi;
beforeAll(async () => {
  // With GCS_API_ENDPOINT (fake-gcs-server in CI's real-services pass) the files live in a bucket there.
  const gcs = await mediaStorageEnv('media-sweep');
  // The periodic sweep is off here (each test runs sweeps itself); MEDIA_SWEEP_INTERVAL_MS=0 is "off".
  api = await startTestApi({ env: { ...gcs, MEDIA_SWEEP_INTERVAL_MS: '0' } });
  expect(api.db.container.storage.kind).toBe(gcsEndpoint ? 'gcs' : 'disk');
});
afterAll(() => api?.close());

const storage = () => api.db.container.storage;
const db = () => api.db.container.database.db;
const png = (colour: string) =>
  sharp({ create: { width: 64, height: 64, channels: 3, background: colour } })
    .png()
    .toBuffer();

/** Files of a picture stored without any product naming them: what a failed clean-up leaves. */
async function orphan(): Promise<string> {
  const hash = createHash('sha256').update(randomBytes(16)).digest('hex').slice(0, 32);
  const folder = `images/${hash}/`;
  await storage().put(`${folder}original`, Buffer.from('x'), { contentType: 'image/png' });
  await storage().put(`${folder}w160.webp`, Buffer.from('y'), { contentType: 'image/webp' });
  return folder;
}

async function upload(productId: string, data: Buffer): Promise<Image> {
  const res = await api.request<Image>('POST', `/seller/products/${productId}/images`, {
    raw: data,
    headers: { 'content-type': 'image/png' },
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('the sweep of orphaned image files', () => {
  it('removes folders no product names, keeps named ones, and spares fresh ones', async () => {
    const product = await createPublished(api, { images: [] });
    const image = await upload(product.id, await png('#7a4b2a'));
    const kept = `images/${image.id?.slice(4)}/`;
    const [a, b] = [await orphan(), await orphan()];

    // Everything was written a moment ago: within an hour's grace nothing goes.
    const spared = await sweepOrphanedImages({ db: db(), storage: storage(), graceMs: 3_600_000 });
    expect(spared).toMatchObject({ removedFolders: 0, removedObjects: 0 });
    expect(spared.fresh).toBeGreaterThanOrEqual(2);
    expect(await storage().list(a)).toHaveLength(2);

    // Seen from two hours later, the orphans are old enough; the uploaded picture is named.
    const later = () => new Date(Date.now() + 7_200_000);
    const swept = await sweepOrphanedImages({ db: db(), storage: storage(), graceMs: 3_600_000, now: later });
    expect(swept.removedFolders).toBeGreaterThanOrEqual(2);
    expect(await storage().list(a)).toEqual([]);
    expect(await storage().list(b)).toEqual([]);
    expect((await storage().list(kept)).length).toBeGreaterThan(0);
    expect((await api.get(new URL(image.url).pathname)).status).toBe(200);
    // Nothing left to do: a second sweep removes nothing.
    expect(await sweepOrphanedImages({ db: db(), storage: storage(), graceMs: 0, now: later })).toMatchObject(
      { removedFolders: 0, removedObjects: 0, fresh: 0 },
    );
  });

  it('waits for the folder lock an upload holds, so it never removes files an upload is committing', async () => {
    const folder = await orphan();
    let sweep: Promise<unknown> | undefined;
    await db()
      .transaction()
      .execute(async (trx) => {
        // As an upload of the same picture does from before it looks for the files until it commits.
        await lockStoredImage(trx, folder);
        sweep = sweepOrphanedImages({ db: db(), storage: storage(), graceMs: 0 });
        const state = await Promise.race([
          sweep.then(() => 'done'),
          new Promise((r) => setTimeout(r, 500, 'waiting')),
        ]);
        expect(state).toBe('waiting');
        expect(await storage().list(folder)).toHaveLength(2);
      });
    // The "upload" committed no reference: once the lock is free the folder goes.
    await sweep;
    expect(await storage().list(folder)).toEqual([]);
  });

  it('keeps the files of an upload of the same picture that races the sweep', async () => {
    const data = await png('#2f5d50');
    const hash = createHash('sha256').update(data).digest('hex').slice(0, 32);
    const folder = `images/${hash}/`;
    // A failed clean-up left this picture's files; now a seller uploads the same bytes while a sweep runs.
    await storage().put(`${folder}original`, data, { contentType: 'image/png' });
    const product = await createPublished(api, { images: [] });
    const [image] = await Promise.all([
      upload(product.id, data),
      sweepOrphanedImages({ db: db(), storage: storage(), graceMs: 0 }),
    ]);
    expect(await storage().exists(`${folder}original`)).toBe(true);
    expect((await api.get(`${new URL(image.url).pathname}?w=160`)).status).toBe(200);
  });

  it('removes pre-content-addressing folders no product shows under its URL, and keeps shown ones', async () => {
    const shown = await createPublished(api, { images: [] });
    const data = await png('#4b3a6a');
    const hash = createHash('sha256').update(data).digest('hex').slice(0, 32);
    // Releases before content addressing kept a picture under its product's folder (id in lower case).
    const kept = `products/${shown.id.toLowerCase()}/${hash}/`;
    await storage().put(`${kept}original`, data, { contentType: 'image/png' });
    const url = `${api.db.container.media.publicUrl}/products/${shown.id}/${hash}.webp`;
    const patched = await api.request('PATCH', `/seller/products/${shown.id}`, {
      json: { images: [{ url, alt: 'Old upload', width: 64, height: 64 }] },
    });
    expect(patched.status).toBe(200);
    // A picture its product stopped showing before it was ever read again: its folder was left behind.
    const dropped = await createPublished(api, { images: [] });
    const gone = `products/${dropped.id.toLowerCase()}/${hash}/`;
    await storage().put(`${gone}original`, data, { contentType: 'image/png' });
    await storage().put(`${gone}w160.webp`, Buffer.from('y'), { contentType: 'image/webp' });

    const spared = await sweepOrphanedImages({ db: db(), storage: storage(), graceMs: 3_600_000 });
    expect(spared.fresh).toBeGreaterThanOrEqual(1);
    expect(await storage().list(gone)).toHaveLength(2);

    const later = () => new Date(Date.now() + 7_200_000);
    const swept = await sweepOrphanedImages({ db: db(), storage: storage(), graceMs: 3_600_000, now: later });
    expect(swept.removedObjects).toBeGreaterThanOrEqual(2);
    expect(await storage().list(gone)).toEqual([]);
    expect(await storage().list(kept)).toEqual([`${kept}original`]);
    // The picture still shown moves to its content address on its first read, as before.
    expect((await api.get(`${new URL(url).pathname}?w=160`)).status).toBe(200);
    expect(await storage().list(kept)).toEqual([]);
  });

  it('runs on its interval, logs each sweep and counts it in the metrics', async () => {
    const folder = await orphan();
    const sweeper = createOrphanSweeper({
      db: db(),
      storage: storage(),
      logger: api.db.container.logger,
      intervalMs: 50,
      graceMs: 0,
    });
    try {
      for (let i = 0; i < 100 && (await storage().list(folder)).length > 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await storage().list(folder)).toEqual([]);
    } finally {
      await sweeper.close();
    }
    const metrics = await metricsRegistry.metrics();
    expect(metrics).toMatch(/souk_media_sweeps_total\{result="ok"\} [1-9]/);
    expect(metrics).toMatch(/souk_media_orphan_objects_removed_total [1-9]/);
  });
});
