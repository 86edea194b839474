import { describe, expect, it } from 'vitest';
import { announceSkip, signUpWithPassword, unique } from '../../../test/support/firebase-emulator.js';
import { describeWithIdentity } from '../../../test/support/identity-suite.js';
import { specDocument } from '../../../test/support/spec-validator.js';
import { operationsUnder, signedInPerson } from '../../../test/support/staff.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

type S = components['schemas'];

announceSkip();

describe('operator roles in the contract', () => {
  const adminOps = operationsUnder('/admin/');
  const known =
    (specDocument.components?.schemas?.OperatorRole as { enum?: string[] } | undefined)?.enum ?? [];

  it.each(adminOps)('%s takes an operator staff token and states its roles, owner among them', (_n, op) => {
    expect(op.security).toEqual([{ OperatorKey: [] }, { OperatorStaffToken: [] }]);
    const roles = op['x-souk-roles'] ?? [];
    expect(roles).toContain('owner');
    expect(known.length).toBeGreaterThan(0);
    for (const role of roles) expect(known).toContain(role);
    expect(op.description).toContain(`Staff roles allowed — ${roles.join(', ')}.`);
  });
});

describeWithIdentity('operator staff with Firebase sign-in and roles', (api) => {
  const invite = (email: string, role: S['OperatorRole']) =>
    api.request<S['OperatorStaffMember']>('POST', '/admin/staff', { json: { email, role } });

  /** A person signed in with Google (verified email); their requests carry the token and no key. */
  const person = (email = `ops-${unique()}@example.com`) => signedInPerson(api, email);

  async function operatorStaff(role: S['OperatorRole']) {
    const p = await person();
    expect((await invite(p.email, role)).status).toBe(201);
    return p;
  }

  it('the operator key invites; signing in with the verified email accepts; the list shows it active', async () => {
    const p = await person();
    const invited = await invite(p.email.toUpperCase(), 'support');
    expect(invited.body).toMatchObject({ status: 'invited', role: 'support', accepted_at: null });
    expect(invited.body.invited_by).toMatch(/^key_/);
    expect((await p.call('GET', '/admin/orders?limit=1')).status).toBe(200);
    const list = await api.get<S['OperatorStaffMemberList']>('/admin/staff');
    expect(list.body.data.find((m) => m.id === invited.body.id)).toMatchObject({ status: 'active' });
    expect((await invite(p.email, 'finance')).status).toBe(409);
  });

  it.each([
    ['support', 'GET', '/admin/orders', 200],
    ['support', 'GET', '/admin/sellers', 200],
    ['support', 'POST', '/admin/payouts', 403],
    ['support', 'GET', '/admin/webhook-endpoints', 403],
    ['support', 'GET', '/admin/staff', 403],
    ['finance', 'GET', '/admin/settings', 200],
    ['finance', 'PATCH', '/admin/settings', 403],
    ['finance', 'POST', '/admin/sellers', 403],
    ['sellers', 'GET', '/admin/sellers', 200],
    ['sellers', 'GET', '/admin/orders', 403],
    ['sellers', 'GET', '/admin/publishable-keys', 403],
    ['developer', 'GET', '/admin/webhook-endpoints', 200],
    ['developer', 'GET', '/admin/publishable-keys', 200],
    ['developer', 'GET', '/admin/sellers', 403],
    ['owner', 'GET', '/admin/staff', 200],
    ['owner', 'GET', '/admin/settings', 200],
  ] as const)('%s staff: %s %s → %i', async (role, method, path, status) => {
    const p = await operatorStaff(role);
    const res = await p.call<Problem>(method, path, method === 'GET' ? undefined : {});
    if (status === 403) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
      expect(res.body.detail).toContain(`The ${role} role cannot call`);
    } else expect(res.status).toBe(status);
  });

  it('an owner invites with attribution and removes staff; a removed member is refused at once', async () => {
    const owner = await operatorStaff('owner');
    const p = await person();
    const invited = await owner.call<S['OperatorStaffMember']>('POST', '/admin/staff', {
      email: p.email,
      role: 'sellers',
    });
    expect(invited.status).toBe(201);
    expect(invited.body.invited_by).toMatch(/^stf_/);
    expect((await p.call('GET', '/admin/sellers')).status).toBe(200);
    expect((await owner.call('DELETE', `/admin/staff/${invited.body.id}`)).status).toBe(204);
    expect((await p.call<Problem>('GET', '/admin/sellers')).status).toBe(403);
    expect((await owner.call<Problem>('DELETE', `/admin/staff/${invited.body.id}`)).status).toBe(404);
  });

  it("seller staff are not the operator's: a seller owner's token gets 403 on /admin/*", async () => {
    const p = await person();
    const seller = await api.request('POST', '/seller/staff', {
      key: 'sk_demo_seller_1',
      json: { email: p.email, role: 'owner' },
    });
    expect(seller.status).toBe(201);
    expect((await p.call('GET', '/seller/staff')).status).toBe(200);
    expect((await p.call<Problem>('GET', '/admin/sellers')).status).toBe(403);
  });

  it('nobody invited, or an unverified email, acts for no operator: 403', async () => {
    expect((await (await person()).call<Problem>('GET', '/admin/orders')).status).toBe(403);
    const email = `unverified-${unique()}@example.com`;
    await invite(email, 'support');
    const user = await signUpWithPassword(email, 'correct horse battery');
    const res = await api.get<Problem>('/admin/orders', {
      key: null,
      headers: { authorization: `Bearer ${user.idToken}` },
    });
    expect(res.status).toBe(403);
  });
});
