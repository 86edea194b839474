import { randomBytes } from 'node:crypto';
import type { App } from 'firebase-admin/app';
import type { Auth, DecodedIdToken } from 'firebase-admin/auth';
import { AppError } from '../../errors.js';
import {
  type IdentityVerifier,
  type SessionCookie,
  SIGN_IN_PROVIDERS,
  type SignInProvider,
  type VerifiedIdentity,
} from './identity.js';

const bearer = { 'WWW-Authenticate': 'Bearer error="invalid_token"' };
const fail = (code: ConstructorParameters<typeof AppError>[0], detail: string) =>
  new AppError(code, detail, { headers: bearer });

/** The `aud` and `iss` of a JWT, read without trusting it: only to say why verification failed. */
function unverifiedClaims(token: string): { aud?: unknown; iss?: unknown } | undefined {
  try {
    const payload = token.split('.')[1] ?? '';
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? claims : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies Firebase ID tokens with `firebase-admin`: signature (skipped by firebase-admin itself for
 * the emulator's unsigned tokens), expiry, audience and issuer, then — `checkRevoked` — the user record:
 * revoked sessions and disabled users are refused. The emulator is used exactly when
 * `FIREBASE_AUTH_EMULATOR_HOST` is set; the configuration refuses that variable in production.
 */
export function createFirebaseIdentity(options: {
  projectId: string;
  emulatorHost: string | undefined;
}): IdentityVerifier {
  // firebase-admin reads the emulator switch from the process environment, not from its options.
  if (options.emulatorHost) process.env.FIREBASE_AUTH_EMULATOR_HOST = options.emulatorHost;
  // firebase-admin is loaded by the first token to verify, not at start-up: it is one of the largest
  // module trees the API has, and requests with API keys never need it.
  const appName = `souk-${randomBytes(6).toString('hex')}`;
  let loading: Promise<{ auth: Auth; close: () => Promise<void> }> | undefined;
  const firebase = () => {
    loading ??= (async () => {
      const [{ deleteApp, initializeApp }, { getAuth }] = await Promise.all([
        import('firebase-admin/app'),
        import('firebase-admin/auth'),
      ]);
      const app: App = initializeApp({ projectId: options.projectId }, appName);
      return { auth: getAuth(app), close: () => deleteApp(app) };
    })();
    return loading;
  };

  const toAppError = (err: unknown, token: string): AppError => {
    const code = (err as { code?: string }).code ?? '';
    switch (code) {
      case 'auth/session-cookie-expired':
        return fail('token_expired', 'The session has expired; sign in again.');
      case 'auth/session-cookie-revoked':
      case 'auth/id-token-revoked':
        return fail('token_revoked', 'The sessions of this user were revoked; sign in again.');
      case 'auth/id-token-expired':
        return fail(
          'token_expired',
          'The ID token has expired; get a fresh one from the Firebase SDK and retry.',
        );
      case 'auth/user-disabled':
        return fail('user_disabled', 'This user account is disabled.');
      case 'auth/user-not-found':
        return fail('token_invalid', 'The ID token names a user that does not exist.');
      case 'auth/argument-error':
      case 'auth/invalid-argument':
      case 'auth/invalid-id-token':
      case 'auth/invalid-session-cookie-duration': {
        const claims = unverifiedClaims(token);
        const issuer = isSession(token) ? sessionIssuer : tokenIssuer;
        if (claims && (claims.aud !== options.projectId || claims.iss !== issuer)) {
          return fail(
            'token_wrong_audience',
            `The ID token was not issued for the project ${options.projectId}.`,
          );
        }
        return fail('token_invalid', 'The ID token is not valid.');
      }
      default:
        return new AppError('service_unavailable', 'The identity provider could not be reached; retry.', {
          cause: err,
        });
    }
  };

  const tokenIssuer = `https://securetoken.google.com/${options.projectId}`;
  const sessionIssuer = `https://session.firebase.google.com/${options.projectId}`;
  /** Session cookies and ID tokens share the bearer header; their (unverified) issuer says which to verify as. */
  const isSession = (token: string) => unverifiedClaims(token)?.iss === sessionIssuer;

  /** Verifies either credential with revocation checks; failures become the spec's 401 codes. */
  const decode = async (token: string): Promise<DecodedIdToken> => {
    const { auth } = await firebase();
    try {
      return isSession(token)
        ? await auth.verifySessionCookie(token, true)
        : await auth.verifyIdToken(token, true);
    } catch (err) {
      throw toAppError(err, token);
    }
  };

  return {
    mode: options.emulatorHost ? 'emulator' : 'firebase',
    async createSession(idToken, expiresInMs, maxAuthAgeMs): Promise<SessionCookie> {
      if (isSession(idToken)) {
        throw fail('token_invalid', 'A session cannot start another session: send a fresh ID token.');
      }
      const decoded = await decode(idToken);
      // A stolen ID token should not become a two-week session: only a recent sign-in starts one.
      if (Date.now() - decoded.auth_time * 1000 > maxAuthAgeMs) {
        throw fail('token_expired', 'The sign-in is too old to start a session; sign in again.');
      }
      const { auth } = await firebase();
      try {
        const value = await auth.createSessionCookie(idToken, { expiresIn: expiresInMs });
        return { value, expiresAt: new Date(Date.now() + expiresInMs) };
      } catch (err) {
        throw toAppError(err, idToken);
      }
    },
    async revokeSessions(uid: string): Promise<void> {
      const { auth } = await firebase();
      try {
        await auth.revokeRefreshTokens(uid);
      } catch (err) {
        throw toAppError(err, '');
      }
    },
    async verify(idToken: string): Promise<VerifiedIdentity> {
      const decoded = await decode(idToken);
      const provider = decoded.firebase.sign_in_provider as SignInProvider;
      if (!SIGN_IN_PROVIDERS.includes(provider)) {
        throw new AppError(
          'forbidden',
          `Sign-in with '${decoded.firebase.sign_in_provider}' is not accepted here.`,
        );
      }
      return {
        uid: decoded.uid,
        provider,
        email: typeof decoded.email === 'string' ? decoded.email : null,
        emailVerified: decoded.email_verified === true,
        phone: typeof decoded.phone_number === 'string' ? decoded.phone_number : null,
        name: typeof decoded.name === 'string' && decoded.name !== '' ? decoded.name.slice(0, 200) : null,
      };
    },
    close: async () => {
      if (loading) await (await loading).close();
    },
  };
}

/** The verifier when no identity provider is configured: every token is refused with a 401 that says why. */
export function unconfiguredIdentity(): IdentityVerifier {
  const refuse = async (): Promise<never> => {
    // The credential cannot be accepted here (nothing is down): 401, as documented on every
    // operation that takes a token, not an undocumented 503.
    throw new AppError(
      'unauthorized',
      'Signing in with an ID token is not enabled on this server (an operator sets FIREBASE_PROJECT_ID, or FIREBASE_AUTH_EMULATOR_HOST outside production); use an API key.',
    );
  };
  return {
    mode: 'unconfigured',
    verify: refuse,
    createSession: refuse,
    revokeSessions: refuse,
    close: async () => {},
  };
}
