import { expect } from 'vitest';

/** The Firebase Auth emulator both theme's sign-in journeys use (`scripts/services up firebase-auth`). */
export const emulatorHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;

/** A fresh phone number of the reserved +1 555 range, for one sign-in. */
export function uniquePhone(): string {
  return `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

/** The last code the emulator "texted" to a number (it keeps them for its REST API instead of sending). */
export async function textedCode(phone: string): Promise<string> {
  const project = process.env.FIREBASE_PROJECT_ID || 'demo-souk';
  const res = await fetch(`http://${emulatorHost}/emulator/v1/projects/${project}/verificationCodes`);
  const { verificationCodes } = (await res.json()) as {
    verificationCodes: { phoneNumber: string; code: string }[];
  };
  const code = verificationCodes.findLast((c) => c.phoneNumber === phone)?.code ?? '';
  expect(code).toMatch(/^\d{6}$/);
  return code;
}

/**
 * Takes one expected console error out of a session's list (the journey fails on any left), after
 * checking it is there: e.g. the emulator's 400 for a wrong password, or its 501 for the reCAPTCHA
 * Enterprise config it does not implement (the SDK then takes the v2 path, whose check it turns off).
 */
export function takeConsoleError(errors: string[], pattern: RegExp): void {
  const at = errors.findIndex((e) => pattern.test(e));
  expect(at, errors.join('\n')).toBeGreaterThanOrEqual(0);
  errors.splice(at, 1);
}
