/** A background loop (relay, delivery worker): start, stop after the round in flight, wake early. */
export interface Loop {
  start(): void;
  stop(): Promise<void>;
}

export interface LoopOptions {
  /** Pause after a round that found nothing to do. */
  idleMs: number;
  /** Pause after a round that threw, given how many threw in a row (report the error here). */
  onError(err: unknown, failuresInRow: number): number;
  /** Called by the first round that works again after failures. */
  onRecovered?(failuresInRow: number): void;
}

/**
 * Runs `round` until stopped: again at once when it reports more work (`true`), after `idleMs`
 * when it found none, after `onError`'s delay when it threw.
 */
export function createLoop(round: () => Promise<boolean>, options: LoopOptions): Loop {
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function run(): Promise<void> {
    let failures = 0;
    while (running) {
      let busy: boolean;
      try {
        busy = await round();
        if (failures > 0) options.onRecovered?.(failures);
        failures = 0;
      } catch (err) {
        failures++;
        await pause(options.onError(err, failures));
        continue;
      }
      if (!busy && running) await pause(options.idleMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
