'use client';

import {
  type ConfirmationResult,
  createUserWithEmailAndPassword,
  GoogleAuthProvider,
  OAuthProvider,
  RecaptchaVerifier,
  sendEmailVerification,
  sendPasswordResetEmail,
  signInWithEmailAndPassword,
  signInWithPhoneNumber,
  signInWithPopup,
  signOut,
  type User,
  updateProfile,
} from 'firebase/auth';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FirebaseWebConfig, WebSignInProvider } from '../server/firebase-web';
import { firebaseAuth } from './firebase-auth';
import { signInMessage } from './messages';

/** A way to sign in other than email and password. */
export type IdentityProvider = Exclude<WebSignInProvider, 'password'>;

/** What `useSignIn` needs: the page's Firebase config and CSRF token (both from the server). */
export interface SignInOptions {
  config: FirebaseWebConfig;
  /** This browser's CSRF token (`store.getCsrfToken()`), sent with the session exchange. */
  csrfToken: string;
  /** Where to go once signed in (a path of this store). */
  returnTo: string;
  /** The theme's id: names the Firebase app, so two themes' code on one page never share one. */
  appName: string;
}

/** The sign-in flows of a theme's form, with its busy state and the last error in a shopper's words. */
export interface SignIn {
  busy: boolean;
  /** The last step's failure, worded for the shopper (see `signInMessage`); '' when none. */
  error: string;
  /** The address a reset link was just sent to (the form says so), else null. */
  resetSentTo: string | null;
  /** The number a phone code was sent to, else null (the form asks for the number). */
  codeSentTo: string | null;
  /** The providers to offer as buttons, in the configured order (email and password excluded). */
  identityProviders: IdentityProvider[];
  /** Whether email and password sign-in is on. */
  passwordEnabled: boolean;
  signIn(email: string, password: string): void;
  /** Creates the account, names it, sends the verification email, then signs in. */
  createAccount(account: { name: string; email: string; password: string }): void;
  resetPassword(email: string): void;
  /** Google, Apple or LINE in Firebase's pop-up (phone has its own two steps below). */
  continueWith(provider: Exclude<IdentityProvider, 'phone'>): void;
  /** Texts a code; `recaptchaContainer` is an element of the form, where the invisible check lives. */
  sendPhoneCode(number: string, recaptchaContainer: HTMLElement): void;
  confirmPhoneCode(code: string): void;
  /** Back to the number step. */
  forgetPhoneNumber(): void;
  /** Clears the error and the reset notice (when the form changes mode). */
  clearMessages(): void;
}

/**
 * Sign-in with the Firebase JS SDK for a theme's own form. Each flow ends the same way: the fresh ID
 * token goes to the theme's `/session` route (`createSessionRoutes`) with the CSRF token, the server
 * answers with an httpOnly session cookie, the SDK's user is signed out again and the browser goes to
 * `returnTo`. A failure leaves the form usable with `error` set.
 */
export function useSignIn({ config, csrfToken, returnTo, appName }: SignInOptions): SignIn {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [resetSentTo, setResetSentTo] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<{ result: ConfirmationResult; phone: string } | null>(
    null,
  );
  const verifier = useRef<RecaptchaVerifier | null>(null);
  const auth = useCallback(() => firebaseAuth(config, appName), [config, appName]);

  useEffect(() => () => verifier.current?.clear(), []);

  async function startSession(user: User): Promise<void> {
    const idToken = await user.getIdToken();
    const res = await fetch('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ id_token: idToken, return_to: returnTo }),
    });
    const body = (await res.json().catch(() => ({}))) as { return_to?: string; message?: string };
    await signOut(auth());
    if (!res.ok) throw new Error(body.message || 'Signing in did not work. Please try again.');
    window.location.assign(body.return_to || '/account');
  }

  /** Runs a step; `stays` steps end busy themselves (the page stays), the others leave for returnTo. */
  function run(task: () => Promise<void>, stays = false): void {
    setBusy(true);
    setError('');
    setResetSentTo(null);
    task().then(
      () => {
        if (stays) setBusy(false);
      },
      (err: unknown) => {
        setError(signInMessage(err));
        setBusy(false);
      },
    );
  }

  return {
    busy,
    error,
    resetSentTo,
    codeSentTo: confirmation?.phone ?? null,
    identityProviders: config.providers.filter((p): p is IdentityProvider => p !== 'password'),
    passwordEnabled: config.providers.includes('password'),
    signIn: (email, password) =>
      run(async () => startSession((await signInWithEmailAndPassword(auth(), email, password)).user)),
    createAccount: ({ name, email, password }) =>
      run(async () => {
        const { user } = await createUserWithEmailAndPassword(auth(), email, password);
        if (name) await updateProfile(user, { displayName: name });
        await sendEmailVerification(user);
        // The name is in the next ID token only after a refresh.
        await user.getIdToken(true);
        await startSession(user);
      }),
    resetPassword: (email) =>
      run(async () => {
        await sendPasswordResetEmail(auth(), email);
        setResetSentTo(email);
      }, true),
    continueWith: (provider) =>
      run(async () => {
        const authProvider =
          provider === 'google.com' ? new GoogleAuthProvider() : new OAuthProvider(provider);
        await startSession((await signInWithPopup(auth(), authProvider)).user);
      }),
    sendPhoneCode: (number, recaptchaContainer) =>
      run(async () => {
        const phone = number.replace(/[\s()./-]/g, '');
        // Firebase checks the browser with an invisible reCAPTCHA first (its script comes from
        // google.com); against the Auth emulator that check is off and no outside script loads.
        verifier.current ??= new RecaptchaVerifier(auth(), recaptchaContainer, { size: 'invisible' });
        setConfirmation({ result: await signInWithPhoneNumber(auth(), phone, verifier.current), phone });
      }, true),
    confirmPhoneCode: (code) => {
      if (!confirmation) return;
      run(async () => startSession((await confirmation.result.confirm(code.trim())).user));
    },
    forgetPhoneNumber: () => {
      setConfirmation(null);
      setError('');
    },
    clearMessages: () => {
      setError('');
      setResetSentTo(null);
    },
  };
}
