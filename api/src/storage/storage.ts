/** What the storage port keeps for one object. */
export interface StoredObject {
  data: Buffer;
  contentType: string;
}

/** One stored object as a listing sees it: its key and when it was last written. */
export interface StoredEntry {
  key: string;
  updatedAt: Date;
}

/**
 * The storage port: named binary objects (product image originals and their rendered variants).
 * Keys are relative paths of lower-case letters, digits, `.`, `_`, `-` and `/` separators, with no
 * empty, `.` or `..` segment: the same key means the same object on disk and in a bucket.
 */
export interface ObjectStorage {
  /** Which adapter this is (`disk` or `gcs`), for logs and health. */
  readonly kind: 'disk' | 'gcs';
  /** Stores `data` under `key`, replacing what was there; readers see the old or the new object, never a part. */
  put(key: string, data: Buffer, options: { contentType: string }): Promise<void>;
  /** The object under `key`, or undefined when there is none. */
  get(key: string): Promise<StoredObject | undefined>;
  /** True when an object is stored under `key`. */
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Keys that start with `prefix` (a key or a folder ending in `/`), sorted. */
  list(prefix: string): Promise<string[]>;
  /** Like `list`, with each object's last write time (for sweeps that must spare fresh files). */
  entries(prefix: string): Promise<StoredEntry[]>;
  /** Removes every object whose key starts with `prefix`; answers how many went. */
  deletePrefix(prefix: string): Promise<number>;
  close(): Promise<void>;
}

const KEY = /^[a-z0-9._-]+(\/[a-z0-9._-]+)*$/;

/** Throws unless `key` is a storage key (see ObjectStorage): the disk adapter relies on it to stay in its folder. */
export function assertKey(key: string): void {
  if (key.length > 512 || !KEY.test(key) || key.split('/').some((s) => s === '.' || s === '..')) {
    throw new TypeError(`not a storage key: ${JSON.stringify(key)}`);
  }
}

/** Throws unless `prefix` is empty, a key, or a key followed by `/`. */
export function assertPrefix(prefix: string): void {
  if (prefix === '') return;
  assertKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
}
