import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { keptOnceLoaded } from '../../lib/kept.js';
import { orderWatchKey } from './realtime.repository.js';

/** How long a watch token opens its order's room: a day, longer than an order page stays open. */
const TTL_S = 86_400;
const TOKEN = /^ow_(\d{1,12})_([A-Za-z0-9_-]{43})$/;

/**
 * Order watch tokens: a signed-in shopper's pass to one order's real-time room, handed out with
 * `GET /store/customers/me/orders/{orderId}`. A theme's browser holds neither the order's access
 * token (another browser placed the order) nor the shopper's credential (an httpOnly session cookie,
 * on purpose); this token opens that one room and nothing else, for a day. It is
 * `ow_<expiry, unix seconds>_<HMAC-SHA256 of the order id and expiry, base64url>`, keyed with the
 * database's own key (migration 0022), so every API and real-time instance on the database verifies
 * what any of them signed; nothing is stored per token.
 */
export function createOrderWatch({ db, now = Date.now }: { db: Kysely<Database>; now?: () => number }) {
  // Read on first use (the container is built before migrations run), then kept; a failed read is
  // asked again next time.
  const keyOf = keptOnceLoaded(() => orderWatchKey(db, randomBytes(32)));
  const mac = async (orderId: string, exp: number) =>
    createHmac('sha256', await keyOf())
      .update(`order-watch/${orderId}/${exp}`)
      .digest('base64url');
  const seconds = () => Math.floor(now() / 1000);

  return {
    /** A token that opens `orderId`'s room for the next day. */
    async sign(orderId: string): Promise<string> {
      const exp = seconds() + TTL_S;
      return `ow_${exp}_${await mac(orderId, exp)}`;
    },
    /** Whether `token` is a watch token of `orderId` that has not expired. */
    async verify(orderId: string, token: string): Promise<boolean> {
      const match = TOKEN.exec(token);
      if (!match) return false;
      const exp = Number(match[1]);
      if (exp <= seconds()) return false;
      const expected = Buffer.from(await mac(orderId, exp));
      const given = Buffer.from(match[2] ?? '');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

export type OrderWatch = ReturnType<typeof createOrderWatch>;
