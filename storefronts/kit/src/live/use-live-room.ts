'use client';

import type { RealtimeClient } from '@souk/sdk';
import { useEffect, useRef, useState } from 'react';

/** Where the browser reaches the API's Socket.IO endpoint, and the publishable key to connect with. */
export interface LiveConnection {
  apiUrl: string;
  publishableKey: string;
}

let shared: { key: string; client: Promise<RealtimeClient<'store'>> } | undefined;

/**
 * Resolves once the page has loaded and the browser is idle. Live updates are an enhancement: the
 * realtime client (Socket.IO, ~16 KB gzipped) and its connection wait until the page is interactive,
 * instead of competing with hydration and the pictures while it loads.
 */
function afterLoad(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () =>
      'requestIdleCallback' in window
        ? requestIdleCallback(() => resolve(), { timeout: 3000 })
        : setTimeout(resolve, 1);
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  });
}

/** What a person does on a page and a crawler or a page-speed audit does not. */
const PRESENCE = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;
/** With no such sign, live updates start anyway this long after the page opened (someone reading). */
const LIVE_START_ANYWAY_MS = 10_000;

/**
 * Resolves on the first sign of a person (pointer, key, touch, scroll) or after LIVE_START_ANYWAY_MS.
 * A socket held open for every visit also served crawlers, bounced visits and link previews; and on a
 * phone the client's download, start-up and polling handshake ran while the page was still becoming
 * interactive (Lighthouse: +17 KB of JavaScript and the slowest tasks after hydration on product and
 * cart pages). As before, a change made between the page's render and the connection shows with the
 * next event or a reload.
 */
function somebodyThere(): Promise<void> {
  return new Promise((resolve) => {
    const options = { capture: true, passive: true } as const;
    const start = () => {
      for (const type of PRESENCE) window.removeEventListener(type, start, options);
      clearTimeout(timer);
      resolve();
    };
    for (const type of PRESENCE) window.addEventListener(type, start, options);
    const timer = setTimeout(start, LIVE_START_ANYWAY_MS);
  });
}

/** One connection per page, shared by every live component on it (its code loaded on first use). */
function clientFor(connection: LiveConnection): Promise<RealtimeClient<'store'>> {
  const key = `${connection.apiUrl} ${connection.publishableKey}`;
  if (shared?.key !== key) {
    void shared?.client.then((c) => c.close());
    shared = {
      key,
      client: Promise.all([afterLoad(), somebodyThere()])
        // Only the realtime client: without the hint the chunk carries the whole SDK (+10 KB gzipped).
        .then(() => import(/* webpackExports: ["createRealtimeClient"] */ '@souk/sdk'))
        .then(({ createRealtimeClient }) =>
          createRealtimeClient({
            baseUrl: connection.apiUrl,
            namespace: 'store',
            apiKey: connection.publishableKey,
          }),
        ),
    };
  }
  return shared.client;
}

type StoreRoom = Parameters<RealtimeClient<'store'>['subscribe']>[0];

/**
 * Subscribes to a room while the component is mounted and calls `onEvent` with each event. Returns
 * whether the room is live (subscribed); live updates are an enhancement, so a failure only logs.
 */
export function useLiveRoom<R extends StoreRoom>(
  connection: LiveConnection,
  room: R,
  onEvent: Parameters<RealtimeClient<'store'>['subscribe']>[1],
  token?: string,
): boolean {
  const [live, setLive] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const { apiUrl, publishableKey } = connection;
  useEffect(() => {
    let cancelled = false;
    let stop: (() => void) | undefined;
    clientFor({ apiUrl, publishableKey })
      .then((client) => {
        if (cancelled) return undefined;
        return client.subscribe(room, (event) => handler.current(event as never), token ? { token } : {});
      })
      .then(
        (sub) => {
          if (!sub) return;
          if (cancelled) sub.unsubscribe();
          else {
            stop = () => sub.unsubscribe();
            setLive(true);
          }
        },
        (err: unknown) => console.warn(`live updates for ${room} unavailable`, err),
      );
    return () => {
      cancelled = true;
      stop?.();
      setLive(false);
    };
  }, [apiUrl, publishableKey, room, token]);
  return live;
}
