import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnv, waitFor } from '../test/support/events.js';
import { connectSocket, type TestSocket } from '../test/support/realtime.js';
import { createPublished } from '../test/support/seller-catalog.js';
import { startTestApi, type TestApi } from '../test/support/test-api.js';
import { type RunningRealtimeServer, serveRealtime } from './realtime-server.js';

let api: TestApi;
let realtime: RunningRealtimeServer;
let socket: TestSocket | undefined;

beforeAll(async () => {
  // The API serves no sockets and consumes nothing: the sockets-only server does both.
  api = await startTestApi({ env: eventEnv({ PLUGINS: 'none', REALTIME_ENABLED: 'false' }) });
  realtime = await serveRealtime(api.db.container, api.db.container.logger, {
    port: 0,
    host: '127.0.0.1',
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 10_000,
  });
}, 120_000);

afterAll(async () => {
  socket?.close();
  await realtime?.shutdown('test');
  await api?.close();
});

describe('sockets-only server (npm run start:realtime)', () => {
  it('answers probes, refuses REST paths with a problem, and delivers what the API commits', async () => {
    expect((await fetch(`${realtime.url}/ready`)).status).toBe(200);
    const rest = await fetch(`${realtime.url}/store/products`);
    expect(rest.status).toBe(404);
    expect(rest.headers.get('content-type')).toBe('application/problem+json');
    expect(await rest.json()).toMatchObject({ status: 404, detail: expect.stringMatching(/real-time/) });

    const product = await createPublished(api);
    const variant = product.variants[0];
    if (!variant) throw new Error('product without variants');
    socket = await connectSocket(realtime.url, '/store');
    expect(await socket.subscribe(`product:${product.id}`)).toMatchObject({ ok: true });
    const write = await api.request('POST', '/seller/inventory', {
      json: { items: [{ variant_id: variant.id, quantity: 31 }] },
    });
    expect(write.status).toBe(200);
    await waitFor('stock message', () =>
      socket?.messages.find((m) => m.event.data.inventory_quantity === 31),
    );
  });
});
