import { createRequire } from 'node:module';

/** The parts of kafkajs's per-connection request queue (src/network/requestQueue) this fix touches. */
interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs's own delay before it looks at a waiting request again when nothing else would wake it. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

let applied: boolean | undefined;

/**
 * Stops kafkajs 2.2.x from polling every open broker connection once a millisecond while idle.
 *
 * Its request queue re-schedules its pending-request check after every check, with a delay of
 * `throttledUntil - now`, which is negative when nothing is throttled: each connection (producer,
 * every consumer, their group coordinators) then runs a 1 ms timer for as long as it is open
 * (kafkajs issues 1556, 1604 and 1704; the fixes proposed upstream are unmerged, and 2.2.4 is the
 * last release). An idle API with the Kafka bus woke ~850 times a second and spent ~60 ms of CPU
 * per second doing nothing.
 *
 * The check is only needed while a request waits in the queue: `push` schedules it when it queues
 * one, and a fulfilled request runs it directly. So it is scheduled only then — at the end of the
 * throttle, or after kafkajs's 10 ms when the queue is merely full of in-flight requests.
 * Applied once per process, and only to the queue it was written for (2.2.x); answers whether the
 * fix is in place.
 */
export function fixKafkaRequestQueue(): boolean {
  if (applied !== undefined) return applied;
  const require = createRequire(import.meta.url);
  const { version } = require('kafkajs/package.json') as { version: string };
  const Queue = require('kafkajs/src/network/requestQueue/index.js') as { prototype: RequestQueue };
  applied = version.startsWith('2.2.') && typeof Queue.prototype.scheduleCheckPendingRequests === 'function';
  if (!applied) return false;
  Queue.prototype.scheduleCheckPendingRequests = function (this: RequestQueue) {
    if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
    const untilUnthrottled = this.throttledUntil - Date.now();
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS,
    );
  };
  return true;
}
