import { sessionRoutes } from '@/lib/store';

/** Sign-in: the browser's fresh Firebase ID token becomes an httpOnly session cookie (see the kit). */
export const POST = sessionRoutes.signIn;
