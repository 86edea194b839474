import { describe, expect, it } from 'vitest';
import { SELLER_2, sellerIdByHandle } from '../../../test/support/seller-catalog.js';
import { webhookTestApiForFile } from '../../../test/support/webhooks.js';
import type { components } from '../../generated/openapi.js';
import { queueDeliveriesForEvent } from './index.js';

type WithSecret = components['schemas']['WebhookEndpointWithSecret'];

const api = webhookTestApiForFile();

const db = () => api.db.container.database.db;

const endpoint = async (base: '/seller' | '/admin', json: Record<string, unknown>, key?: string) => {
  const res = await api.request<WithSecret>('POST', `${base}/webhook-endpoints`, {
    json: { url: 'https://hooks.example.test/in', ...json },
    ...(key ? { key } : {}),
  });
  if (res.status !== 201) throw new Error(`create endpoint: ${res.status}`);
  return res.body.endpoint.id;
};

let n = 0;
const event = (type: string, seller_id: string | null) => {
  n += 1;
  return {
    id: `evt_fanout_${n}`,
    type,
    version: 1,
    occurred_at: '2024-05-01T12:00:00.000Z',
    seller_id,
    actor: { type: 'system' as const },
    data: { n },
    position: 1_000_000 + n,
  };
};

const receivers = async (eventId: string) =>
  (
    await db()
      .selectFrom('webhook_deliveries')
      .select(['endpoint_id'])
      .where('event_id', '=', eventId)
      .orderBy('endpoint_id')
      .execute()
  ).map((r) => r.endpoint_id);

describe('queueDeliveriesForEvent', () => {
  it('matches operator endpoints to every event and seller endpoints to their own, by type, enabled only', async () => {
    const seller1 = await sellerIdByHandle(api, 'atlas-outfitters');
    const seller2 = await sellerIdByHandle(api, 'nordic-home');
    const opAll = await endpoint('/admin', { event_types: ['*'] });
    const opOrders = await endpoint('/admin', { event_types: ['order.placed'] });
    const s1All = await endpoint('/seller', { event_types: ['*'] });
    const s1Products = await endpoint('/seller', { event_types: ['product.created', 'product.updated'] });
    const s1Off = await endpoint('/seller', { event_types: ['*'], enabled: false });
    const s2All = await endpoint('/seller', { event_types: ['*'] }, SELLER_2);
    const sorted = (ids: string[]) => [...ids].sort();

    const product1 = event('product.created', seller1);
    expect(await queueDeliveriesForEvent(db(), product1)).toBe(3);
    expect(await receivers(product1.id)).toEqual(sorted([opAll, s1All, s1Products]));

    const product2 = event('product.updated', seller2);
    expect(await queueDeliveriesForEvent(db(), product2)).toBe(2);
    expect(await receivers(product2.id)).toEqual(sorted([opAll, s2All]));

    const order = event('order.placed', null);
    expect(await queueDeliveriesForEvent(db(), order)).toBe(2);
    expect(await receivers(order.id)).toEqual(sorted([opAll, opOrders]));

    // Handling the same event again queues nothing twice.
    expect(await queueDeliveriesForEvent(db(), product1)).toBe(0);
    expect(await receivers(product1.id)).toHaveLength(3);

    const row = await db()
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('event_id', '=', product1.id)
      .where('endpoint_id', '=', s1All)
      .executeTakeFirstOrThrow();
    const { position, ...envelope } = product1;
    expect(row).toMatchObject({
      status: 'pending',
      attempt_count: 0,
      event_type: 'product.created',
      payload: envelope,
    });
    expect(Number(row.event_position)).toBe(position);
    expect(row.next_attempt_at).not.toBeNull();

    // A disabled endpoint receives nothing; once enabled it receives new events.
    expect((await receivers(product1.id)).includes(s1Off)).toBe(false);
    await api.request('PATCH', `/seller/webhook-endpoints/${s1Off}`, { json: { enabled: true } });
    const later = event('inventory.low', seller1);
    expect(await queueDeliveriesForEvent(db(), later)).toBe(3);
    expect(await receivers(later.id)).toEqual(sorted([opAll, s1All, s1Off]));
  });

  it('runs inside the caller’s transaction', async () => {
    const e = event('product.deleted', null);
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          expect(await queueDeliveriesForEvent(trx, e)).toBeGreaterThan(0);
          throw new Error('roll back');
        }),
    ).rejects.toThrow('roll back');
    expect(await receivers(e.id)).toEqual([]);
  });
});
