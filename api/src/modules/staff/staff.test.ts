import { describe, expect, it } from 'vitest';
import { announceSkip, signUpWithPassword, unique } from '../../../test/support/firebase-emulator.js';
import { describeWithIdentity } from '../../../test/support/identity-suite.js';
import { operationsUnder, signedInPerson } from '../../../test/support/staff.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

type S = components['schemas'];

announceSkip();

describe('roles in the contract', () => {
  const sellerOps = operationsUnder('/seller/');

  it.each(sellerOps)('%s takes a staff token and states its roles, owner among them', (_name, op) => {
    expect(op.security).toEqual([{ SellerKey: [] }, { StaffToken: [] }]);
    const roles = op['x-souk-roles'] ?? [];
    expect(roles).toContain('owner');
    expect(op.description).toContain(`Staff roles allowed — ${roles.join(', ')}.`);
  });
});

describeWithIdentity('seller staff with Firebase sign-in and roles', (api) => {
  /** Invites an email with a role through the seller's key (a key may do what an owner may). */
  const invite = (email: string, role: S['StaffRole'], key = 'sk_demo_seller_1') =>
    api.request<S['StaffMember']>('POST', '/seller/staff', { key, json: { email, role } });

  /** A person signed in with Google (verified email); requests carry the token and no key. */
  const person = (email = `staff-${unique()}@example.com`) => signedInPerson(api, email);

  async function staffMember(role: S['StaffRole'], key?: string) {
    const p = await person();
    expect((await invite(p.email, role, key)).status).toBe(201);
    return p;
  }

  it('an invitation is accepted by signing in with the email verified, and the staff list shows it', async () => {
    const p = await person();
    const invited = await invite(p.email.toUpperCase(), 'catalog');
    expect(invited.body).toMatchObject({ status: 'invited', role: 'catalog', accepted_at: null });
    expect(invited.body.invited_by).toMatch(/^key_/);
    expect((await p.call('GET', '/seller/products?limit=1')).status).toBe(200);
    const list = await api.get<S['StaffMemberList']>('/seller/staff');
    expect(list.body.data.find((m) => m.id === invited.body.id)).toMatchObject({ status: 'active' });
    expect((await invite(p.email, 'orders')).status).toBe(409);
  });

  it.each([
    ['catalog', 'GET', '/seller/products', 200],
    ['catalog', 'GET', '/seller/orders', 403],
    ['catalog', 'GET', '/seller/balance', 403],
    ['catalog', 'GET', '/seller/staff', 403],
    ['orders', 'GET', '/seller/orders', 200],
    ['orders', 'GET', '/seller/products', 403],
    ['orders', 'PUT', '/seller/shipping-rates/USD', 403],
    ['owner', 'GET', '/seller/balance', 200],
    ['owner', 'GET', '/seller/staff', 200],
  ] as const)('%s staff: %s %s → %i', async (role, method, path, status) => {
    const p = await staffMember(role);
    const res = await p.call<Problem>(method, path, method === 'PUT' ? { amount: 500 } : undefined);
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.code).toBe('forbidden');
  });

  it("a staff member of seller A gets 404 for seller B's product ids", async () => {
    const theirs = await api.get<S['SellerProductList']>('/seller/products?limit=1', {
      key: 'sk_demo_seller_2',
    });
    const productId = theirs.body.data[0]?.id ?? '';
    const p = await staffMember('owner');
    const res = await p.call<Problem>('GET', `/seller/products/${productId}`);
    expect(res.status).toBe(404);
    const mine = await api.get(`/seller/products/${productId}`, { key: 'sk_demo_seller_2' });
    expect(mine.status).toBe(200);
  });

  it('an owner invites with attribution, removes staff, and a removed member is refused at once', async () => {
    const owner = await staffMember('owner');
    const p = await person();
    const invited = await owner.call<S['StaffMember']>('POST', '/seller/staff', {
      email: p.email,
      role: 'orders',
    });
    expect(invited.status).toBe(201);
    expect(invited.body.invited_by).toMatch(/^stf_/);
    expect((await p.call('GET', '/seller/orders')).status).toBe(200);
    expect((await owner.call('DELETE', `/seller/staff/${invited.body.id}`)).status).toBe(204);
    expect((await p.call<Problem>('GET', '/seller/orders')).status).toBe(403);
    // Another seller's staff id is 404 to this seller.
    expect(
      (await api.request('DELETE', `/seller/staff/${invited.body.id}`, { key: 'sk_demo_seller_2' })).status,
    ).toBe(404);
  });

  it('nobody invited, or an unverified email, acts for no seller: 403', async () => {
    const stranger = await person();
    expect((await stranger.call<Problem>('GET', '/seller/products')).status).toBe(403);
    const email = `unverified-${unique()}@example.com`;
    await invite(email, 'catalog');
    const user = await signUpWithPassword(email, 'correct horse battery');
    const res = await api.get<Problem>('/seller/products', {
      key: null,
      headers: { authorization: `Bearer ${user.idToken}` },
    });
    expect(res.status).toBe(403);
  });

  it('without a key or a token a seller operation is 401', async () => {
    expect((await api.get('/seller/products', { key: null })).status).toBe(401);
  });
});
