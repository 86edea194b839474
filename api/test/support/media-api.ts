import sharp from 'sharp';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { countCalls, mediaStorageEnv, type StorageCalls } from './media-storage.js';
import { startTestApi, type TestApi } from './test-api.js';

/**
 * The demo API of a media test file, on fresh media storage (see mediaStorageEnv) without background
 * pre-rendering, with its storage reads and writes counted (reset after each test): started before
 * the file's tests, closed after them. Read `api` and `calls` inside tests.
 */
export function useMediaApi(label: string, env: Record<string, string> = {}) {
  const state = {} as { api: TestApi; calls: StorageCalls };
  beforeAll(async () => {
    state.api = await startTestApi({
      seed: 'demo',
      env: { MEDIA_PRERENDER: 'false', ...env, ...(await mediaStorageEnv(label)) },
    });
    state.calls = countCalls(state.api.db.container.storage);
  });
  afterEach(() => state.calls?.reset());
  afterAll(async () => {
    state.calls?.restore();
    await state.api?.close();
  });
  return state;
}

/**
 * PNGs of `width` × `height` in a new colour on each call (`#<tag><counter>`): pictures no other test
 * of the file uploads, so each has its own hash and stored files.
 */
export function distinctPictures(tag: string, width = 1000, height = 700): () => Promise<Buffer> {
  let colours = 0;
  return () =>
    sharp({
      create: {
        width,
        height,
        channels: 3,
        background: `#${tag}${(colours++).toString(16).padStart(4, '0')}`,
      },
    })
      .png()
      .toBuffer();
}
