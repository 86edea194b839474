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

    it('filters by ranges on strings, numbers and _id, matching only values of the bound’s type', async () => {
      const c = store.collection<Review>(fresh());
      for (let n = 1; n <= 6; n++) await c.insert(review(n, { rating: n }));
      // Type bracketing: a string bound never matches a number, null or a missing field.
      await c.insert({ ...review(7), created_at: 7 as unknown as string, rating: 'x' as unknown as number });
      await c.insert({ ...review(8), created_at: null as unknown as string });
      await c.insert({ ...review(9), created_at: undefined as unknown as string });
      const ids = async (filter: Parameters<typeof c.find>[0]) =>
        (await c.find(filter, { sort: [['_id', 1]] })).map((d) => d._id);
      const at = (s: number) => review(s).created_at;
      expect(await ids({ created_at: { $gt: at(4) } })).toEqual(['rev_5', 'rev_6']);
      expect(await ids({ created_at: { $gte: at(4), $lt: at(6) } })).toEqual(['rev_4', 'rev_5']);
      expect(await ids({ created_at: { $lte: at(2) } })).toEqual(['rev_1', 'rev_2']);
      expect(await ids({ rating: { $gte: 2, $lte: 3 } })).toEqual(['rev_2', 'rev_3']);
      expect(await ids({ rating: { $lt: 2 } })).toEqual(['rev_1']);
      expect(await ids({ _id: { $gte: 'rev_5', $lt: 'rev_7' } })).toEqual(['rev_5', 'rev_6']);
      expect(await ids({ rating: { $in: [1, 2, 3], $gt: 1 } })).toEqual(['rev_2', 'rev_3']);
      expect(await c.count({ created_at: { $gte: '' } })).toBe(6);
      expect(await c.count({ created_at: { $lt: 8 } })).toBe(1);
      // rev_5, rev_6, and rev_9 (rating 5 from review()).
      expect(await c.delete({ rating: { $gt: 4 } })).toBe(3);
      expect(await c.count({})).toBe(6);
    });

    it('pages by keyset across ties of the sort key, in both directions, while documents are added', async () => {
      const c = store.collection<Review>(fresh());
      // Ten documents on three instants: ties that only _id breaks.
      const instants = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3];
      for (const [i, s] of instants.entries()) {
        await c.insert(review(10 + i, { created_at: review(s).created_at }));
      }
      const walk = async (dir: 1 | -1, size: number, during?: (page: number) => Promise<void>) => {
        const sort = [
          ['created_at', dir],
          ['_id', dir],
        ] as const;
        const seen: string[] = [];
        let after: (string | number)[] | undefined;
        for (let page = 0; page < 20; page++) {
          const docs = await c.find({ product_id: 'p1' }, { sort, limit: size, ...(after ? { after } : {}) });
          seen.push(...docs.map((d) => d._id));
          const last = docs.at(-1);
          if (!last || docs.length < size) break;
          after = [last.created_at, last._id];
          await during?.(page);
        }
        return seen;
      };
      const all = (await c.find({}, { sort: [['_id', 1]] })).map((d) => d._id);
      expect(await walk(1, 3)).toEqual(all);
      expect(await walk(-1, 4)).toEqual([...all].reverse());
      // Newest first while newer documents arrive: none repeats, none already there is skipped.
      const before = [...all].reverse();
      let added = 0;
      const seen = await walk(-1, 3, async () => {
        await c.insert(review(90 + added, { created_at: review(4 + added).created_at }));
        added++;
      });
      expect(seen).toEqual(before);
      expect(new Set(seen).size).toBe(seen.length);
      await expect(
        c.find({}, { sort: [['created_at', -1]], after: [null as unknown as string] }),
      ).rejects.toThrow();
      await expect(c.find({}, { after: ['x'] })).rejects.toThrow();
    });

    it('refuses unknown or empty filter operators', async () => {
      const c = store.collection<Review>(fresh());
      await expect(c.find({ rating: { $where: '1' } as never })).rejects.toThrow();
      await expect(c.find({ rating: { $ne: 1 } as never })).rejects.toThrow();
      await expect(c.find({ rating: {} })).rejects.toThrow();
      await expect(c.find({ rating: { $gt: { $gt: 1 } } as never })).rejects.toThrow();
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
