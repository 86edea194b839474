import { describe, expect, it } from 'vitest';
import { signInMessage } from './messages';

describe('signInMessage', () => {
  it('words the Firebase codes a shopper can act on', () => {
    expect(signInMessage({ code: 'auth/invalid-credential' })).toBe(
      'That email and password do not match an account.',
    );
    expect(signInMessage({ code: 'auth/email-already-in-use' })).toMatch(/Sign in instead/);
    expect(signInMessage({ code: 'auth/invalid-verification-code' })).toMatch(/not the one we sent/);
  });

  it("never shows Firebase's own message for a code it does not know", () => {
    const err = Object.assign(new Error('Firebase: Error (auth/internal-error).'), {
      code: 'auth/internal-error',
    });
    expect(signInMessage(err)).toBe('Sign-in failed. Please try again.');
  });

  it("keeps the storefront's own message (an error without a code)", () => {
    expect(signInMessage(new Error('Signing in did not work. Please try again.'))).toBe(
      'Signing in did not work. Please try again.',
    );
    expect(signInMessage(null)).toBe('Sign-in failed. Please try again.');
    expect(signInMessage('oops')).toBe('Sign-in failed. Please try again.');
  });
});
