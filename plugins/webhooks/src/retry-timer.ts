/** One timer for the earliest retry a worker scheduled (see `createRetryTimer`). */
export interface RetryTimer {
  /** Asks for a wake-up at `at`; an earlier one already set covers it. */
  wakeAt(at: Date): void;
  clear(): void;
}

/**
 * Calls `wake` when the earliest retry asked for comes due, so a worker does not wait for its safety
 * poll (up to its period late). One timer, not one per retry: the round it starts claims every due
 * delivery, and the retries after it are found by that round or by a later wake-up.
 */
export function createRetryTimer(wake: () => void): RetryTimer {
  let timer: NodeJS.Timeout | undefined;
  let due = Number.POSITIVE_INFINITY;
  return {
    wakeAt(at) {
      if (at.getTime() >= due) return;
      clearTimeout(timer);
      due = at.getTime();
      timer = setTimeout(
        () => {
          due = Number.POSITIVE_INFINITY;
          wake();
        },
        Math.max(0, due - Date.now()),
      );
      timer.unref();
    },
    clear() {
      clearTimeout(timer);
    },
  };
}
