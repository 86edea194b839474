import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocumentStore, DuplicateDocumentError } from './documents.js';
import { migrateDocuments } from './migrate.js';

type Review = {
  _id: string;
  product_id: string;
  order_line_id: string;
  rating: number;
  status: string;
  created_at: string;
  reply?: { body: string } | null;
  attributes?: Record<string, string>;
};

/**
 * The behaviour every document-store adapter must have. `open()` gives a store over an empty database
 * of its own; `close()` is called once at the end.
 */
export function describeDocumentStoreContract(name: string, open: () => Promise<DocumentStore>): void {
  describe(`document store contract: ${name}`, () => {
    let store: DocumentStore;
    const fresh = () => `c${randomBytes(5).toString('hex')}`;
    const review = (n: number, over: Partial<Review> = {}): Review => ({
      _id: `rev_${n}`,
      product_id: 'p1',
      order_line_id: `line_${n}`,
      rating: (n % 5) + 1,
      status: 'visible',
      created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
      ...over,
    });
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('inserts, reads, replaces and deletes documents with nested fields', async () => {
      const c = store.collection<Review>(fresh());
      const doc = review(1, { attributes: { fit: 'true to size' } });
      await c.insert(doc);
      expect(await c.get('rev_1')).toEqual(doc);
      expect(await c.get('rev_missing')).toBeUndefined();
      await c.put({ ...doc, rating: 2 });
      expect((await c.get('rev_1'))?.rating).toBe(2);
      expect(await c.find({ 'attributes.fit': 'true to size' })).toHaveLength(1);
      expect(await c.delete({ _id: 'rev_1' })).toBe(1);
      expect(await c.get('rev_1')).toBeUndefined();
    });

    it('refuses a second document with the same _id', async () => {
      const c = store.collection<Review>(fresh());
      await c.insert(review(1));
      await expect(c.insert(review(1, { order_line_id: 'other' }))).rejects.toBeInstanceOf(
        DuplicateDocumentError,
      );
    });

    it('enforces unique indexes created by a migration, and records the migration once', async () => {
      const name = fresh();
      const migration = {
        name: `0001_${name}`,
        up: (s: DocumentStore) =>
          s.createIndex(name, { name: 'line', keys: [['order_line_id', 1]], unique: true }),
      };
      expect(await migrateDocuments(store, undefined, [migration])).toEqual([migration.name]);
      expect(await migrateDocuments(store, undefined, [migration])).toEqual([]);
      const c = store.collection<Review>(name);
      await c.insert(review(1));
      await expect(c.insert(review(2, { order_line_id: 'line_1' }))).rejects.toBeInstanceOf(
        DuplicateDocumentError,
      );
      expect(await c.count({})).toBe(1);
      // Creating an existing index again is a no-op.
      await migration.up(store);
    });

    it('filters by equality, $in and null (missing or null), sorts, skips and limits', async () => {
      const c = store.collection<Review>(fresh());
      for (let n = 1; n <= 6; n++) {
        await c.insert(
          review(n, { product_id: n <= 4 ? 'p1' : 'p2', ...(n === 2 ? { reply: { body: 'hi' } } : {}) }),
        );
      }
      await c.update({ _id: 'rev_3' }, { reply: null });
      expect((await c.find({ product_id: 'p1' }, { sort: [['created_at', -1]] })).map((d) => d._id)).toEqual([
        'rev_4',
        'rev_3',
        'rev_2',
        'rev_1',
      ]);
      expect(
        (await c.find({ product_id: { $in: ['p2'] } }, { sort: [['rating', 1]] })).map((d) => d.rating),
      ).toEqual([1, (6 % 5) + 1].sort());
      expect(
        (await c.find({ reply: null, product_id: 'p1' }, { sort: [['_id', 1]] })).map((d) => d._id),
      ).toEqual(['rev_1', 'rev_3', 'rev_4']);
      const page = await c.find({}, { sort: [['created_at', 1]], skip: 2, limit: 2 });
      expect(page.map((d) => d._id)).toEqual(['rev_3', 'rev_4']);
      expect(await c.count({ product_id: 'p2' })).toBe(2);
      expect(await c.find({ product_id: { $in: [] } })).toEqual([]);
    });

    it('updates as a compare-and-set on the filter', async () => {
      const c = store.collection<Review>(fresh());
      await c.insert(review(1));
      expect(await c.update({ _id: 'rev_1', reply: null }, { reply: { body: 'first' } })).toBe(true);
      expect(await c.update({ _id: 'rev_1', reply: null }, { reply: { body: 'second' } })).toBe(false);
      expect((await c.get('rev_1'))?.reply).toEqual({ body: 'first' });
      expect(await c.update({ _id: 'rev_missing' }, { status: 'hidden' })).toBe(false);
    });

    it('lets exactly one of many concurrent compare-and-sets win', async () => {
      const c = store.collection<Review>(fresh());
      await c.insert(review(1));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          c.update({ _id: 'rev_1', reply: null }, { reply: { body: `r${i}` } }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('counts documents per value of a field, ignoring missing values', async () => {
      const c = store.collection<Review>(fresh());
      const ratings = [5, 5, 4, 1, 5, 3, 4];
      for (const [i, rating] of ratings.entries()) await c.insert(review(i + 1, { rating }));
      await c.insert({ ...review(99), rating: undefined as unknown as number });
      await c.update({ _id: 'rev_1' }, { status: 'hidden' });
      const counts = await c.countBy({ product_id: 'p1', status: 'visible' }, 'rating');
      expect(Object.fromEntries([...counts].sort())).toEqual({ 1: 1, 3: 1, 4: 2, 5: 2 });
      const byStatus = await c.countBy({}, 'status');
      expect(byStatus.get('visible')).toBe(7);
      expect(byStatus.get('hidden')).toBe(1);
    });

    it('counts exactly after many concurrent inserts', async () => {
      const c = store.collection<Review>(fresh());
      await Promise.all(Array.from({ length: 50 }, (_, i) => c.insert(review(i + 1))));
      const counts = await c.countBy({ product_id: 'p1' }, 'rating');
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(50);
      expect(counts.get(1)).toBe(10);
    });

    it('rejects names that could be operators or injection', async () => {
      expect(() => store.collection('bad name; drop')).toThrow();
      const c = store.collection<Review>(fresh());
      await expect(c.find({ $where: 'x' })).rejects.toThrow();
      await expect(c.find({ "a'}": 'x' })).rejects.toThrow();
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
