import { LRUCache } from 'lru-cache';
import { CHANNELS, type Notifications } from '../../db/notifications.js';

/** Options of createServedAsCache. */
export interface ServedAsCacheOptions {
  /** The database's notifications; without them (or with `enabled` false) every check is asked. */
  notifications?: Pick<Notifications, 'watch'> | undefined;
  enabled?: boolean;
  maxEntries?: number;
  /**
   * Longest time a verdict is kept. A bound for the one failure a notification cannot report: a
   * listening connection that dies without closing (no error, no end), so nothing says it is deaf.
   */
  ttlMs?: number;
}

/**
 * "This plain picture URL may serve" verdicts, in process, so a storefront's pictures do not ask
 * PostgreSQL on every request. Only yes is kept (a 404 is asked every time, and nothing an unknown
 * URL asks is stored). Every API instance LISTENs on `souk_media_visibility`, which triggers notify
 * in the transaction that can take a URL away (migration 0020): each notification drops every
 * verdict at once, as it arrives. Verdicts are used only while the listening connection is up; when
 * it drops, they are dropped and every check is asked until it listens again. A verdict asked across
 * a notification (or a drop) is not kept: its answer may predate the change.
 */
export function createServedAsCache({
  notifications,
  enabled = true,
  maxEntries = 10_000,
  ttlMs = 10_000,
}: ServedAsCacheOptions) {
  const verdicts = new LRUCache<string, true>({ max: maxEntries, ttl: ttlMs });
  // Moves on every notification and drop: an answer asked in an older generation is not kept.
  let generation = 0;
  const watch = enabled
    ? notifications?.watch(CHANNELS.mediaVisibility, () => {
        generation++;
        verdicts.clear();
      })
    : undefined;
  return {
    /** Whether the URL (`key`) serves: from memory when kept, else `ask` (kept when yes). */
    async check(key: string, ask: () => Promise<boolean>): Promise<boolean> {
      if (!watch?.live()) return ask();
      if (verdicts.get(key)) return true;
      const started = generation;
      const yes = await ask();
      if (yes && generation === started && watch.live()) verdicts.set(key, true);
      return yes;
    },
    /** Verdicts kept now. */
    size: () => verdicts.size,
    stop: () => watch?.stop(),
  };
}
