import { randomBytes } from 'node:crypto';
import { type App, deleteApp, initializeApp } from 'firebase-admin/app';
import { type Auth, getAuth } from 'firebase-admin/auth';

/**
 * The Firebase Auth emulator the run signs in against (`scripts/services up firebase-auth`; CI sets
 * it on both passes). Without it the identity tests are skipped, saying why.
 */
export const emulatorHost = process.env.FIREBASE_AUTH_EMULATOR_HOST || undefined;
export const projectId = process.env.FIREBASE_PROJECT_ID || 'demo-souk';
export const skipReason =
  'FIREBASE_AUTH_EMULATOR_HOST is not set: run `bash scripts/services up firebase-auth` and export `bash scripts/services env firebase-auth`';

/** Logs once per file why the identity tests did not run, so a skipped run is never mistaken for a pass. */
export function announceSkip(): void {
  if (!emulatorHost) console.warn(`identity tests skipped: ${skipReason}`);
}

/** API settings that point the identity port at the emulator. */
export function identityEnv(): Record<string, string> {
  return emulatorHost ? { FIREBASE_AUTH_EMULATOR_HOST: emulatorHost, FIREBASE_PROJECT_ID: projectId } : {};
}

/** A signed-in user as the emulator's REST API answers (`idToken` is what a browser SDK would send). */
export interface SignedIn {
  idToken: string;
  localId: string;
  email?: string;
}

const base = () => `http://${emulatorHost}/identitytoolkit.googleapis.com/v1`;

async function call<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${base()}/${path}?key=fake-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok)
    throw new Error(`emulator ${path}: ${res.status} ${json.error?.message ?? JSON.stringify(json)}`);
  return json;
}

/** A unique suffix: test files share one emulator (and both CI passes do). */
export const unique = () => randomBytes(5).toString('hex');

/**
 * Signs in with an identity provider as the browser SDK would after the provider's pop-up: the
 * emulator accepts the provider's ID token as unsigned JSON claims.
 */
export function signInWithIdp(
  providerId: 'google.com' | 'apple.com' | 'oidc.line',
  claims: { sub: string; email?: string; email_verified?: boolean; name?: string },
): Promise<SignedIn> {
  return call('accounts:signInWithIdp', {
    postBody: `providerId=${providerId}&id_token=${encodeURIComponent(JSON.stringify(claims))}`,
    requestUri: 'http://localhost',
    returnIdpCredential: true,
    returnSecureToken: true,
  });
}

export const signUpWithPassword = (email: string, password: string): Promise<SignedIn> =>
  call('accounts:signUp', { email, password, returnSecureToken: true });

export const signInWithPassword = (email: string, password: string): Promise<SignedIn> =>
  call('accounts:signInWithPassword', { email, password, returnSecureToken: true });

/** Phone sign-in: asks for a code, reads it from the emulator's verification-codes endpoint, signs in. */
export async function signInWithPhone(phoneNumber: string): Promise<SignedIn> {
  const { sessionInfo } = await call<{ sessionInfo: string }>('accounts:sendVerificationCode', {
    phoneNumber,
    recaptchaToken: 'emulator-ignores-it',
  });
  const res = await fetch(`http://${emulatorHost}/emulator/v1/projects/${projectId}/verificationCodes`);
  const { verificationCodes } = (await res.json()) as {
    verificationCodes: { sessionInfo: string; code: string }[];
  };
  const code = verificationCodes.find((c) => c.sessionInfo === sessionInfo)?.code;
  if (!code) throw new Error(`no verification code for ${phoneNumber}`);
  return call('accounts:signInWithPhoneNumber', { sessionInfo, code });
}

/** The claims of a JWT, decoded without verification (tests craft tokens from real ones). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/** A token with some claims changed and the original header and (empty) signature kept. */
export function withClaims(token: string, patch: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  const payload = Buffer.from(JSON.stringify({ ...claimsOf(token), ...patch })).toString('base64url');
  return `${header}.${payload}.${signature ?? ''}`;
}

/** The Admin SDK on the emulator, for what only an administrator can do (revoke, disable). */
export function emulatorAdmin(): { auth: Auth; close(): Promise<void> } {
  const app: App = initializeApp({ projectId }, `test-admin-${unique()}`);
  return { auth: getAuth(app), close: () => deleteApp(app) };
}
