import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnv } from '../../../test/support/events.js';
import { connectSocket, type TestSocket } from '../../../test/support/realtime.js';
import { buyableVariants, checkout, readyCart } from '../../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { components } from '../../generated/openapi.js';
import { createOrderWatch } from './realtime.watch.js';

type Order = components['schemas']['Order'];

let api: TestApi;
const sockets: TestSocket[] = [];
let orders: [Order, Order];

beforeAll(async () => {
  api = await startTestApi({ env: eventEnv({ PLUGINS: 'none', REALTIME_ENABLED: 'true' }) });
  const variants = buyableVariants('atlas-outfitters', 3);
  const place = async (variantId: string) =>
    (await checkout(api, (await readyCart(api, [{ variantId, quantity: 1 }])).id)).body;
  orders = [await place(variants[0]?.id ?? ''), await place(variants[1]?.id ?? '')];
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await api?.close();
});

async function join(room: string, token: string) {
  const s = await connectSocket(api.url, '/store');
  sockets.push(s);
  return s.subscribe(room, { token });
}

describe('order watch tokens', () => {
  it("open their own order's room, and no other", async () => {
    const [mine, other] = orders;
    const watch = api.db.container.orderWatch;
    const token = await watch.sign(mine.id);
    expect(token).toMatch(/^ow_\d+_[A-Za-z0-9_-]{43}$/);
    expect(await join(`order:${mine.id}`, token)).toMatchObject({ ok: true });
    // Another order's valid token is the same answer as a wrong one, as for access tokens.
    expect(await join(`order:${other.id}`, token)).toMatchObject({ ok: false, code: 'not_found' });
    // And a watch token is not an access token: it reads no order over HTTP.
    const read = await api.get(`/store/orders/${mine.id}`, { headers: { 'x-order-token': token } });
    expect(read.status).toBe(404);
  });

  it('refuse an expired, altered or malformed token', async () => {
    const [mine] = orders;
    const db = api.db.container.database.db;
    // Signed with the same database key two days ago: expired a day since.
    const old = await createOrderWatch({ db, now: () => Date.now() - 2 * 86_400_000 }).sign(mine.id);
    const token = await api.db.container.orderWatch.sign(mine.id);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const later = token.replace(/^ow_(\d+)_/, (_, exp: string) => `ow_${Number(exp) + 60}_`);
    for (const bad of [old, altered, later, 'ow_1_x', `${token}x`]) {
      expect(await api.db.container.orderWatch.verify(mine.id, bad)).toBe(false);
      expect(await join(`order:${mine.id}`, bad)).toMatchObject({ ok: false, code: 'not_found' });
    }
    expect(await api.db.container.orderWatch.verify(mine.id, token)).toBe(true);
  });

  it('verify on another instance of the same database (one key, kept in it)', async () => {
    const [mine] = orders;
    const token = await api.db.container.orderWatch.sign(mine.id);
    const elsewhere = createOrderWatch({ db: api.db.container.database.db });
    expect(await elsewhere.verify(mine.id, token)).toBe(true);
  });
});
