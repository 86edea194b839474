import type { Config } from '../config.js';
import type { IdentityVerifier } from '../modules/auth/identity.js';
import { createFirebaseIdentity, unconfiguredIdentity } from '../modules/auth/index.js';

/**
 * The identity provider the configuration names: the Auth emulator when FIREBASE_AUTH_EMULATOR_HOST is
 * set (never in production: the configuration refuses it), the real Firebase project when only
 * FIREBASE_PROJECT_ID is, else none (signed-in operations answer 503 saying what to set).
 */
export function createConfiguredIdentity(config: Config): IdentityVerifier {
  const emulatorHost = config.FIREBASE_AUTH_EMULATOR_HOST;
  if (emulatorHost) {
    return createFirebaseIdentity({ projectId: config.FIREBASE_PROJECT_ID ?? 'demo-souk', emulatorHost });
  }
  if (config.FIREBASE_PROJECT_ID) {
    return createFirebaseIdentity({ projectId: config.FIREBASE_PROJECT_ID, emulatorHost: undefined });
  }
  return unconfiguredIdentity();
}
