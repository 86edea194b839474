'use client';

import type { FirebaseWebConfig } from '@souk/storefront-kit/server';
import { type IdentityProvider, useSignIn } from '@souk/storefront-kit/sign-in';
import { type FormEvent, useRef, useState } from 'react';
import styles from './account.module.css';

type Mode = 'sign-in' | 'sign-up' | 'reset' | 'phone';

const PROVIDER_LABELS: Record<IdentityProvider, string> = {
  phone: 'Continue with your phone',
  'google.com': 'Continue with Google',
  'apple.com': 'Continue with Apple',
  'oidc.line': 'Continue with LINE',
};

const COPY: Record<Mode, { title: string; lede: string; submit: string }> = {
  'sign-in': {
    title: 'Welcome back',
    lede: 'Sign in to see your orders from every maker.',
    submit: 'Sign in',
  },
  'sign-up': {
    title: 'Create your account',
    lede: 'One account for every maker: your orders in one place, your address ready at checkout.',
    submit: 'Create account',
  },
  reset: {
    title: 'Choose a new password',
    lede: 'We will email you a link to set a new one.',
    submit: 'Send link',
  },
  phone: { title: 'Sign in by phone', lede: 'We text you a code; no password needed.', submit: 'Send code' },
};

/** Atelier's sign-in: email and password, a new account, a reset link, or a code by text message. */
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
  const flow = useSignIn({ config, csrfToken, returnTo, appName: 'atelier' });
  const recaptcha = useRef<HTMLDivElement>(null);
  const copy = COPY[mode];
  const switchTo = (next: Mode) => {
    flow.clearMessages();
    flow.forgetPhoneNumber();
    setMode(next);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    if (mode === 'phone') {
      if (flow.codeSentTo) flow.confirmPhoneCode(text('code'));
      else if (recaptcha.current) flow.sendPhoneCode(text('phone'), recaptcha.current);
    } else if (mode === 'reset') flow.resetPassword(text('email').trim());
    else if (mode === 'sign-up')
      flow.createAccount({
        name: text('name').trim(),
        email: text('email').trim(),
        password: text('password'),
      });
    else flow.signIn(text('email').trim(), text('password'));
  }

  const providers = flow.identityProviders;
  const submitLabel = mode === 'phone' && flow.codeSentTo ? 'Verify and sign in' : copy.submit;
  return (
    <div className={styles.panel} data-testid="sign-in">
      <p className="eyebrow">Your account</p>
      <h1 className={styles.title}>{copy.title}</h1>
      <p className={styles.lede}>{copy.lede}</p>

      {(mode === 'sign-in' || mode === 'sign-up') && providers.length > 0 && (
        <div className={styles.providers}>
          {providers.map((p) => (
            <button
              key={p}
              type="button"
              className="btn btn--ghost btn--block"
              disabled={flow.busy}
              onClick={() => (p === 'phone' ? switchTo('phone') : flow.continueWith(p))}
              data-testid={`sign-in-${p}`}
            >
              {PROVIDER_LABELS[p]}
            </button>
          ))}
          {flow.passwordEnabled && (
            <p className={styles.divider}>
              <span>or with your email</span>
            </p>
          )}
        </div>
      )}

      {(mode === 'phone' || flow.passwordEnabled) && (
        <form onSubmit={submit} className={styles.form} key={mode + (flow.codeSentTo ?? '')}>
          {mode === 'sign-up' && (
            <div className="field">
              <label htmlFor="signin-name">Name</label>
              <input id="signin-name" name="name" autoComplete="name" maxLength={200} />
            </div>
          )}
          {mode !== 'phone' && (
            <div className="field">
              <label htmlFor="signin-email">Email</label>
              <input id="signin-email" name="email" type="email" autoComplete="email" required />
            </div>
          )}
          {(mode === 'sign-in' || mode === 'sign-up') && (
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
          {mode === 'phone' && !flow.codeSentTo && (
            <div className="field">
              <label htmlFor="signin-phone">Phone number</label>
              <input
                id="signin-phone"
                name="phone"
                type="tel"
                autoComplete="tel"
                placeholder="+49 151 23456789"
                aria-describedby="signin-phone-hint"
                required
              />
              <p id="signin-phone-hint" className="muted small">
                With the country code.
              </p>
            </div>
          )}
          {mode === 'phone' && flow.codeSentTo && (
            <div className="field">
              <label htmlFor="signin-code">The 6-digit code we sent to {flow.codeSentTo}</label>
              <input
                id="signin-code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
              />
            </div>
          )}
          <p className={styles.error} role="alert" data-testid="sign-in-error">
            {flow.error}
          </p>
          {flow.resetSentTo && (
            <p className={styles.notice} role="status">
              If an account exists for {flow.resetSentTo}, a link to choose a new password is on its way.
            </p>
          )}
          <button type="submit" className="btn btn--block" disabled={flow.busy}>
            {flow.busy ? 'One moment…' : submitLabel}
          </button>
        </form>
      )}
      <div ref={recaptcha} />

      <div className={styles.switches}>
        {mode === 'sign-in' ? (
          <>
            <button type="button" className="link-button" onClick={() => switchTo('sign-up')}>
              New to Atelier? Create an account
            </button>
            <button type="button" className="link-button" onClick={() => switchTo('reset')}>
              Forgot your password?
            </button>
          </>
        ) : (
          <>
            {mode === 'phone' && flow.codeSentTo && (
              <button type="button" className="link-button" onClick={flow.forgetPhoneNumber}>
                Use another number
              </button>
            )}
            <button type="button" className="link-button" onClick={() => switchTo('sign-in')}>
              Back to sign in
            </button>
          </>
        )}
      </div>
    </div>
  );
}
