import { describe } from 'vitest';
import { emulatorHost, identityEnv, skipReason } from './firebase-emulator.js';
import { type TestApi, testApiForFile } from './test-api.js';

/**
 * A block of tests that signs people in through the Firebase Auth emulator, around one test API with
 * identity on (started before the block, closed after it). Without FIREBASE_AUTH_EMULATOR_HOST the
 * block is skipped, and its name says why.
 */
export function describeWithIdentity(name: string, body: (api: TestApi) => void): void {
  describe.skipIf(!emulatorHost)(emulatorHost ? name : `${name} (skipped: ${skipReason})`, () => {
    body(testApiForFile({ env: identityEnv() }));
  });
}
