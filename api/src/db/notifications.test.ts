import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverUrl } from '../../test/support/test-db.js';
import { type Notifications, serverNotifications } from './notifications.js';

const channels = ['souk_test_a', 'souk_test_b', 'souk_test_c'];
const burstChannel = 'souk_test_burst';
// Named, so this test finds (and kills) its own listener, not another test's on the shared server.
const appName = `souk_notifications_test_${process.pid}`;
const listenerUrl = () => {
  const url = new URL(serverUrl ?? '');
  url.searchParams.set('application_name', appName);
  return url.toString();
};

/** Resolves once `wake` has been called `times` times (or rejects after `ms`). */
function counter(ms = 5_000) {
  let count = 0;
  const waiters: Array<{ times: number; resolve: () => void }> = [];
  return {
    wake: () => {
      count++;
      for (const w of waiters) if (count >= w.times) w.resolve();
    },
    get count() {
      return count;
    },
    reach: (times: number) =>
      new Promise<void>((resolve, reject) => {
        if (count >= times) return resolve();
        waiters.push({ times, resolve });
        setTimeout(() => reject(new Error(`woken ${count} times, expected ${times}`)), ms).unref();
      }),
  };
}

/** Subscribes a counter to every channel, all at once (as the loops do at start-up). */
function subscribeAll(notifications: Notifications, ms?: number) {
  return channels.map((ch) => {
    const c = counter(ms);
    notifications.on(ch, c.wake);
    return c;
  });
}

// The server listener is pg's; PGlite's own `listen` is exercised by the embedded bus tests.
describe.skipIf(!serverUrl)('server notifications (postgres)', () => {
  let notifications: Notifications | undefined;
  let admin: pg.Client;
  beforeEach(() => {
    admin = new pg.Client({ connectionString: serverUrl });
  });
  afterEach(async () => {
    await notifications?.close();
    await admin.end().catch(() => {});
  });

  it('listens on channels subscribed at once, one statement at a time, and wakes each', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const deprecate = vi.spyOn(process, 'emitWarning');
    try {
      notifications = serverNotifications(listenerUrl());
      const woken = subscribeAll(notifications);
      await admin.connect();
      // LISTEN is asynchronous to `on`: notify until each channel has been heard once.
      for (const [i, ch] of channels.entries()) {
        const heard = woken[i]?.reach(1);
        const timer = setInterval(() => admin.query(`NOTIFY "${ch}"`).catch(() => {}), 50);
        await heard?.finally(() => clearInterval(timer));
      }
      expect(deprecate.mock.calls.map((c) => String(c[0]))).not.toContainEqual(
        expect.stringContaining('already executing a query'),
      );
      expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      deprecate.mockRestore();
    }
  });

  it('reconnects after its connection is killed, listens again and wakes every listener once', async () => {
    notifications = serverNotifications(listenerUrl());
    const woken = subscribeAll(notifications, 10_000);
    await admin.connect();
    const listening = async () =>
      (
        await admin.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'`,
          [appName],
        )
      ).rows;
    await vi.waitFor(async () => expect((await listening()).length).toBeGreaterThan(0), { timeout: 5_000 });
    const before = (await listening()).map((r) => r.pid);
    const counts = woken.map((w) => w.count);
    await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
    // The reconnect wakes every listener once, for whatever was notified while it was away.
    await Promise.all(woken.map((w, i) => w.reach((counts[i] ?? 0) + 1)));
    // And it listens again: a NOTIFY after the reconnect is heard.
    await vi.waitFor(
      async () => expect((await listening()).some((r) => !before.includes(r.pid))).toBe(true),
      { timeout: 5_000 },
    );
    const after = woken.map((w) => w.count);
    const heard = woken[1]?.reach((after[1] ?? 0) + 1);
    const timer = setInterval(() => admin.query(`NOTIFY "${channels[1]}"`).catch(() => {}), 50);
    await heard?.finally(() => clearInterval(timer));
  });

  it('watch: told of each notification as it arrives, not live from a drop until it listens again', async () => {
    notifications = serverNotifications(listenerUrl(), undefined, { coalesceMs: 10_000 });
    const told = counter(10_000);
    const watch = notifications.watch(channels[2] ?? '', told.wake);
    expect(watch.live()).toBe(false);
    await vi.waitFor(() => expect(watch.live()).toBe(true), { timeout: 5_000 });
    await admin.connect();
    // Two notifications inside the coalescing window: a watcher hears both, not one.
    await admin.query(`NOTIFY "${channels[2]}"`);
    await told.reach(1);
    await admin.query(`NOTIFY "${channels[2]}"`);
    await told.reach(2);

    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'`,
      [appName],
    );
    // Told of the drop (notifications may be lost from now), and not live until it listens again.
    await told.reach(3);
    expect(watch.live()).toBe(false);
    await vi.waitFor(() => expect(watch.live()).toBe(true), { timeout: 10_000 });
    // Told again on the reconnect, for what was missed meanwhile.
    await told.reach(4);
    watch.stop();
  });

  it('turns a burst of notifications into one wake-up at once and one at the end of the window', async () => {
    const windowMs = 1_000;
    notifications = serverNotifications(listenerUrl(), undefined, { coalesceMs: windowMs });
    const woken = counter(10_000);
    notifications.on(burstChannel, woken.wake);
    await admin.connect();
    const heard = woken.reach(1);
    const timer = setInterval(() => admin.query(`NOTIFY "${burstChannel}"`).catch(() => {}), 50);
    await heard.finally(() => clearInterval(timer));
    // Let the window of the notifications sent while LISTEN was being set up pass.
    await new Promise((r) => setTimeout(r, windowMs * 2.5));

    // A lone notification wakes at once, not at the end of a window.
    const lone = woken.count;
    const sent = performance.now();
    await admin.query(`NOTIFY "${burstChannel}"`);
    await woken.reach(lone + 1);
    expect(performance.now() - sent).toBeLessThan(windowMs);
    await new Promise((r) => setTimeout(r, windowMs * 1.5));
    expect(woken.count).toBe(lone + 1);

    // 50 commits' worth at once (distinct payloads: PostgreSQL folds identical ones of a transaction).
    const before = woken.count;
    await admin.query(`SELECT pg_notify($1, g::text) FROM generate_series(1, 50) AS g`, [burstChannel]);
    await woken.reach(before + 1);
    await new Promise((r) => setTimeout(r, windowMs * 1.5));
    expect(woken.count).toBe(before + 2);
  });
});
