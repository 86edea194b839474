import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  claimsOf,
  emulatorHost,
  identityEnv,
  projectId,
  signInWithPassword,
  signUpWithPassword,
  skipReason,
  unique,
  withClaims,
} from '../../../test/support/firebase-emulator.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import { AppError, type Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { createFirebaseIdentity } from '../auth/identity.firebase.js';

type S = components['schemas'];

announceSkip();

const secondLater = () => new Promise((r) => setTimeout(r, 1100));

describe.skipIf(!emulatorHost)(
  emulatorHost
    ? 'storefront sessions (Firebase session cookies, emulator)'
    : `sessions (skipped: ${skipReason})`,
  () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ env: identityEnv() });
    });
    afterAll(async () => {
      await api?.close();
    });

    const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const me = (token: string) => api.get<S['Customer'] & Problem>('/store/customers/me', as(token));
    const start = (token: string, json: object = {}) =>
      api.request<S['CustomerSession'] & Problem>('POST', '/store/customers/me/session', {
        ...as(token),
        json,
      });
    /** A session for a token, failing here (with the problem) when the API refuses to start one. */
    const sessionOf = async (token: string) => {
      const res = await start(token);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.session;
    };
    const signOut = (token: string) =>
      api.request<Problem>('DELETE', '/store/customers/me/session', as(token));

    it('a fresh ID token becomes a session cookie that stands for the same customer', async () => {
      const user = await signUpWithPassword(`session-${unique()}@example.com`, 'correct horse battery');
      const account = await me(user.idToken);
      const res = await start(user.idToken, { expires_in: 3600 });
      expect(res.status).toBe(201);
      const claims = claimsOf(res.body.session);
      expect(claims.iss).toBe(`https://session.firebase.google.com/${projectId}`);
      expect(claims.sub).toBe(user.localId);
      const lifetime = Date.parse(res.body.expires_at) - Date.now();
      expect(lifetime).toBeGreaterThan(3500_000);
      expect(lifetime).toBeLessThanOrEqual(3600_000);
      const bySession = await me(res.body.session);
      expect(bySession.status).toBe(200);
      expect(bySession.body.id).toBe(account.body.id);
    });

    it('refuses a session as the credential for a new session, and bad lifetimes', async () => {
      const user = await signUpWithPassword(`session-${unique()}@example.com`, 'correct horse battery');
      const session = await sessionOf(user.idToken);
      const again = await start(session);
      expect(again.status).toBe(401);
      expect(again.body.code).toBe('token_invalid');
      for (const expires_in of [60, 15 * 24 * 3600]) {
        const bad = await start(user.idToken, { expires_in });
        expect(bad.status).toBe(400);
        expect(bad.body.code).toBe('validation_failed');
      }
    });

    it('only a recent sign-in starts a session (the identity port, with a 1 ms limit)', async () => {
      const identity = createFirebaseIdentity({ projectId, emulatorHost });
      try {
        const user = await signUpWithPassword(`session-${unique()}@example.com`, 'correct horse battery');
        await secondLater();
        const err = await identity.createSession(user.idToken, 3600_000, 1).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('token_expired');
        const ok = await identity.createSession(user.idToken, 3600_000, 5 * 60_000);
        expect((await identity.verify(ok.value)).uid).toBe(user.localId);
      } finally {
        await identity.close();
      }
    });

    it('a forged session is token_invalid, one for another project token_wrong_audience', async () => {
      const user = await signUpWithPassword(`session-${unique()}@example.com`, 'correct horse battery');
      const session = (await start(user.idToken)).body.session;
      // The emulator's cookies carry no signature to break: change what a signature would protect.
      const forged = await me(withClaims(session, { sub: '' }));
      expect(forged.status).toBe(401);
      expect(forged.body.code).toBe('token_invalid');
      const other = await me(
        withClaims(session, { aud: 'demo-other', iss: 'https://session.firebase.google.com/demo-other' }),
      );
      expect(other.status).toBe(401);
      expect(other.body.code).toBe('token_wrong_audience');
    });

    it('signing out revokes every session and ID token: refused everywhere with token_revoked', async () => {
      const email = `session-${unique()}@example.com`;
      const user = await signUpWithPassword(email, 'correct horse battery');
      const here = await sessionOf(user.idToken);
      const there = await sessionOf((await signInWithPassword(email, 'correct horse battery')).idToken);
      expect((await me(there)).status).toBe(200);
      // Revocation is recorded in whole seconds: sign out in a later second than the sign-in.
      await secondLater();
      const out = await signOut(here);
      expect(out.status, JSON.stringify(out.body)).toBe(204);
      for (const token of [here, there, user.idToken]) {
        const res = await me(token);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('token_revoked');
      }
      expect((await signOut(here)).status).toBe(401);
      // Signing in again afterwards works.
      await secondLater();
      const fresh = await signInWithPassword(email, 'correct horse battery');
      expect((await me(await sessionOf(fresh.idToken))).status).toBe(200);
    });

    it('sessions need the publishable key like every /store call', async () => {
      const user = await signUpWithPassword(`session-${unique()}@example.com`, 'correct horse battery');
      const res = await api.request<Problem>('POST', '/store/customers/me/session', {
        ...as(user.idToken),
        key: null,
        json: {},
      });
      expect(res.status).toBe(401);
    });
  },
);
