import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Storage } from '@google-cloud/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStorageContract } from './storage.contract.js';
import { createDiskStorage } from './storage.disk.js';
import { createGcsStorage } from './storage.gcs.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

describeStorageContract('disk', async () => {
  const root = await mkdtemp(join(tmpdir(), 'souk-storage-'));
  roots.push(root);
  return createDiskStorage({ root });
});

describe('disk storage', () => {
  it('leaves no temporary file behind and keeps objects inside its folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'souk-storage-'));
    roots.push(root);
    const storage = createDiskStorage({ root });
    await storage.put('p/h/original', Buffer.from('x'), { contentType: 'image/jpeg' });
    expect((await readdir(join(root, 'p', 'h'))).sort()).toEqual(['original', 'original.meta.json']);
    await expect(
      storage.put('../outside', Buffer.from('x'), { contentType: 'image/jpeg' }),
    ).rejects.toThrow();
    expect(await readdir(join(root, '..'))).not.toContain('outside');
  });
});

// CI starts fake-gcs-server (`scripts/services up gcs`) and sets GCS_API_ENDPOINT.
const endpoint = process.env.GCS_API_ENDPOINT || undefined;
if (endpoint) {
  const bucket = `souk-test-${randomBytes(4).toString('hex')}`;
  let created: Promise<unknown> | undefined;
  describeStorageContract(`gcs (${endpoint})`, async () => {
    created ??= new Storage({ apiEndpoint: endpoint, projectId: 'demo-souk' }).createBucket(bucket);
    await created;
    return createGcsStorage({ bucket, apiEndpoint: endpoint, projectId: 'demo-souk', keyPrefix: 'souk/' });
  });
} else {
  describe('storage contract: gcs', () => {
    it.skip('runs when GCS_API_ENDPOINT is set (CI starts fake-gcs-server)', () => {});
  });
}
