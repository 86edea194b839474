import type { ReactNode } from 'react';

/**
 * The sign-out button of an account page: a form post to the theme's `/session/sign-out` route
 * (`createSessionRoutes`) carrying this browser's CSRF token. Works without JavaScript.
 */
export function SignOutForm({
  csrfToken,
  className,
  children = 'Sign out',
}: {
  csrfToken: string;
  /** The button's class. */
  className?: string;
  children?: ReactNode;
}) {
  return (
    <form method="post" action="/session/sign-out">
      <input type="hidden" name="csrf_token" value={csrfToken} />
      <button type="submit" className={className} data-testid="sign-out">
        {children}
      </button>
    </form>
  );
}
