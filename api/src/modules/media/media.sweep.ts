import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../lib/logger.js';
import { mediaOrphansRemoved, mediaSweeps } from '../../observability/metrics.js';
import type { ObjectStorage } from '../../storage/index.js';
import { sweepStoredImage } from './media.cleanup.js';
import * as repo from './media.repository.js';

type Db = Kysely<Database>;

/** A content-addressed image folder (see mediaKeys): `images/<32 hex>/`. */
const FOLDER = /^(images\/([0-9a-f]{32})\/)/;
/** Candidate folders checked against `product_image_files` per query. */
const BATCH = 500;

/** What one sweep saw and did. */
export interface OrphanSweepResult {
  /** Image folders in storage. */
  folders: number;
  /** Unreferenced folders spared because something was written in them within the grace age. */
  fresh: number;
  /** Folders removed (no product named them, checked again under the folder's lock). */
  removedFolders: number;
  /** Objects removed (originals and renditions). */
  removedObjects: number;
}

/**
 * Removes the stored files of every picture (`images/<hash>/`) that no product's images name: what a
 * failed after-commit clean-up left behind. A folder is spared while any of its files is younger than
 * `graceMs` (a rendition being written for a request that raced the last reference going); the
 * removal itself is sweepStoredImage, which checks again under the folder's advisory lock that an
 * upload holds until it commits, so an upload of the same picture is either seen or stores its files
 * again. Folders of releases before content addressing (`products/<id>/<hash>/`) are left alone:
 * they move to their content address when read.
 */
export async function sweepOrphanedImages({
  db,
  storage,
  graceMs,
  now = () => new Date(),
}: {
  db: Db;
  storage: ObjectStorage;
  graceMs: number;
  now?: () => Date;
}): Promise<OrphanSweepResult> {
  const newest = new Map<string, { hash: string; at: number }>();
  for (const { key, updatedAt } of await storage.entries('images/')) {
    const m = FOLDER.exec(key);
    if (!m?.[1] || !m[2]) continue;
    const seen = newest.get(m[1]);
    if (!seen || seen.at < updatedAt.getTime()) newest.set(m[1], { hash: m[2], at: updatedAt.getTime() });
  }
  const result: OrphanSweepResult = { folders: newest.size, fresh: 0, removedFolders: 0, removedObjects: 0 };
  const cutoff = now().getTime() - graceMs;
  const folders = [...newest.keys()];
  for (let i = 0; i < folders.length; i += BATCH) {
    const batch = folders.slice(i, i + BATCH);
    const referenced = await repo.referencedAmong(db, batch);
    for (const folder of batch) {
      const found = newest.get(folder);
      if (!found || referenced.has(folder)) continue;
      if (found.at > cutoff) {
        result.fresh++;
        continue;
      }
      const removed = await sweepStoredImage({ db, storage }, found.hash);
      if (removed > 0) {
        result.removedFolders++;
        result.removedObjects += removed;
      }
    }
  }
  return result;
}

/** The periodic sweep: `close()` stops it and waits for a sweep under way. */
export interface OrphanSweeper {
  /** Runs one sweep now (after any under way), as the timer does. */
  runOnce(): Promise<OrphanSweepResult | undefined>;
  close(): Promise<void>;
}

/**
 * Runs sweepOrphanedImages every `intervalMs` (0: never), the first time one interval after start:
 * short-lived processes (tests, one-off commands) never list the bucket, and replicas started
 * together do not sweep together. Sweeps never overlap. Each logs one line and counts
 * `souk_media_sweeps_total` / `souk_media_orphan_objects_removed_total`; a failure is logged and the
 * next interval tries again.
 */
export function createOrphanSweeper({
  db,
  storage,
  logger,
  intervalMs,
  graceMs,
}: {
  db: Db;
  storage: ObjectStorage;
  logger: Logger;
  intervalMs: number;
  graceMs: number;
}): OrphanSweeper {
  let running: Promise<OrphanSweepResult | undefined> = Promise.resolve(undefined);
  const sweepOnce = async (): Promise<OrphanSweepResult | undefined> => {
    const started = Date.now();
    try {
      const result = await sweepOrphanedImages({ db, storage, graceMs });
      mediaSweeps.inc({ result: 'ok' });
      mediaOrphansRemoved.inc(result.removedObjects);
      logger.info(
        { ...result, storage: storage.kind, ms: Date.now() - started },
        'media: swept orphaned image files',
      );
      return result;
    } catch (err) {
      mediaSweeps.inc({ result: 'failed' });
      logger.warn({ err, storage: storage.kind }, 'media: sweep of orphaned image files failed');
      return undefined;
    }
  };
  const runOnce = () => {
    running = running.then(sweepOnce);
    return running;
  };
  let busy = false;
  const tick = () => {
    // A sweep slower than the interval: skip this tick rather than queue sweeps behind it.
    if (busy) return;
    busy = true;
    void runOnce().finally(() => {
      busy = false;
    });
  };
  const timer = intervalMs > 0 ? setInterval(tick, intervalMs) : undefined;
  timer?.unref();
  return {
    runOnce,
    async close() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
