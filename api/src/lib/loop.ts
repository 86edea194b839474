/** A background loop (relay, delivery worker): start, stop after the round in flight, wake early. */
export interface Loop {
  start(): void;
  stop(): Promise<void>;
  /**
   * Runs the next round now (a wake-up: new work was announced). During a round it makes the loop go
   * again right after it instead of pausing, so an announcement is never lost.
   */
  wake(): void;
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
  let woken = false;
  // Only an idle pause ends on a wake-up: a back-off after errors keeps its length.
  let idle = false;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        wake = undefined;
        clearTimeout(timer);
        resolve();
      };
    });

  async function run(): Promise<void> {
    let failures = 0;
    while (running) {
      let busy: boolean;
      woken = false;
      try {
        busy = await round();
        if (failures > 0) options.onRecovered?.(failures);
        failures = 0;
      } catch (err) {
        failures++;
        idle = false;
        await pause(options.onError(err, failures));
        continue;
      }
      if (!busy && running && !woken) {
        idle = true;
        await pause(options.idleMs);
        idle = false;
      }
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
    wake() {
      woken = true;
      if (idle) wake?.();
    },
  };
}
