import { describe, expect, it } from 'vitest';
import { readFirebaseWebConfig } from './firebase-web';

describe('readFirebaseWebConfig', () => {
  it('offers phone sign-in by default only with the emulator, where it needs no outside script', () => {
    const emulator = readFirebaseWebConfig({ FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099' });
    expect(emulator).toMatchObject({
      projectId: 'demo-souk',
      emulatorUrl: 'http://127.0.0.1:9099',
      providers: ['password', 'phone'],
    });
    const real = readFirebaseWebConfig({ FIREBASE_PROJECT_ID: 'shop', FIREBASE_WEB_API_KEY: 'k' });
    expect(real).toMatchObject({ emulatorUrl: null, providers: ['password'] });
  });

  it('keeps the listed providers it knows, once each, and falls back to password', () => {
    const env = { FIREBASE_PROJECT_ID: 'shop', FIREBASE_WEB_API_KEY: 'k' };
    const listed = { ...env, STOREFRONT_SIGN_IN_PROVIDERS: 'phone, google.com,phone,myspace' };
    expect(readFirebaseWebConfig(listed)?.providers).toEqual(['phone', 'google.com']);
    expect(readFirebaseWebConfig({ ...env, STOREFRONT_SIGN_IN_PROVIDERS: 'myspace' })?.providers).toEqual([
      'password',
    ]);
    expect(readFirebaseWebConfig({})).toBeNull();
  });
});
