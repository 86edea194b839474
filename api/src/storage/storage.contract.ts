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

    it('lists keys with their last write time, which a replacing put moves', async () => {
      const storage = await open();
      const root = ns();
      const before = Date.now();
      await storage.put(`${root}/h/original`, Buffer.from('a'), { contentType: 'image/png' });
      await storage.put(`${root}/h/w160.webp`, Buffer.from('b'), { contentType: 'image/webp' });
      await storage.put(`${root}/other`, Buffer.from('c'), { contentType: 'text/plain' });
      const first = await storage.entries(`${root}/h/`);
      expect(first.map((e) => e.key)).toEqual([`${root}/h/original`, `${root}/h/w160.webp`]);
      for (const { updatedAt } of first) {
        // Clocks of a bucket and of this process differ a little; file systems round to their tick.
        expect(Math.abs(updatedAt.getTime() - before)).toBeLessThan(60_000);
      }
      const stamp = first[0]?.updatedAt.getTime() ?? 0;
      await new Promise((r) => setTimeout(r, 1_100));
      await storage.put(`${root}/h/original`, Buffer.from('a2'), { contentType: 'image/png' });
      const [again] = await storage.entries(`${root}/h/original`);
      expect(again?.updatedAt.getTime()).toBeGreaterThan(stamp);
      expect(await storage.entries(`${ns()}/`)).toEqual([]);
      await expect(storage.entries('../')).rejects.toThrow(/not a storage key/);
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
