import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('moderating a review that does not exist', () => {
  it.each(['hide', 'restore'])('%s answers 404 not_found, not a server error', async (action) => {
    const res = await api.request<Problem>(
      'POST',
      '/admin/reviews/rev_01M8TEG7Y4TD3YT4B20C262M1W/moderation',
      {
        json: { action, reason: '0' },
      },
    );
    expect([res.status, res.body.code]).toEqual([404, 'not_found']);
  });
});
