import { describe, expect, it } from 'vitest';
import { createProduct, SELLER_2, sellerIdByHandle } from '../../../test/support/seller-catalog.js';
import { webhookTestApiForFile } from '../../../test/support/webhooks.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { toEnvelope } from '../events/index.js';
import { queueDeliveriesForEvent } from './index.js';

type Schemas = components['schemas'];
type WithSecret = Schemas['WebhookEndpointWithSecret'];
type Delivery = Schemas['WebhookDelivery'];

const api = webhookTestApiForFile();

const db = () => api.db.container.database.db;

const endpoint = async (base: '/seller' | '/admin', event_types: string[], key?: string) => {
  const res = await api.request<WithSecret>('POST', `${base}/webhook-endpoints`, {
    json: { url: 'https://hooks.example.test/in', event_types },
    ...(key ? { key } : {}),
  });
  if (res.status !== 201) throw new Error(`create endpoint: ${res.status}`);
  return res.body.endpoint;
};

const deliveriesOf = (endpointId: string) =>
  db()
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('event_position')
    .execute();

describe('replay', () => {
  it('queues every visible, subscribed event of the range, once per event', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const p1 = await createProduct(api);
    await api.request('PATCH', `/seller/products/${p1.id}`, { json: { title: 'Renamed boot' } });
    await createProduct(api, {}, SELLER_2);
    const to = new Date(Date.now() + 1000).toISOString();
    const seller1 = await sellerIdByHandle(api, 'atlas-outfitters');
    const inRange = await db()
      .selectFrom('outbox_events')
      .select(['id', 'type', 'seller_id'])
      .where('occurred_at', '>=', new Date(from))
      .where('occurred_at', '<', new Date(to))
      .execute();
    const expectedSeller = inRange.filter((e) => e.seller_id === seller1 && e.type.startsWith('product.'));
    expect(expectedSeller.map((e) => e.type)).toEqual(
      expect.arrayContaining(['product.created', 'product.updated']),
    );

    const sellerEp = await endpoint('/seller', ['product.created', 'product.updated']);
    const replay = await api.request<Schemas['WebhookReplayResult']>(
      'POST',
      `/seller/webhook-endpoints/${sellerEp.id}/replay`,
      {
        json: { from, to },
      },
    );
    expect(replay.status).toBe(202);
    expect(replay.body.queued).toBe(expectedSeller.length);
    const rows = await deliveriesOf(sellerEp.id);
    expect(rows.map((r) => r.event_id).sort()).toEqual(expectedSeller.map((e) => e.id).sort());
    const event = await db()
      .selectFrom('outbox_events')
      .selectAll()
      .where('id', '=', rows[0]?.event_id ?? '')
      .executeTakeFirstOrThrow();
    expect(rows[0]).toMatchObject({
      status: 'pending',
      event_type: event.type,
      event_position: event.position,
    });
    expect(rows[0]?.payload).toEqual(toEnvelope(event));
    expect(rows.every((r) => /^whd_[0-9A-Z]{26}$/.test(r.id))).toBe(true);

    // Replaying again re-queues the same deliveries instead of adding new ones.
    await db()
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', next_attempt_at: null })
      .where('endpoint_id', '=', sellerEp.id)
      .execute();
    const again = await api.request<Schemas['WebhookReplayResult']>(
      'POST',
      `/seller/webhook-endpoints/${sellerEp.id}/replay`,
      {
        json: { from, to },
      },
    );
    expect(again.body.queued).toBe(expectedSeller.length);
    const requeued = await deliveriesOf(sellerEp.id);
    expect(requeued.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(requeued.every((r) => r.status === 'pending' && r.next_attempt_at !== null)).toBe(true);

    // The operator's `*` endpoint sees every event of every seller.
    const opEp = await endpoint('/admin', ['*']);
    const all = await api.request<Schemas['WebhookReplayResult']>(
      'POST',
      `/admin/webhook-endpoints/${opEp.id}/replay`,
      {
        json: { from, to },
      },
    );
    expect(all.body.queued).toBe(inRange.length);
  });

  it('validates the range (400) and needs an enabled endpoint (409)', async () => {
    const ep = await endpoint('/seller', ['*']);
    const url = `/seller/webhook-endpoints/${ep.id}/replay`;
    const backwards = await api.request<Problem>('POST', url, {
      json: { from: '2024-02-02T00:00:00Z', to: '2024-02-01T00:00:00Z' },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.code).toBe('validation_failed');
    expect(backwards.body.errors?.[0]?.field).toBe('/to');
    const empty = await api.request<Problem>('POST', url, {
      json: { from: '2024-02-01T00:00:00Z', to: '2024-02-01T00:00:00Z' },
    });
    expect(empty.status).toBe(400);
    const tooLong = await api.request<Problem>('POST', url, {
      json: { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:01Z' },
    });
    expect(tooLong.status).toBe(400);
    const month = await api.request<Schemas['WebhookReplayResult']>('POST', url, {
      json: { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' },
    });
    expect(month.body).toEqual({ queued: 0 });
    await api.request('PATCH', `/seller/webhook-endpoints/${ep.id}`, { json: { enabled: false } });
    const disabled = await api.request<Problem>('POST', url, {
      json: { from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00Z' },
    });
    expect(disabled.status).toBe(409);
    expect(disabled.body.code).toBe('invalid_state');
  });
});

describe('delivery log', () => {
  it('pages newest first with each delivery’s attempts, in a bounded number of queries', async () => {
    const ep = await endpoint('/admin', ['*']);
    // The seed writes no events: make enough of them through the API.
    for (let i = 0; i < 5; i++) await createProduct(api);
    const events = await db().selectFrom('outbox_events').selectAll().orderBy('position').limit(5).execute();
    for (const [i, e] of events.entries()) {
      const at = new Date(Date.UTC(2024, 0, 1, 0, 0, i));
      await queueDeliveriesForEvent(db(), { ...toEnvelope(e), position: e.position }, at);
    }
    const rows = await deliveriesOf(ep.id);
    expect(rows).toHaveLength(5);
    const [first, second] = rows;
    if (!first || !second) throw new Error('no deliveries');
    const attempt = (delivery_id: string, number: number, status_code: number | null) => ({
      delivery_id,
      number,
      started_at: new Date(Date.UTC(2024, 0, 2, 0, number)),
      status_code,
      latency_ms: 10 * number,
      response_excerpt: status_code ? 'oops' : null,
      error: status_code === 200 ? null : 'failed',
    });
    await db()
      .insertInto('webhook_attempts')
      .values([attempt(first.id, 2, 200), attempt(first.id, 1, 500), attempt(second.id, 1, null)])
      .execute();
    await db()
      .updateTable('webhook_deliveries')
      .set({ status: 'succeeded', attempt_count: 2, next_attempt_at: null })
      .where('id', '=', first.id)
      .execute();

    const seen: Delivery[] = [];
    let cursor: string | null = null;
    do {
      api.resetQueryCount();
      const page: { body: Schemas['WebhookDeliveryList'] } = await api.get<Schemas['WebhookDeliveryList']>(
        `/admin/webhook-endpoints/${ep.id}/deliveries?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      // Key lookup, endpoint, page, attempts (and a little slack for request bookkeeping): never one per delivery.
      expect(api.queryCount()).toBeLessThanOrEqual(6);
      seen.push(...page.body.data);
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen.map((d) => d.id)).toEqual([...rows].reverse().map((r) => r.id));
    const firstSeen = seen.find((d) => d.id === first.id);
    expect(firstSeen).toMatchObject({ status: 'succeeded', attempt_count: 2, next_attempt_at: null });
    expect(firstSeen?.attempts.map((a) => [a.number, a.status_code])).toEqual([
      [1, 500],
      [2, 200],
    ]);
    expect(seen.find((d) => d.id === second.id)?.attempts).toEqual([
      {
        number: 1,
        started_at: '2024-01-02T00:01:00.000Z',
        status_code: null,
        latency_ms: 10,
        response_excerpt: null,
        error: 'failed',
      },
    ]);

    const succeeded = await api.get<Schemas['WebhookDeliveryList']>(
      `/admin/webhook-endpoints/${ep.id}/deliveries?status=succeeded`,
    );
    expect(succeeded.body.data.map((d) => d.id)).toEqual([first.id]);
    // A cursor is bound to its filters.
    const page1 = await api.get<Schemas['WebhookDeliveryList']>(
      `/admin/webhook-endpoints/${ep.id}/deliveries?limit=1`,
    );
    const mixed = await api.get<Problem>(
      `/admin/webhook-endpoints/${ep.id}/deliveries?status=pending&cursor=${page1.body.next_cursor}`,
    );
    expect(mixed.body.code).toBe('invalid_cursor');

    // Redeliver: pending and due now, whatever the status; 404 for another endpoint's delivery; 409 when disabled.
    const redelivered = await api.request<Delivery>(
      'POST',
      `/admin/webhook-endpoints/${ep.id}/deliveries/${first.id}/redeliver`,
    );
    expect(redelivered.status).toBe(202);
    expect(redelivered.body).toMatchObject({ id: first.id, status: 'pending', attempt_count: 2 });
    expect(redelivered.body.attempts).toHaveLength(2);
    expect(Math.abs(Date.parse(redelivered.body.next_attempt_at ?? '') - Date.now())).toBeLessThan(60_000);
    const other = await endpoint('/admin', ['*']);
    expect(
      (
        await api.request<Problem>(
          'POST',
          `/admin/webhook-endpoints/${other.id}/deliveries/${first.id}/redeliver`,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await api.request<Problem>(
          'POST',
          `/seller/webhook-endpoints/${ep.id}/deliveries/${first.id}/redeliver`,
        )
      ).status,
    ).toBe(404);
    await api.request('PATCH', `/admin/webhook-endpoints/${ep.id}`, { json: { enabled: false } });
    const disabled = await api.request<Problem>(
      'POST',
      `/admin/webhook-endpoints/${ep.id}/deliveries/${first.id}/redeliver`,
    );
    expect(disabled.body.code).toBe('invalid_state');
    await api.request('DELETE', `/admin/webhook-endpoints/${ep.id}`);
    await api.request('DELETE', `/admin/webhook-endpoints/${other.id}`);
    expect(await deliveriesOf(ep.id)).toEqual([]);
  });
});
