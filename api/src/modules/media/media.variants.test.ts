import { describe, expect, it } from 'vitest';
import { createVariantCache } from './media.variants.js';

/** A loader that answers `size` bytes of `fill` and counts its calls. */
const loader = (size: number, fill = 1) => {
  const load = async () => {
    load.calls++;
    return Buffer.alloc(size, fill);
  };
  load.calls = 0;
  return load;
};

describe('createVariantCache', () => {
  it('keeps at most maxBytes, dropping the least recently used', async () => {
    const cache = createVariantCache({ maxBytes: 10_000 });
    const [a, b, c] = [loader(4_000, 1), loader(4_000, 2), loader(4_000, 3)];
    await cache.get('a', a);
    await cache.get('b', b);
    await cache.get('a', a); // a is now the most recent
    await cache.get('c', c); // 12,000 bytes: b goes
    expect(cache.stats()).toEqual({ entries: 2, bytes: 8_000 });
    await cache.get('a', a);
    await cache.get('b', b);
    expect([a.calls, b.calls, c.calls]).toEqual([1, 2, 1]);
  });

  it('keeps nothing with maxBytes 0, and nothing larger than maxBytes, yet loads a key once at a time', async () => {
    for (const [maxBytes, size] of [
      [0, 100],
      [1_000, 2_000],
    ] as const) {
      const cache = createVariantCache({ maxBytes });
      const load = loader(size);
      const together = await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)]);
      expect(together.every((d) => d?.length === size)).toBe(true);
      expect(load.calls).toBe(1);
      await cache.get('k', load);
      expect(load.calls).toBe(2);
      expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
    }
  });

  it('does not keep a failed or empty load: the next caller loads again', async () => {
    const cache = createVariantCache({ maxBytes: 10_000 });
    await expect(cache.get('k', () => Promise.reject(new Error('storage down')))).rejects.toThrow(
      'storage down',
    );
    expect(await cache.get('k', async () => undefined)).toBeUndefined();
    const load = loader(10);
    expect((await cache.get('k', load))?.length).toBe(10);
    expect(load.calls).toBe(1);
  });
});
