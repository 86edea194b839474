import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, type TestResponse } from '../../test/support/test-api.js';
import type { components } from '../generated/openapi.js';
import { DEMO_KEYS } from '../modules/auth/index.js';

type SellerQuota = components['schemas']['SellerQuota'];
type AdminSellerList = components['schemas']['AdminSellerList'];

// Quotas are per minute, scaled to the window: 1/min over 20 min = 20 per window, one unit back every
// 60 s, so nothing refills during a burst however slow the machine.
const N = 20;
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    env: {
      RATE_LIMIT_WINDOW_MS: '1200000',
      RATE_LIMIT_ANONYMOUS: '1',
      RATE_LIMIT_PUBLISHABLE: '1',
      RATE_LIMIT_SELLER: '2',
      RATE_LIMIT_OPERATOR: '1000',
    },
  });
});
afterAll(() => api?.close());

const newPublishableKey = async (name: string) =>
  (await api.request<{ secret: string }>('POST', '/admin/publishable-keys', { json: { name } })).body.secret;

const burst = async (count: number, send: () => Promise<TestResponse>) => {
  const answers: TestResponse[] = [];
  for (let i = 0; i < count; i++) answers.push(await send());
  return answers;
};

describe('rate limiting', () => {
  it('lets exactly N of a burst of N+10 from one key through, refuses 10 with 429 and Retry-After; another key is unaffected', async () => {
    const key = await newPublishableKey('burst');
    const answers = await burst(N + 10, () => api.get('/store/categories', { key }));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(N);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(10);
    // The successes come first: GCRA never lets a later request through once the budget is spent.
    expect(answers.slice(0, N).every((a) => a.status === 200)).toBe(true);
    for (const answer of refused) {
      expect((answer.body as { code: string }).code).toBe('rate_limited');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(answer.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(answer.headers.get('ratelimit')).toMatch(/^"publishable";r=0;t=\d+$/);
    }
    // Every answer carries the policy and what is left of it, counting down.
    for (const [i, answer] of answers.slice(0, N).entries()) {
      expect(answer.headers.get('ratelimit-policy')).toBe(`"publishable";q=${N};w=1200`);
      expect(answer.headers.get('ratelimit')).toMatch(new RegExp(`^"publishable";r=${N - 1 - i};t=\\d+$`));
    }
    const other = await newPublishableKey('other');
    expect((await api.get('/store/categories', { key: other })).status).toBe(200);
    expect((await api.get('/store/categories', { key })).status).toBe(429);
  });

  it('limits requests without a valid key by client address, so guessing keys is throttled too', async () => {
    const answers = await burst(N + 2, () =>
      api.get('/store/categories', { key: 'pk_live_guess_000000000000000000' }),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(N);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(2);
    expect(answers[0]?.headers.get('ratelimit-policy')).toBe(`"anonymous";q=${N};w=1200`);
  });

  it('never limits the System operations (probes, the contract)', async () => {
    const answers = await burst(3 * N, () => api.get('/health'));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers[0]?.headers.get('ratelimit-policy')).toBeNull();
  });

  it('applies the operator’s per-seller quota override to every key of that seller', async () => {
    const sellers = await api.get<AdminSellerList>('/admin/sellers?status=active&limit=100');
    const seller = sellers.body.data.find((s) => s.handle === 'atlas-outfitters');
    expect(seller).toBeDefined();
    const quotaPath = `/admin/sellers/${seller?.id}/quota`;
    const before = await api.get<SellerQuota>(quotaPath);
    expect(before.body).toMatchObject({
      requests_per_minute: null,
      default_requests_per_minute: 2,
      effective_requests_per_minute: 2,
    });

    const set = await api.request<SellerQuota>('PUT', quotaPath, { json: { requests_per_minute: 3 } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ requests_per_minute: 3, effective_requests_per_minute: 3 });
    // A second key of the same seller shares the seller's budget.
    const second = await api.request<{ secret: string }>('POST', `/admin/sellers/${seller?.id}/keys`, {
      json: { name: 'second' },
    });
    const answers = await burst(70, () => api.get('/seller/products?limit=1', { key: DEMO_KEYS.sellers[0] }));
    expect(answers[0]?.headers.get('ratelimit-policy')).toBe('"seller";q=60;w=1200');
    expect(answers.filter((a) => a.status === 200)).toHaveLength(60);
    // A burst this fast is served from leases of the budget (up to 3 units, 1/20 of the quota, per
    // take): one process still counts `remaining` down exactly, then refuses.
    expect(answers.slice(0, 60).map((a) => a.headers.get('ratelimit'))).toEqual(
      Array.from({ length: 60 }, (_, i) =>
        expect.stringMatching(new RegExp(`^"seller";r=${59 - i};t=\\d+$`)),
      ),
    );
    expect(
      answers.slice(60).every((a) => a.status === 429 && Number(a.headers.get('retry-after')) >= 1),
    ).toBe(true);
    expect((await api.get('/seller/products?limit=1', { key: second.body.secret })).status).toBe(429);

    const cleared = await api.request<SellerQuota>('PUT', quotaPath, { json: { requests_per_minute: null } });
    expect(cleared.body).toMatchObject({ requests_per_minute: null, effective_requests_per_minute: 2 });
    const after = await api.get('/seller/products?limit=1', { key: DEMO_KEYS.sellers[0] });
    expect(after.headers.get('ratelimit-policy')).toBe('"seller";q=40;w=1200');
  });

  it('answers 404 for the quota of an unknown seller and 400 for a quota below 1', async () => {
    expect((await api.get('/admin/sellers/sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C/quota')).status).toBe(404);
    const sellers = await api.get<AdminSellerList>('/admin/sellers?limit=1');
    const bad = await api.request('PUT', `/admin/sellers/${sellers.body.data[0]?.id}/quota`, {
      json: { requests_per_minute: 0 },
    });
    expect(bad.status).toBe(400);
  });
});
