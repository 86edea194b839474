/** Public surface of the storage port (local disk or Google Cloud Storage). */
export { createDiskStorage } from './storage.disk.js';
export { createConfiguredStorage } from './storage.factory.js';
export type { ObjectStorage, StoredEntry, StoredObject } from './storage.js';
