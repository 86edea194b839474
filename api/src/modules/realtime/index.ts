/** Public surface of the real-time module: the Socket.IO server fed by the event bus. */
export type { RealtimeProblem } from './realtime.auth.js';
export {
  announceCartChange,
  CART_CHANGED,
  CART_LINES_CHANGED,
  type CartMessage,
} from './realtime.carts.js';
export type { RealtimeEnvelope, RealtimeMessage } from './realtime.rooms.js';
export {
  createRealtime,
  MAX_CLIENT_MESSAGE_BYTES,
  REALTIME_GROUP,
  type Realtime,
} from './realtime.server.js';
export type { SubscribeAck } from './realtime.subscribe.js';
export { createOrderWatch, type OrderWatch } from './realtime.watch.js';
