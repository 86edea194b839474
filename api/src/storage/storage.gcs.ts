import { Storage } from '@google-cloud/storage';
import { assertKey, assertPrefix, type ObjectStorage } from './storage.js';

/** Options of the Cloud Storage adapter. */
export interface GcsStorageOptions {
  bucket: string;
  /** Emulator or private endpoint (e.g. fake-gcs-server at `http://127.0.0.1:4443`); unset: Google's. */
  apiEndpoint?: string | undefined;
  projectId?: string | undefined;
  /** Prefix of every key in the bucket (e.g. `souk/`), so one bucket can serve several deployments. */
  keyPrefix?: string;
}

const isNotFound = (err: unknown) => (err as { code?: number }).code === 404;

/**
 * Google Cloud Storage adapter. Credentials come from the environment (Application Default
 * Credentials); with `apiEndpoint` set the client talks to that endpoint without credentials, as an
 * emulator expects. Uploads are single requests (`resumable: false`): objects are at most a few MB.
 */
export function createGcsStorage(options: GcsStorageOptions): ObjectStorage {
  const client = new Storage({
    ...(options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {}),
    ...(options.projectId ? { projectId: options.projectId } : {}),
  });
  const bucket = client.bucket(options.bucket);
  const base = options.keyPrefix ?? '';
  const file = (key: string) => {
    assertKey(key);
    return bucket.file(base + key);
  };
  const storage: ObjectStorage = {
    kind: 'gcs',
    async put(key, data, { contentType }) {
      // A single-request upload replaces the object atomically: readers see the old or the new one.
      await file(key).save(data, { contentType, resumable: false, validation: 'md5' });
    },
    async get(key) {
      const handle = file(key);
      try {
        const [[data], [meta]] = await Promise.all([handle.download(), handle.getMetadata()]);
        return { data, contentType: meta.contentType ?? 'application/octet-stream' };
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async exists(key) {
      const [found] = await file(key).exists();
      return found;
    },
    async delete(key) {
      await file(key).delete({ ignoreNotFound: true });
    },
    async list(prefix) {
      assertPrefix(prefix);
      const [files] = await bucket.getFiles({ prefix: base + prefix, autoPaginate: true });
      return files.map((f) => f.name.slice(base.length)).sort();
    },
    async entries(prefix) {
      assertPrefix(prefix);
      const [files] = await bucket.getFiles({ prefix: base + prefix, autoPaginate: true });
      return files
        .map((f) => ({
          key: f.name.slice(base.length),
          // `updated` is the object's last write (a put replaces the object, so it moves).
          updatedAt: new Date(f.metadata.updated ?? f.metadata.timeCreated ?? 0),
        }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    async deletePrefix(prefix) {
      const keys = await storage.list(prefix);
      await Promise.all(keys.map((k) => storage.delete(k)));
      return keys.length;
    },
    close: async () => {},
  };
  return storage;
}
