import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiskStorage } from '../storage/index.js';
import { buildDemoCatalog } from './demo-catalog.js';
import { attachDemoImages } from './demo-images.js';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

async function seeded(count: number) {
  const root = await mkdtemp(join(tmpdir(), 'souk-demo-images-'));
  roots.push(root);
  const storage = createDiskStorage({ root });
  const catalog = buildDemoCatalog(count);
  const written = await attachDemoImages(catalog, { storage, publicUrl: 'http://localhost:4000/media' });
  return { storage, catalog, written };
}

describe('demo product images', () => {
  it('gives every product two stored, renderable images, the same on every run', async () => {
    const a = await seeded(12);
    const b = await seeded(12);
    expect(a.written).toBe(24);
    expect(a.catalog.products.map((p) => p.images)).toEqual(b.catalog.products.map((p) => p.images));
    const first = a.catalog.products[0];
    const images = JSON.parse(String(first?.images)) as {
      id: string;
      url: string;
      alt: string;
      width: number;
    }[];
    expect(images).toHaveLength(2);
    expect(images[0]?.alt).toContain(first?.title);
    const hash = images[0]?.id.slice(4) ?? '';
    expect(images[0]?.url).toBe(`http://localhost:4000/media/products/${first?.id}/${hash}.webp`);
    const original = await a.storage.get(`images/${hash}/original`);
    expect(original?.contentType).toBe('image/svg+xml');
    expect(
      original?.data.equals((await b.storage.get(`images/${hash}/original`))?.data ?? Buffer.alloc(0)),
    ).toBe(true);
    const webp = await sharp(original?.data).resize({ width: 320 }).webp().toBuffer();
    expect(await sharp(webp).metadata()).toMatchObject({ format: 'webp', width: 320, height: 320 });
    // Different products look different (colour and shape come from the product).
    const svgs = new Set(
      await Promise.all(
        a.catalog.products.map(async (p) => {
          const id = (JSON.parse(String(p.images)) as { id: string }[])[0]?.id.slice(4);
          return (await a.storage.get(`images/${id}/original`))?.data.toString();
        }),
      ),
    );
    expect(svgs.size).toBe(12);
  });
});
