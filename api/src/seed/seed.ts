import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { DocumentStore } from '../documents/index.js';
import { createLogger, type Logger } from '../lib/logger.js';
import { createApiKeyService } from '../modules/auth/index.js';
import { analyzeCatalog, insertCatalog, isCatalogEmpty, lockForSeeding } from '../modules/catalog/index.js';
import { seedContent, seedSellerProfiles } from '../modules/content/index.js';
import { buildDemoCatalog } from './demo-catalog.js';
import { demoContent } from './demo-content.js';
import { attachDemoImages, type DemoMedia } from './demo-images.js';
import { seedDemoKeys } from './demo-keys.js';
import { demoProfiles } from './demo-profiles.js';
import { seedDemoRates } from './demo-rates.js';

export interface SeedResult {
  seeded: boolean;
  counts: Record<string, number>;
  durationMs: number;
  /** Keys created by this run, in full: shown once, never stored. Empty with `keys: 'demo'`. */
  issuedKeys: { name: string; secret: string }[];
}

export interface SeedOptions {
  logger?: Logger;
  productCount?: number;
  /**
   * `demo`: the well-known demo keys (pk_demo_storefront, sk_demo_operator, sk_demo_seller_1..3);
   * `random`: a fresh storefront key and operator key, returned once; `none`: no keys.
   */
  keys?: 'demo' | 'random' | 'none';
  /** Where to store the products' demo images; absent: products without images (most tests). */
  media?: DemoMedia;
  /**
   * Where to publish the themes' default content (home sections, banner, navigation) and the demo
   * sellers' own pages; each document only when missing, so also on a database seeded before.
   * Absent: no content (most tests).
   */
  documents?: DocumentStore;
}

/**
 * Loads the demo catalog (and keys) into an empty database in one transaction; does nothing when the
 * catalog already has data. Logs a progress line per batch when a logger is given.
 */
export async function seedDemo(db: Kysely<Database>, options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  const catalog = buildDemoCatalog(options.productCount);
  const counts = Object.fromEntries(Object.entries(catalog).map(([k, rows]) => [k, rows.length]));
  const issuedKeys: SeedResult['issuedKeys'] = [];
  // Its own transaction: the seed runs at start-up or from its CLI, before any request and its write owner.
  const seeded = await db.transaction().execute(async (trx) => {
    await lockForSeeding(trx);
    if (!(await isCatalogEmpty(trx))) return false;
    if (options.media) {
      const imagesStarted = performance.now();
      counts.images = await attachDemoImages(catalog, options.media);
      const durationMs = Math.round(performance.now() - imagesStarted);
      options.logger?.info({ images: counts.images, duration_ms: durationMs }, 'seed: product images');
    }
    await insertCatalog(trx, catalog, (table, done, total) => {
      options.logger?.info({ table, done, total }, `seed: ${table} ${done}/${total}`);
    });
    await seedDemoRates(
      trx,
      catalog.sellers.map((s) => s.id),
    );
    const apiKeys = createApiKeyService({
      db: trx,
      logger: options.logger ?? createLogger('silent'),
      cacheTtlMs: 0,
    });
    const keys = options.keys ?? 'demo';
    if (keys === 'demo') {
      await seedDemoKeys(
        trx,
        apiKeys,
        catalog.sellers.map((s) => s.id),
      );
    } else if (keys === 'random') {
      for (const [kind, name] of [
        ['publishable', 'Storefront'],
        ['operator', 'Operator'],
      ] as const) {
        const { secret } = await apiKeys.create({ kind, name }, trx);
        issuedKeys.push({ name, secret });
      }
    }
    return true;
  });
  // Statistics before the first listing is planned (see analyzeCatalog).
  if (seeded) await analyzeCatalog(db);
  if (options.documents) {
    // Hero and banner images are demo product pictures, named even when this run stored none (a store
    // seeded before has them already; without media the blocks are drawn without a picture).
    const images = options.media ? { catalog, publicUrl: options.media.publicUrl } : undefined;
    counts.content = await seedContent(options.documents, demoContent(images));
    counts.profiles = await seedSellerProfiles(options.documents, demoProfiles(catalog.sellers));
  }
  return { seeded, counts, durationMs: Math.round(performance.now() - started), issuedKeys };
}
