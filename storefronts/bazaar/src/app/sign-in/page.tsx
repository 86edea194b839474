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
    <section className={styles.signIn}>
      {signedOut && (
        <p className="notice" role="status" data-testid="signed-out">
          You are signed out on every device.
        </p>
      )}
      {firebase ? (
        <SignInForm config={firebase} csrfToken={csrfToken} returnTo={returnTo} />
      ) : (
        <div className={styles.card}>
          <h1 className={styles.title}>Sign-in is not set up</h1>
          <p className="muted">
            This store has no Firebase project configured. You can still check out as a guest.
          </p>
        </div>
      )}
    </section>
  );
}
