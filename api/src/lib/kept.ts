/**
 * `load`, run on the first call and its promise kept for the life of the process, so concurrent and
 * later callers share one result; a load that fails is forgotten, so the next call tries again (a key
 * read before the database was reachable, a build that met a passing outage).
 */
export function keptOnceLoaded<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    kept ??= load().catch((err: unknown) => {
      kept = undefined;
      throw err;
    });
    return kept;
  };
}
