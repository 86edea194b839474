'use client';

import {
  type Auth,
  type ConfirmationResult,
  RecaptchaVerifier,
  signInWithPhoneNumber,
  type User,
} from 'firebase/auth';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import styles from './account.module.css';

/**
 * Phone sign-in: the number, then the code Firebase texts to it. Firebase checks the browser with an
 * invisible reCAPTCHA first (its script comes from google.com); against the Auth emulator that check is
 * off and no outside script loads, and the emulator "sends" the code to its own log and REST API.
 */
export function PhoneSignIn({
  auth,
  busy,
  run,
  idle,
  onUser,
}: {
  auth: () => Auth;
  busy: boolean;
  /** Runs a step with the form's busy state and error message. */
  run: (task: () => Promise<void>) => Promise<void>;
  /** Ends the busy state after a step that stays on the page. */
  idle: () => void;
  /** Turns the signed-in Firebase user into the storefront's session. */
  onUser: (user: User) => Promise<void>;
}) {
  const [confirmation, setConfirmation] = useState<ConfirmationResult | null>(null);
  const [phone, setPhone] = useState('');
  const verifier = useRef<RecaptchaVerifier | null>(null);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => () => verifier.current?.clear(), []);

  function sendCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const number = String(new FormData(event.currentTarget).get('phone') ?? '').replace(/[\s()./-]/g, '');
    void run(async () => {
      if (!verifier.current && container.current) {
        verifier.current = new RecaptchaVerifier(auth(), container.current, { size: 'invisible' });
      }
      if (!verifier.current) return;
      setConfirmation(await signInWithPhoneNumber(auth(), number, verifier.current));
      setPhone(number);
      idle();
    });
  }

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    void run(async () => {
      if (!confirmation) return;
      const { user } = await confirmation.confirm(code);
      await onUser(user);
    });
  }

  return (
    <div className={styles.form}>
      {confirmation ? (
        <form onSubmit={confirm} className={styles.form} key="code">
          <p className="muted">
            We sent a 6-digit code to <strong>{phone}</strong>.
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
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy ? 'One moment…' : 'Verify and sign in'}
          </button>
          <div className={styles.switches}>
            <button type="button" className="button--link" onClick={() => setConfirmation(null)}>
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
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy ? 'One moment…' : 'Send code'}
          </button>
        </form>
      )}
      <div ref={container} />
    </div>
  );
}
