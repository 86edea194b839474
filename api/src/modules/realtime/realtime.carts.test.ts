import { describe, expect, it } from 'vitest';
import type { BusEvent } from '../events/bus.js';
import { lineChangesOf } from './realtime.carts.js';

let position = 0;
const event = (type: string, data: Record<string, unknown>): BusEvent => ({
  id: `evt_${++position}`,
  type,
  version: 1,
  occurred_at: new Date().toISOString(),
  seller_id: 'sel_1',
  actor: { type: 'system' },
  aggregate_type: 'test',
  aggregate_id: 'agg_1',
  data,
  position,
});

describe('lineChangesOf (one cart-lines signal per run of events)', () => {
  it('merges the lines every event of the run changed, each id once', () => {
    const change = lineChangesOf([
      event('inventory.updated', { variant_id: 'var_1', product_id: 'prd_1' }),
      event('order.placed', { order_id: 'ord_1' }),
      event('inventory.updated', { variant_id: 'var_2', product_id: 'prd_1' }),
      event('inventory.updated', { variant_id: 'var_1', product_id: 'prd_1' }),
      event('product.unpublished', { product_id: 'prd_9' }),
      event('seller.suspended', { seller_id: 'sel_3' }),
    ]);
    expect(change).toEqual({ variants: ['var_1', 'var_2'], products: ['prd_9'], sellers: ['sel_3'] });
  });

  it('is undefined when no event of the run changes a cart line', () => {
    expect(lineChangesOf([event('order.placed', { order_id: 'ord_1' })])).toBeUndefined();
    expect(lineChangesOf([])).toBeUndefined();
  });
});
