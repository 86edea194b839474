import { describe, expect, it } from 'vitest';
import type { DocumentStore } from '../../documents/index.js';
import type { components } from '../../generated/openapi.js';
import { withLineReviews, withLinesReviewed } from './reviews.lines.js';

type Order = components['schemas']['Order'];

/** An order of one part with these line ids; only what `withLineReviews` reads is filled in. */
const orderOf = (...ids: string[]) =>
  ({ seller_orders: [{ lines: ids.map((id) => ({ id })) }] }) as unknown as Order;

/** A store whose `find` answers with `answer` (a promise that may never settle). */
const storeAnswering = (answer: () => Promise<unknown[]>) =>
  ({ collection: () => ({ find: answer }) }) as unknown as DocumentStore;

// What the real store answers is tested through the API (reviews.test.ts) and with FerretDB down
// (test/faults/documents.faults.test.ts); these pin what the function does when it does not answer.
describe('withLineReviews when the document store does not answer', () => {
  it('answers the order without the field once waitMs passes', async () => {
    const order = orderOf('oli_1');
    const hung = storeAnswering(() => new Promise(() => undefined));
    expect(await withLineReviews(hung, order, { waitMs: 20 })).toBe(order);
  });

  it('answers the order without the field when the store is down, and throws anything else', async () => {
    const down = Object.assign(new Error('no server'), { name: 'MongoServerSelectionError' });
    const order = orderOf('oli_1');
    expect(
      await withLineReviews(
        storeAnswering(() => Promise.reject(down)),
        order,
      ),
    ).toBe(order);
    const bug = new TypeError('bug');
    await expect(
      withLineReviews(
        storeAnswering(() => Promise.reject(bug)),
        order,
      ),
    ).rejects.toBe(bug);
  });

  it('marks each line reviewed or null from one read', async () => {
    const store = storeAnswering(async () => [{ _id: 'rev_1', order_line_id: 'oli_2', rating: 5 }]);
    const answered = await withLineReviews(store, orderOf('oli_1', 'oli_2'));
    expect(answered.seller_orders[0]?.lines.map((l) => l.review)).toEqual([null, { id: 'rev_1', rating: 5 }]);
  });

  it('marks the lines of a page of orders from one read', async () => {
    let reads = 0;
    const store = storeAnswering(async () => {
      reads++;
      return [{ _id: 'rev_3', order_line_id: 'oli_3', rating: 4 }];
    });
    const answered = await withLinesReviewed(store, [orderOf('oli_1', 'oli_2'), orderOf('oli_3')]);
    expect(reads).toBe(1);
    expect(answered.map((o) => o.seller_orders[0]?.lines.map((l) => l.review))).toEqual([
      [null, null],
      [{ id: 'rev_3', rating: 4 }],
    ]);
    expect(await withLinesReviewed(store, [])).toEqual([]);
    expect(reads).toBe(1);
  });
});
