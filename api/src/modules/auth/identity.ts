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

/**
 * The auth port: turns a bearer ID token into a verified identity. Failures throw `AppError`s with
 * the 401 codes of the spec (`token_expired`, `token_invalid`, `token_wrong_audience`, `token_revoked`,
 * `user_disabled`), or 503 when no identity provider is configured.
 */
export interface IdentityVerifier {
  /** `emulator` when tokens come from the Firebase Auth emulator (never in production). */
  readonly mode: 'firebase' | 'emulator' | 'unconfigured';
  verify(idToken: string): Promise<VerifiedIdentity>;
  close(): Promise<void>;
}
