/**
 * Delays before retries 1…12 (seconds): quick at first for blips, then hours apart. They add up to
 * about 3 days; the endpoint is disabled when failing that long (WEBHOOK_DISABLE_AFTER_HOURS).
 */
export const RETRY_DELAYS_SEC = [
  60, 300, 1_800, 3_600, 7_200, 14_400, 28_800, 43_200, 43_200, 43_200, 43_200, 43_200,
];

/** Attempts in all: the first one plus one per retry delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_SEC.length + 1;

/**
 * When to try again after `attemptsMade` failed attempts, or null when the schedule is spent.
 * Up to +20% jitter spreads retries of many deliveries that failed together (only upwards, so the whole
 * schedule never ends before the 3-day disable point); `scale` shrinks it (tests run it in ms).
 */
export function nextAttemptAt(
  attemptsMade: number,
  now: Date,
  scale: number,
  random = Math.random,
): Date | null {
  const base = RETRY_DELAYS_SEC[attemptsMade - 1];
  if (base === undefined) return null;
  const jittered = base * (1 + 0.2 * random());
  return new Date(now.getTime() + Math.round(jittered * 1000 * scale));
}
