/**
 * Firebase Auth's error codes, in words a shopper can act on. Unknown codes get a generic line, never
 * Firebase's own message (it names SDK internals); an error without a code (the storefront's own, e.g.
 * the session exchange refused) keeps its message.
 */
export function signInMessage(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (typeof code === 'string' ? code : '') {
    case 'auth/invalid-credential':
    case 'auth/wrong-password':
    case 'auth/user-not-found':
      return 'That email and password do not match an account.';
    case 'auth/email-already-in-use':
      return 'There is already an account with this email. Sign in instead.';
    case 'auth/weak-password':
      return 'Choose a password of at least 6 characters.';
    case 'auth/invalid-email':
      return 'Enter a valid email address.';
    case 'auth/user-disabled':
      return 'This account is disabled.';
    case 'auth/too-many-requests':
      return 'Too many attempts. Wait a moment and try again.';
    case 'auth/popup-closed-by-user':
    case 'auth/cancelled-popup-request':
      return 'The sign-in window was closed before you finished.';
    case 'auth/popup-blocked':
      return 'Your browser blocked the sign-in window. Allow pop-ups for this site and try again.';
    case 'auth/network-request-failed':
      return 'Could not reach the sign-in service. Check your connection and try again.';
    case 'auth/invalid-phone-number':
      return 'Enter the number with its country code, such as +49 151 23456789.';
    case 'auth/invalid-verification-code':
      return 'That code is not the one we sent. Check it and try again.';
    case 'auth/code-expired':
      return 'That code has expired. Ask for a new one.';
    case '':
      return err instanceof Error && err.message ? err.message : 'Sign-in failed. Please try again.';
    default:
      return 'Sign-in failed. Please try again.';
  }
}
