'use client';

import type { FirebaseWebConfig, WebSignInProvider } from '@souk/storefront-kit/server';
import { type FirebaseApp, getApps, initializeApp } from 'firebase/app';
import {
  type Auth,
  browserPopupRedirectResolver,
  connectAuthEmulator,
  createUserWithEmailAndPassword,
  GoogleAuthProvider,
  initializeAuth,
  inMemoryPersistence,
  OAuthProvider,
  sendEmailVerification,
  sendPasswordResetEmail,
  signInWithEmailAndPassword,
  signInWithPopup,
  signOut,
  type User,
  updateProfile,
} from 'firebase/auth';
import { type FormEvent, useState } from 'react';
import styles from './account.module.css';
import { PhoneSignIn } from './PhoneSignIn';

type Mode = 'sign-in' | 'sign-up' | 'reset' | 'phone';

const PROVIDER_LABELS: Record<Exclude<WebSignInProvider, 'password'>, string> = {
  phone: 'Continue with phone number',
  'google.com': 'Continue with Google',
  'apple.com': 'Continue with Apple',
  'oidc.line': 'Continue with LINE',
};

let auth: Auth | undefined;

/**
 * The page's Firebase Auth, created once. Nothing is persisted in the browser: the server keeps the
 * session (an httpOnly cookie), so the SDK's user is dropped right after the exchange.
 */
function firebaseAuth(config: FirebaseWebConfig): Auth {
  if (auth) return auth;
  const app: FirebaseApp =
    getApps().find((a) => a.name === 'bazaar') ??
    initializeApp(
      { apiKey: config.apiKey, authDomain: config.authDomain, projectId: config.projectId },
      'bazaar',
    );
  auth = initializeAuth(app, {
    persistence: inMemoryPersistence,
    popupRedirectResolver: browserPopupRedirectResolver,
  });
  if (config.emulatorUrl) connectAuthEmulator(auth, config.emulatorUrl, { disableWarnings: true });
  return auth;
}

/** Firebase's error codes, in words a shopper can act on. */
function messageOf(err: unknown): string {
  const code = (err as { code?: string }).code ?? '';
  switch (code) {
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
    default:
      return err instanceof Error && err.message && !code ? err.message : 'Sign-in failed. Please try again.';
  }
}

/**
 * Email/password (sign in, create account, reset) and the configured identity providers. The fresh ID
 * token goes to `/session` with this browser's CSRF token; the server answers with an httpOnly session.
 */
export function SignInForm({
  config,
  csrfToken,
  returnTo,
}: {
  config: FirebaseWebConfig;
  csrfToken: string;
  returnTo: string;
}) {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  async function startSession(user: User): Promise<void> {
    const idToken = await user.getIdToken();
    const res = await fetch('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ id_token: idToken, return_to: returnTo }),
    });
    const body = (await res.json().catch(() => ({}))) as { return_to?: string; message?: string };
    await signOut(firebaseAuth(config));
    if (!res.ok) throw new Error(body.message || 'Signing in did not work. Please try again.');
    window.location.assign(body.return_to || '/account');
  }

  async function run(task: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      await task();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const name = String(form.get('name') ?? '').trim();
    const a = firebaseAuth(config);
    void run(async () => {
      if (mode === 'reset') {
        await sendPasswordResetEmail(a, email);
        setNotice(`If an account exists for ${email}, a link to choose a new password is on its way.`);
        setBusy(false);
        return;
      }
      if (mode === 'sign-up') {
        const { user } = await createUserWithEmailAndPassword(a, email, password);
        if (name) await updateProfile(user, { displayName: name });
        await sendEmailVerification(user);
        // The name is in the next ID token only after a refresh.
        await user.getIdToken(true);
        return startSession(user);
      }
      const { user } = await signInWithEmailAndPassword(a, email, password);
      return startSession(user);
    });
  }

  function withProvider(provider: Exclude<WebSignInProvider, 'password'>) {
    const a = firebaseAuth(config);
    if (provider === 'phone') return setMode('phone');
    void run(async () => {
      const authProvider = provider === 'google.com' ? new GoogleAuthProvider() : new OAuthProvider(provider);
      const { user } = await signInWithPopup(a, authProvider);
      return startSession(user);
    });
  }

  const idps = config.providers.filter((p): p is Exclude<WebSignInProvider, 'password'> => p !== 'password');
  const title =
    mode === 'sign-up'
      ? 'Create your account'
      : mode === 'reset'
        ? 'Reset your password'
        : mode === 'phone'
          ? 'Sign in with your phone'
          : 'Sign in';
  return (
    <div className={styles.card}>
      <h1 className={styles.title}>{title}</h1>
      <p className="muted">
        {mode === 'reset'
          ? 'We will email you a link to choose a new password.'
          : 'Track your orders from every seller in one place and check out faster.'}
      </p>
      {mode === 'phone' && (
        <>
          <PhoneSignIn
            auth={() => firebaseAuth(config)}
            busy={busy}
            run={run}
            idle={() => setBusy(false)}
            onUser={startSession}
          />
          <p className="form-message form-message--error" role="alert">
            {error}
          </p>
        </>
      )}
      {(mode === 'sign-in' || mode === 'sign-up') && idps.length > 0 && (
        <>
          <div className={styles.providers}>
            {idps.map((p) => (
              <button
                key={p}
                type="button"
                className={`button ${styles.provider}`}
                disabled={busy}
                onClick={() => withProvider(p)}
                data-testid={`sign-in-${p}`}
              >
                {PROVIDER_LABELS[p]}
              </button>
            ))}
          </div>
          {config.providers.includes('password') && (
            <p className={styles.divider}>
              <span>or with your email</span>
            </p>
          )}
        </>
      )}
      {mode !== 'phone' && config.providers.includes('password') && (
        <form onSubmit={onSubmit} className={styles.form} noValidate={false}>
          {mode === 'sign-up' && (
            <div className="field">
              <label htmlFor="signin-name">Name</label>
              <input id="signin-name" name="name" autoComplete="name" maxLength={200} />
            </div>
          )}
          <div className="field">
            <label htmlFor="signin-email">Email</label>
            <input id="signin-email" name="email" type="email" autoComplete="email" required />
          </div>
          {mode !== 'reset' && (
            <div className="field">
              <label htmlFor="signin-password">Password</label>
              <input
                id="signin-password"
                name="password"
                type="password"
                autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
                minLength={6}
                required
              />
            </div>
          )}
          <p className="form-message form-message--error" role="alert">
            {error}
          </p>
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy
              ? 'One moment…'
              : mode === 'sign-up'
                ? 'Create account'
                : mode === 'reset'
                  ? 'Send link'
                  : 'Sign in'}
          </button>
        </form>
      )}
      <div className={styles.switches}>
        {mode === 'sign-in' && (
          <>
            <button type="button" className="button--link" onClick={() => setMode('sign-up')}>
              New here? Create an account
            </button>
            <button type="button" className="button--link" onClick={() => setMode('reset')}>
              Forgot your password?
            </button>
          </>
        )}
        {mode !== 'sign-in' && (
          <button type="button" className="button--link" onClick={() => setMode('sign-in')}>
            Back to sign in
          </button>
        )}
      </div>
    </div>
  );
}
