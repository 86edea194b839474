import { privatePageMetadata } from '@souk/storefront-kit';
import type { Metadata } from 'next';
import styles from '@/components/account.module.css';
import { SignInForm } from '@/components/SignInForm';
import { store } from '@/lib/store';

// A buyer's private page: never indexed, never in the sitemap (see the kit's PRIVATE_PATHS).
export const metadata: Metadata = privatePageMetadata('Sign in');

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ return_to?: string; signed_out?: string }>;
}) {
  const { returnTo, signedOut, firebase, csrfToken } = await store.signInPage(await searchParams);
  return (
    <section className={`page ${styles.signInPage}`}>
      <div className={styles.signInMain}>
        {signedOut && (
          <p className={styles.notice} role="status" data-testid="signed-out">
            You are signed out on every device.
          </p>
        )}
        {firebase ? (
          <SignInForm config={firebase} csrfToken={csrfToken} returnTo={returnTo} />
        ) : (
          <div className={styles.panel}>
            <h1 className={styles.title}>Sign-in is not set up</h1>
            <p className={styles.lede}>
              This shop has no Firebase project configured. You can still check out as a guest.
            </p>
          </div>
        )}
      </div>
      <aside className={styles.promise} aria-label="Why an account">
        <h2 className={styles.promiseTitle}>One account, every maker</h2>
        <ul className={styles.promiseList}>
          <li>
            <strong>Every order in one place</strong>
            <span>Each maker ships their own parcel; follow them all from your account.</span>
          </li>
          <li>
            <strong>Checkout in a moment</strong>
            <span>Your email and your default address are filled in for you.</span>
          </li>
          <li>
            <strong>Nothing kept in your browser</strong>
            <span>Your session stays on our server. Signing out ends it on every device.</span>
          </li>
        </ul>
      </aside>
    </section>
  );
}
