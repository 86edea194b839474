import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ObjectStorage } from './storage.js';

/**
 * The behaviour every storage adapter must have. `open()` gives an adapter on an empty namespace
 * (a fresh folder or key prefix), so runs never see each other's objects.
 */
export function describeStorageContract(name: string, open: () => Promise<ObjectStorage>): void {
  describe(`storage contract: ${name}`, () => {
    const ns = () => `t${randomBytes(6).toString('hex')}`;

    it('stores, reads, replaces and deletes an object with its content type', async () => {
      const storage = await open();
      const key = `${ns()}/a/original`;
      expect(await storage.get(key)).toBeUndefined();
      expect(await storage.exists(key)).toBe(false);
      await storage.put(key, Buffer.from('first'), { contentType: 'image/png' });
      expect(await storage.exists(key)).toBe(true);
      const got = await storage.get(key);
      expect(got?.data.toString()).toBe('first');
      expect(got?.contentType).toBe('image/png');
      await storage.put(key, Buffer.from('second!'), { contentType: 'image/webp' });
      expect(await storage.get(key)).toEqual({ data: Buffer.from('second!'), contentType: 'image/webp' });
      await storage.delete(key);
      expect(await storage.get(key)).toBeUndefined();
      expect(await storage.exists(key)).toBe(false);
      await storage.delete(key); // deleting again is not an error
    });

    it('keeps binary data byte for byte (every byte value, 3 MB)', async () => {
      const storage = await open();
      const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const big = randomBytes(3 * 1024 * 1024);
      await storage.put(`${ns()}/every`, every, { contentType: 'application/octet-stream' });
      const bigKey = `${ns()}/big.webp`;
      await storage.put(bigKey, big, { contentType: 'image/webp' });
      expect((await storage.get(bigKey))?.data.equals(big)).toBe(true);
    });

    it('lists keys under a prefix, sorted, and deletes them together', async () => {
      const storage = await open();
      const root = ns();
      const keys = [
        `${root}/p1/h2/w320.webp`,
        `${root}/p1/h1/original`,
        `${root}/p1/h1/w160.webp`,
        `${root}/p2/x`,
      ];
      for (const key of keys) await storage.put(key, Buffer.from(key), { contentType: 'text/plain' });
      expect(await storage.list(`${root}/p1/`)).toEqual([
        `${root}/p1/h1/original`,
        `${root}/p1/h1/w160.webp`,
        `${root}/p1/h2/w320.webp`,
      ]);
      // A prefix need not end at a folder.
      expect(await storage.list(`${root}/p1/h1/w`)).toEqual([`${root}/p1/h1/w160.webp`]);
      expect(await storage.list(`${ns()}/`)).toEqual([]);
      expect(await storage.deletePrefix(`${root}/p1/h1/`)).toBe(2);
      expect(await storage.list(`${root}/`)).toEqual([`${root}/p1/h2/w320.webp`, `${root}/p2/x`]);
      expect(await storage.get(`${root}/p2/x`)).toBeDefined();
    });

    it('refuses keys that could escape their namespace or differ between adapters', async () => {
      const storage = await open();
      for (const bad of ['', '/abs', 'a/../b', 'a//b', 'a/./b', 'UPPER', 'a b', 'a\\b', 'trailing/', '..']) {
        await expect(storage.put(bad, Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(
          /not a storage key/,
        );
        await expect(storage.get(bad)).rejects.toThrow(/not a storage key/);
      }
      await expect(storage.list('../')).rejects.toThrow(/not a storage key/);
    });

    it('leaves one whole object when writers race on a key', async () => {
      const storage = await open();
      const key = `${ns()}/raced`;
      const bodies = Array.from({ length: 6 }, (_, i) => Buffer.alloc(256 * 1024, i + 1));
      await Promise.all(bodies.map((b) => storage.put(key, b, { contentType: 'image/webp' })));
      const got = await storage.get(key);
      expect(bodies.some((b) => got?.data.equals(b))).toBe(true);
      expect(await storage.list(key)).toEqual([key]);
    });
  });
}
