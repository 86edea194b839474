'use client';

import { createRealtimeClient, type RealtimeClient } from '@souk/sdk';
import { useEffect, useRef, useState } from 'react';

/** Where the browser reaches the API's Socket.IO endpoint, and the publishable key to connect with. */
export interface LiveConnection {
  apiUrl: string;
  publishableKey: string;
}

let shared: { key: string; client: RealtimeClient<'store'> } | undefined;

/** One connection per page, shared by every live component on it. */
function clientFor(connection: LiveConnection): RealtimeClient<'store'> {
  const key = `${connection.apiUrl} ${connection.publishableKey}`;
  if (shared?.key !== key) {
    shared?.client.close();
    shared = {
      key,
      client: createRealtimeClient({
        baseUrl: connection.apiUrl,
        namespace: 'store',
        apiKey: connection.publishableKey,
      }),
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
      .subscribe(room, (event) => handler.current(event as never), token ? { token } : {})
      .then(
        (sub) => {
          if (cancelled) sub.unsubscribe();
          else {
            stop = () => sub.unsubscribe();
            setLive(true);
          }
        },
        (err: unknown) => console.warn(`bazaar: live updates for ${room} unavailable`, err),
      );
    return () => {
      cancelled = true;
      stop?.();
      setLive(false);
    };
  }, [apiUrl, publishableKey, room, token]);
  return live;
}
