import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  emulatorAdmin,
  emulatorHost,
  identityEnv,
  projectId,
  type SignedIn,
  signInWithIdp,
  signInWithPassword,
  signInWithPhone,
  signUpWithPassword,
  skipReason,
  unique,
  withClaims,
} from '../../../test/support/firebase-emulator.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { eventsOf } from '../events/index.js';

type Customer = components['schemas']['Customer'];

announceSkip();

describe.skipIf(!emulatorHost)(
  emulatorHost ? 'sign-in through the Firebase Auth emulator' : `sign-in (skipped: ${skipReason})`,
  () => {
    let api: TestApi;
    let admin: ReturnType<typeof emulatorAdmin>;
    beforeAll(async () => {
      api = await startTestApi({ env: identityEnv() });
      admin = emulatorAdmin();
    });
    afterAll(async () => {
      await admin?.close();
      await api?.close();
    });

    const me = (token: string, key?: string | null) =>
      api.get<Customer & Problem>('/store/customers/me', {
        headers: { authorization: `Bearer ${token}` },
        ...(key === undefined ? {} : { key }),
      });

    /** The account row and its events, straight from the database. */
    const stored = async (uid: string) => {
      const db = api.db.container.database.db;
      const row = await db
        .selectFrom('customers')
        .selectAll()
        .where('firebase_uid', '=', uid)
        .executeTakeFirst();
      return { row, events: row ? await eventsOf(db, row.id) : [] };
    };

    const expectAccount = async (user: SignedIn, provider: string) => {
      const res = await me(user.idToken);
      expect(res.status).toBe(200);
      expect(res.body.sign_in_provider).toBe(provider);
      expect(res.body.providers).toEqual([provider]);
      const { row, events } = await stored(user.localId);
      expect(row?.id).toBe(res.body.id);
      expect(row?.sign_in_provider).toBe(provider);
      expect(events.map((e) => e.type)).toEqual(['customer.created']);
      return res.body;
    };

    describe('each provider end to end: emulator sign-in → API call → account with the provider', () => {
      it.each(['google.com', 'apple.com', 'oidc.line'] as const)('%s (signInWithIdp)', async (provider) => {
        const id = unique();
        const email = `idp-${id}@example.com`;
        const user = await signInWithIdp(provider, {
          sub: `${provider}-${id}`,
          email,
          email_verified: true,
          name: 'Ada Lovelace',
        });
        const account = await expectAccount(user, provider);
        expect(account).toMatchObject({ email, email_verified: true, name: 'Ada Lovelace', phone: null });
      });

      it('password (signUp, then signInWithPassword)', async () => {
        const email = `pw-${unique()}@example.com`;
        const created = await signUpWithPassword(email, 'correct horse battery');
        const user = await signInWithPassword(email, 'correct horse battery');
        expect(user.localId).toBe(created.localId);
        const account = await expectAccount(user, 'password');
        expect(account).toMatchObject({ email, email_verified: false });
      });

      it('phone (code read from the emulator)', async () => {
        const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
        const user = await signInWithPhone(phone);
        const account = await expectAccount(user, 'phone');
        expect(account).toMatchObject({ phone, email: null });
      });

      it('a second sign-in finds the same account and records no second event', async () => {
        const email = `again-${unique()}@example.com`;
        await signUpWithPassword(email, 'correct horse battery');
        const first = await me((await signInWithPassword(email, 'correct horse battery')).idToken);
        const user = await signInWithPassword(email, 'correct horse battery');
        const second = await me(user.idToken);
        expect(second.body.id).toBe(first.body.id);
        expect((await stored(user.localId)).events.map((e) => e.type)).toEqual(['customer.created']);
      });
    });

    describe('refused tokens: 401 with a code per reason', () => {
      let user: SignedIn;
      beforeAll(async () => {
        user = await signUpWithPassword(`refused-${unique()}@example.com`, 'correct horse battery');
      });

      it('no token on a signed-in operation: 401 unauthorized with a Bearer challenge', async () => {
        const res = await api.get<Problem>('/store/customers/me');
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('unauthorized');
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
      });

      it('a token without the publishable key: 401 about the key', async () => {
        const res = await me(user.idToken, null);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('unauthorized');
        expect(res.headers.get('www-authenticate')).toContain('X-Api-Key');
      });

      it('a seller key with a token: 403', async () => {
        expect((await me(user.idToken, 'sk_demo_seller_1')).status).toBe(403);
      });

      it('expired: token_expired', async () => {
        const now = Math.floor(Date.now() / 1000);
        const res = await me(
          withClaims(user.idToken, { iat: now - 7200, auth_time: now - 7200, exp: now - 3600 }),
        );
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('token_expired');
      });

      it.each([
        ['not a JWT', () => 'not-a-token'],
        ['truncated', () => user.idToken.slice(0, 40)],
        [
          'claims tampered to another user',
          () => withClaims(user.idToken, { sub: 'someone-else', user_id: 'someone-else' }),
        ],
        [
          'a forged RS256 signature',
          () => {
            const [, payload] = user.idToken.split('.');
            const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'forged', typ: 'JWT' })).toString(
              'base64url',
            );
            return `${header}.${payload}.${Buffer.from('not a signature').toString('base64url')}`;
          },
        ],
      ])('%s: token_invalid', async (_label, make) => {
        const res = await me(make());
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('token_invalid');
      });

      it('another project (aud and iss): token_wrong_audience', async () => {
        const other = 'demo-elsewhere';
        expect(projectId).not.toBe(other);
        const res = await me(
          withClaims(user.idToken, { aud: other, iss: `https://securetoken.google.com/${other}` }),
        );
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('token_wrong_audience');
      });

      it('revoked sessions (revokeRefreshTokens): token_revoked; a new sign-in works', async () => {
        const email = `revoked-${unique()}@example.com`;
        const victim = await signUpWithPassword(email, 'correct horse battery');
        expect((await me(victim.idToken)).status).toBe(200);
        // Revocation is recorded in whole seconds: revoke in a later second than the sign-in.
        await new Promise((r) => setTimeout(r, 1100));
        await admin.auth.revokeRefreshTokens(victim.localId);
        const res = await me(victim.idToken);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('token_revoked');
        await new Promise((r) => setTimeout(r, 1100));
        expect((await me((await signInWithPassword(email, 'correct horse battery')).idToken)).status).toBe(
          200,
        );
      });

      it('a disabled user: user_disabled', async () => {
        const victim = await signUpWithPassword(`disabled-${unique()}@example.com`, 'correct horse battery');
        expect((await me(victim.idToken)).status).toBe(200);
        await admin.auth.updateUser(victim.localId, { disabled: true });
        const res = await me(victim.idToken);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('user_disabled');
      });

      it('a token on an operation that does not take one is not even verified', async () => {
        const res = await api.get('/store/categories', { headers: { authorization: 'Bearer not-a-token' } });
        expect(res.status).toBe(200);
      });
    });
  },
);
