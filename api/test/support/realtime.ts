import { io, type Socket } from 'socket.io-client';
import { DEMO_KEYS } from '../../src/modules/auth/index.js';
import type { RealtimeMessage, RealtimeProblem, SubscribeAck } from '../../src/modules/realtime/index.js';

/** A connected Socket.IO client and every `event` message it received. */
export interface TestSocket {
  socket: Socket;
  messages: RealtimeMessage[];
  subscribe(room: string, extra?: { since?: string; token?: string }): Promise<SubscribeAck>;
  close(): void;
}

/**
 * Connects a real `socket.io-client` to a namespace of a running API (WebSocket only, no automatic
 * reconnection); rejects with the `connect_error` problem when the handshake is refused.
 */
export function connectSocket(
  url: string,
  namespace: '/store' | '/seller',
  auth: Record<string, string> = {
    key: namespace === '/store' ? DEMO_KEYS.storefront : DEMO_KEYS.sellers[0],
  },
): Promise<TestSocket> {
  const socket = io(`${url}${namespace}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const messages: RealtimeMessage[] = [];
  socket.on('event', (m: RealtimeMessage) => messages.push(m));
  return new Promise((resolve, reject) => {
    socket.once('connect', () =>
      resolve({
        socket,
        messages,
        subscribe: (room, extra = {}) => socket.timeout(10_000).emitWithAck('subscribe', { room, ...extra }),
        close: () => socket.disconnect(),
      }),
    );
    socket.once('connect_error', (err: Error & { data?: RealtimeProblem }) => {
      socket.disconnect();
      reject(Object.assign(new Error(err.message), { data: err.data }));
    });
  });
}
