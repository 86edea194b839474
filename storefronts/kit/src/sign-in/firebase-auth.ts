import { getApps, initializeApp } from 'firebase/app';
import {
  type Auth,
  browserPopupRedirectResolver,
  connectAuthEmulator,
  initializeAuth,
  inMemoryPersistence,
} from 'firebase/auth';
import type { FirebaseWebConfig } from '../server/firebase-web';

const instances = new Map<string, Auth>();

/**
 * The page's Firebase Auth for a theme (one named Firebase app per theme id), created once. Nothing is
 * persisted in the browser: the storefront keeps the session in an httpOnly cookie, so the SDK's user
 * is dropped right after the exchange.
 */
export function firebaseAuth(config: FirebaseWebConfig, appName: string): Auth {
  const existing = instances.get(appName);
  if (existing) return existing;
  const app =
    getApps().find((a) => a.name === appName) ??
    initializeApp(
      { apiKey: config.apiKey, authDomain: config.authDomain, projectId: config.projectId },
      appName,
    );
  const auth = initializeAuth(app, {
    persistence: inMemoryPersistence,
    popupRedirectResolver: browserPopupRedirectResolver,
  });
  if (config.emulatorUrl) connectAuthEmulator(auth, config.emulatorUrl, { disableWarnings: true });
  instances.set(appName, auth);
  return auth;
}
