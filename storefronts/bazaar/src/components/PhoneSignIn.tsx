'use client';

import type { SignIn } from '@souk/storefront-kit/sign-in';
import { type FormEvent, useRef } from 'react';
import styles from './account.module.css';

/**
 * Phone sign-in: the number, then the code Firebase texts to it (the kit's `useSignIn` runs both
 * steps). Against the Auth emulator the code goes to the emulator's log and REST API.
 */
export function PhoneSignIn({ flow }: { flow: SignIn }) {
  const container = useRef<HTMLDivElement>(null);

  function sendCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const number = String(new FormData(event.currentTarget).get('phone') ?? '');
    if (container.current) flow.sendPhoneCode(number, container.current);
  }

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    flow.confirmPhoneCode(String(new FormData(event.currentTarget).get('code') ?? ''));
  }

  return (
    <div className={styles.form}>
      {flow.codeSentTo ? (
        <form onSubmit={confirm} className={styles.form} key="code">
          <p className="muted">
            We sent a 6-digit code to <strong>{flow.codeSentTo}</strong>.
          </p>
          <div className="field">
            <label htmlFor="signin-code">Code</label>
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
          <button type="submit" className="button button--primary button--block" disabled={flow.busy}>
            {flow.busy ? 'One moment…' : 'Verify and sign in'}
          </button>
          <div className={styles.switches}>
            <button type="button" className="button--link" onClick={flow.forgetPhoneNumber}>
              Use another number
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={sendCode} className={styles.form} key="number">
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
            <p id="signin-phone-hint" className="muted">
              With the country code. We text you a code; no password needed.
            </p>
          </div>
          <button type="submit" className="button button--primary button--block" disabled={flow.busy}>
            {flow.busy ? 'One moment…' : 'Send code'}
          </button>
        </form>
      )}
      <div ref={container} />
    </div>
  );
}
