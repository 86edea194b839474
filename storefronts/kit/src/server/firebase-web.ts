/** Ways to sign in a theme can offer (Firebase provider ids). */
export type WebSignInProvider = 'password' | 'google.com' | 'apple.com' | 'oidc.line' | 'phone';

const KNOWN: readonly WebSignInProvider[] = ['password', 'google.com', 'apple.com', 'oidc.line', 'phone'];

/**
 * What the browser's Firebase JS SDK needs (all public: a Firebase web API key only names the
 * project). Read at runtime on the server and handed to the sign-in component as props, so one
 * build serves any project.
 */
export interface FirebaseWebConfig {
  apiKey: string;
  authDomain: string;
  projectId: string;
  /** The Auth emulator's URL for the browser (`http://127.0.0.1:9099`), or null for real Firebase. */
  emulatorUrl: string | null;
  /** The buttons to show, in order. */
  providers: WebSignInProvider[];
}

/**
 * Reads the sign-in configuration: `FIREBASE_PROJECT_ID`, and either `FIREBASE_AUTH_EMULATOR_HOST`
 * (the same variable the API reads; the browser reaches the emulator there too) or a real project's
 * `FIREBASE_WEB_API_KEY` (and `FIREBASE_AUTH_DOMAIN`, default `<project>.firebaseapp.com`).
 * `STOREFRONT_SIGN_IN_PROVIDERS` lists the buttons (default `password`, plus `phone` with the emulator:
 * the flows the end-to-end tests run here. The SDK's pop-up for Google, Apple and LINE loads a helper
 * from apis.google.com even with the emulator, which the test machines cannot reach; phone sign-in
 * loads reCAPTCHA from google.com only against a real project — the emulator turns that check off).
 * Null: sign-in is off.
 */
export function readFirebaseWebConfig(
  env: Record<string, string | undefined> = process.env,
): FirebaseWebConfig | null {
  const projectId = env.FIREBASE_PROJECT_ID || (env.FIREBASE_AUTH_EMULATOR_HOST ? 'demo-souk' : '');
  const emulatorHost = env.FIREBASE_AUTH_EMULATOR_HOST || '';
  const apiKey = env.FIREBASE_WEB_API_KEY || (emulatorHost ? 'demo-api-key' : '');
  if (!projectId || !apiKey) return null;
  const providers = (env.STOREFRONT_SIGN_IN_PROVIDERS || (emulatorHost ? 'password,phone' : 'password'))
    .split(',')
    .map((p) => p.trim())
    .filter((p): p is WebSignInProvider => (KNOWN as readonly string[]).includes(p));
  return {
    apiKey,
    authDomain: env.FIREBASE_AUTH_DOMAIN || `${projectId}.firebaseapp.com`,
    projectId,
    emulatorUrl: emulatorHost ? `http://${emulatorHost.replace(/^https?:\/\//, '')}` : null,
    providers: providers.length > 0 ? [...new Set(providers)] : ['password'],
  };
}
