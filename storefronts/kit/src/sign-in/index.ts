export { firebaseAuth } from './firebase-auth';
export { signInMessage } from './messages';
export { type IdentityProvider, type SignIn, type SignInOptions, useSignIn } from './use-sign-in';
