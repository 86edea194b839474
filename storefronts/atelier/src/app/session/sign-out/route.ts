import { sessionRoutes } from '@/lib/store';

/** Sign-out (a form post with the CSRF token): revokes the shopper's sessions everywhere. */
export const POST = sessionRoutes.signOut;
