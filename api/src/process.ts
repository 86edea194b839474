import { type Config, ConfigError } from './config.js';
import type { Logger } from './lib/logger.js';

/**
 * Loads the configuration of a process named `name` (e.g. `souk-api`). A bad value is the operator's
 * to fix, not a crash: it prints `name: <why>` and exits 2, without a stack.
 */
export function loadConfigOrExit(name: string, load: () => Config): Config {
  try {
    return load();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${name}: ${err.message}\n`);
    process.exit(2);
  }
}

/**
 * On the first SIGTERM or SIGINT runs `stop` (close the server, then what it holds) and exits 0;
 * exits 1 with the error logged when stopping fails.
 */
export function stopOnSignals(logger: Logger, stop: (signal: NodeJS.Signals) => Promise<void>): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stop(signal).then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

/** Runs a process's `main`; if it fails, prints `name: failed to start: <stack>` and exits 1. */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(
      `${name}: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
