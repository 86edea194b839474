import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { createDiskStorage } from './storage.disk.js';
import type { ObjectStorage } from './storage.js';

/**
 * The storage the configuration names: the `GCS_BUCKET` bucket when set, else files under `MEDIA_DIR`.
 * The Cloud Storage adapter (and its client library) is imported only when named.
 */
export async function createConfiguredStorage(config: Config): Promise<ObjectStorage> {
  if (config.GCS_BUCKET) {
    const { createGcsStorage } = await import('./storage.gcs.js');
    return createGcsStorage({
      bucket: config.GCS_BUCKET,
      apiEndpoint: config.GCS_API_ENDPOINT,
      projectId: config.GCS_PROJECT_ID,
      keyPrefix: config.GCS_KEY_PREFIX,
    });
  }
  return createDiskStorage({ root: resolve(config.MEDIA_DIR) });
}
