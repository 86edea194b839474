import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../lib/logger.js';
import { mediaOrphansRemoved, mediaSweeps } from '../../observability/metrics.js';
import type { ObjectStorage } from '../../storage/index.js';
import { sweepLegacyImage, sweepStoredImage } from './media.cleanup.js';
import { mediaKeys } from './media.keys.js';
import * as repo from './media.repository.js';

type Db = Kysely<Database>;

/** A content-addressed image folder (see mediaKeys): `images/<32 hex>/`. */
const FOLDER = /^(images\/([0-9a-f]{32})\/)/;
/** A folder of a release before content addressing (see legacyMediaFolder): `products/<id>/<32 hex>/`. */
const LEGACY_FOLDER = /^(products\/(prod_[0-9a-z]+)\/([0-9a-f]{32})\/)/;
/** Candidate folders checked against `product_image_files` per query. */
const BATCH = 500;

/** What one sweep saw and did. */
export interface OrphanSweepResult {
  /** Image folders in storage (content-addressed and pre-content-addressing ones). */
  folders: number;
  /** Unreferenced folders spared because something was written in them within the grace age. */
  fresh: number;
  /** Folders removed (no product named them, checked again under the folder's lock). */
  removedFolders: number;
  /** Objects removed (originals and renditions). */
  removedObjects: number;
}

interface Folder {
  /** The picture's content hash. */
  hash: string;
  /** Pre-content-addressing folders: the product id in the folder's name (lower case). */
  productId?: string;
  /** The newest write in the folder (ms). */
  at: number;
}

/** Each folder under `prefix` that `pattern` names (group 1: the folder), with its newest write. */
async function foldersUnder(storage: ObjectStorage, prefix: string, pattern: RegExp) {
  const newest = new Map<string, Folder>();
  for (const { key, updatedAt } of await storage.entries(prefix)) {
    const m = pattern.exec(key);
    if (!m?.[1]) continue;
    const at = updatedAt.getTime();
    const [hash, productId] = m.length > 3 ? [m[3], m[2]] : [m[2], undefined];
    const seen = newest.get(m[1]);
    if (hash && (!seen || seen.at < at)) newest.set(m[1], { hash, at, ...(productId ? { productId } : {}) });
  }
  return newest;
}

/**
 * Removes the stored files of every picture that no product's images name: what a failed after-commit
 * clean-up left behind. Content-addressed folders (`images/<hash>/`) go once no product names them;
 * folders of releases before content addressing (`products/<id>/<hash>/`, moved to their content
 * address on first read) go once no product shows the picture under that product's URL, so a picture
 * deleted before it was ever read again does not stay in storage for good. A folder is spared while
 * any of its files is younger than `graceMs` (a rendition being written for a request that raced the
 * last reference going); the removal itself (sweepStoredImage, sweepLegacyImage) checks again under
 * the picture's advisory lock that an upload holds until it commits, so an upload of the same picture
 * is either seen or stores its files again.
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
  const current = await foldersUnder(storage, 'images/', FOLDER);
  const legacy = await foldersUnder(storage, 'products/', LEGACY_FOLDER);
  const result: OrphanSweepResult = {
    folders: current.size + legacy.size,
    fresh: 0,
    removedFolders: 0,
    removedObjects: 0,
  };
  const cutoff = now().getTime() - graceMs;
  const sweepEach = async (
    folders: Map<string, Folder>,
    named: (batch: Folder[]) => Promise<(found: Folder) => boolean>,
    remove: (found: Folder) => Promise<number>,
  ) => {
    const all = [...folders.values()];
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH);
      const isNamed = await named(batch);
      for (const found of batch) {
        if (isNamed(found)) continue;
        if (found.at > cutoff) {
          result.fresh++;
          continue;
        }
        const removed = await remove(found);
        if (removed > 0) {
          result.removedFolders++;
          result.removedObjects += removed;
        }
      }
    }
  };
  await sweepEach(
    current,
    async (batch) => {
      const referenced = await repo.referencedAmong(
        db,
        batch.map((f) => mediaKeys(f.hash).folder),
      );
      return (found) => referenced.has(mediaKeys(found.hash).folder);
    },
    (found) => sweepStoredImage({ db, storage }, found.hash),
  );
  await sweepEach(
    legacy,
    async (batch) => {
      const served = await repo.servedAmong(
        db,
        batch.map((f) => mediaKeys(f.hash).folder),
      );
      return (found) => served.has(`${found.productId} ${mediaKeys(found.hash).folder}`);
    },
    (found) => sweepLegacyImage({ db, storage }, found.productId ?? '', found.hash),
  );
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
