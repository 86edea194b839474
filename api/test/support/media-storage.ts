import { randomBytes } from 'node:crypto';
import { Storage } from '@google-cloud/storage';
import type { ObjectStorage } from '../../src/storage/storage.js';

/** fake-gcs-server's endpoint when CI's real-services pass runs it (`scripts/services up gcs`). */
export const gcsEndpoint = process.env.GCS_API_ENDPOINT || undefined;

/**
 * Environment of a test API whose media live in a fresh bucket on fake-gcs-server when
 * GCS_API_ENDPOINT is set, else on local disk (empty): the media tests run against both adapters.
 */
export async function mediaStorageEnv(label: string): Promise<Record<string, string>> {
  if (!gcsEndpoint) return {};
  const bucket = `souk-${label}-${randomBytes(4).toString('hex')}`;
  await new Storage({ apiEndpoint: gcsEndpoint, projectId: 'demo-souk' }).createBucket(bucket);
  return { GCS_BUCKET: bucket, GCS_API_ENDPOINT: gcsEndpoint, GCS_PROJECT_ID: 'demo-souk' };
}

/** Calls a storage adapter has answered since `countCalls`, by method and key. */
export interface StorageCalls {
  gets: string[];
  puts: string[];
  /** Forgets the calls counted so far. */
  reset(): void;
  /** Puts the adapter's own methods back. */
  restore(): void;
}

/**
 * Counts the reads and writes of a real storage adapter (the object the API's services hold), which
 * still does them: wraps its `get` and `put` in place until `restore()`.
 */
export function countCalls(storage: ObjectStorage): StorageCalls {
  const { get, put } = storage;
  const calls: StorageCalls = {
    gets: [],
    puts: [],
    reset() {
      calls.gets.length = 0;
      calls.puts.length = 0;
    },
    restore() {
      Object.assign(storage, { get, put });
    },
  };
  Object.assign(storage, {
    get: (key: string) => {
      calls.gets.push(key);
      return get.call(storage, key);
    },
    put: (key: string, data: Buffer, options: { contentType: string }) => {
      calls.puts.push(key);
      return put.call(storage, key, data, options);
    },
  } satisfies Pick<ObjectStorage, 'get' | 'put'>);
  return calls;
}
