/**
 * Preloaded into an API by a bench tool (`--import ./bench/alloc-sampler.ts`): each SIGUSR2 starts or
 * stops V8's sampling heap profiler, garbage included, and a stop writes the window's profile to
 * `$ALLOC_SAMPLE_DIR/alloc-<pid>-<n>.heapprofile`. `--heap-prof` would keep only the objects still alive
 * at exit; what a request costs the collector is mostly what died young, so it is kept here too.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const session = new Session();
session.connect();
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))),
  );

let sampling = false;
let windows = 0;
await post('HeapProfiler.enable');
process.on('SIGUSR2', () => {
  sampling = !sampling;
  const step = sampling
    ? post('HeapProfiler.startSampling', {
        samplingInterval: 16_384,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      })
    : post('HeapProfiler.stopSampling').then((result) => {
        const file = join(
          process.env.ALLOC_SAMPLE_DIR ?? '.',
          `alloc-${process.pid}-${++windows}.heapprofile`,
        );
        // Renamed into place, so a reader waiting for the file never reads it half written.
        writeFileSync(`${file}.part`, JSON.stringify((result as { profile: unknown }).profile));
        renameSync(`${file}.part`, file);
      });
  step.catch((err: unknown) => process.stderr.write(`alloc-sampler: ${String(err)}\n`));
});
