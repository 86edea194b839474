import type { components } from '../../generated/openapi.js';

/** A way to sign in that Souk accepts (the ID token's `firebase.sign_in_provider`). */
export type SignInProvider = components['schemas']['SignInProvider'];

export const SIGN_IN_PROVIDERS: readonly SignInProvider[] = [
  'google.com',
  'apple.com',
  'oidc.line',
  'password',
  'phone',
];

/** Who a verified ID token says the caller is. */
export interface VerifiedIdentity {
  /** The identity provider's stable user id (Firebase uid). */
  uid: string;
  provider: SignInProvider;
  email: string | null;
  emailVerified: boolean;
  phone: string | null;
  name: string | null;
}

/** A session cookie and when it expires. */
export interface SessionCookie {
  value: string;
  expiresAt: Date;
}

/**
 * The auth port: turns a bearer ID token into a verified identity. Failures throw `AppError`s with
 * the 401 codes of the spec (`token_expired`, `token_invalid`, `token_wrong_audience`, `token_revoked`,
 * `user_disabled`), or 503 when no identity provider is configured.
 */
export interface IdentityVerifier {
  /** `emulator` when tokens come from the Firebase Auth emulator (never in production). */
  readonly mode: 'firebase' | 'emulator' | 'unconfigured';
  /** Verifies an ID token or a session cookie made by `createSession` (told apart by their issuer). */
  verify(idToken: string): Promise<VerifiedIdentity>;
  /**
   * Exchanges a fresh ID token (signed in within `maxAuthAgeMs`) for a session cookie lasting
   * `expiresInMs`. Refuses session cookies and older sign-ins (`token_invalid`, `token_expired`).
   */
  createSession(idToken: string, expiresInMs: number, maxAuthAgeMs: number): Promise<SessionCookie>;
  /** Revokes every refresh token, ID token and session cookie of a user issued until now. */
  revokeSessions(uid: string): Promise<void>;
  close(): Promise<void>;
}
