'use client';

import type { FirebaseWebConfig } from '@souk/storefront-kit/server';
import { type IdentityProvider, useSignIn } from '@souk/storefront-kit/sign-in';
import { type FormEvent, useState } from 'react';
import styles from './account.module.css';
import { PhoneSignIn } from './PhoneSignIn';

type Mode = 'sign-in' | 'sign-up' | 'reset' | 'phone';

const PROVIDER_LABELS: Record<IdentityProvider, string> = {
  phone: 'Continue with phone number',
  'google.com': 'Continue with Google',
  'apple.com': 'Continue with Apple',
  'oidc.line': 'Continue with LINE',
};

const TITLES: Record<Mode, string> = {
  'sign-in': 'Sign in',
  'sign-up': 'Create your account',
  reset: 'Reset your password',
  phone: 'Sign in with your phone',
};

/**
 * Email/password (sign in, create account, reset) and the configured identity providers, on the kit's
 * `useSignIn`: the fresh ID token becomes an httpOnly session on the server.
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
  const flow = useSignIn({ config, csrfToken, returnTo, appName: 'bazaar' });
  const { busy } = flow;
  const switchTo = (next: Mode) => {
    flow.clearMessages();
    setMode(next);
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (mode === 'reset') flow.resetPassword(email);
    else if (mode === 'sign-up')
      flow.createAccount({ name: String(form.get('name') ?? '').trim(), email, password });
    else flow.signIn(email, password);
  }

  function withProvider(provider: IdentityProvider) {
    if (provider === 'phone') switchTo('phone');
    else flow.continueWith(provider);
  }

  return (
    <div className={styles.card}>
      <h1 className={styles.title}>{TITLES[mode]}</h1>
      <p className="muted">
        {mode === 'reset'
          ? 'We will email you a link to choose a new password.'
          : 'Track your orders from every seller in one place and check out faster.'}
      </p>
      {mode === 'phone' && (
        <>
          <PhoneSignIn flow={flow} />
          <p className="form-message form-message--error" role="alert">
            {flow.error}
          </p>
        </>
      )}
      {(mode === 'sign-in' || mode === 'sign-up') && flow.identityProviders.length > 0 && (
        <>
          <div className={styles.providers}>
            {flow.identityProviders.map((p) => (
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
          {flow.passwordEnabled && (
            <p className={styles.divider}>
              <span>or with your email</span>
            </p>
          )}
        </>
      )}
      {mode !== 'phone' && flow.passwordEnabled && (
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
            {flow.error}
          </p>
          {flow.resetSentTo && (
            <p className="notice" role="status">
              If an account exists for {flow.resetSentTo}, a link to choose a new password is on its way.
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
            <button type="button" className="button--link" onClick={() => switchTo('sign-up')}>
              New here? Create an account
            </button>
            <button type="button" className="button--link" onClick={() => switchTo('reset')}>
              Forgot your password?
            </button>
          </>
        )}
        {mode !== 'sign-in' && (
          <button type="button" className="button--link" onClick={() => switchTo('sign-in')}>
            Back to sign in
          </button>
        )}
      </div>
    </div>
  );
}
