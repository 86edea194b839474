import { randomBytes } from 'node:crypto';
import { Storage } from '@google-cloud/storage';

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
