import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { IdentityVerifier } from '../auth/identity.js';
import { customerIdOf } from './customers.handlers.js';
import * as repo from './customers.repository.js';

type SessionHandlers = Pick<OperationHandlers, 'createStoreCustomerSession' | 'revokeStoreCustomerSessions'>;

/** Firebase's own default for a session a storefront did not size: five days. */
const DEFAULT_EXPIRES_IN_S = 5 * 24 * 60 * 60;
/** Only a sign-in this recent starts a session (Firebase's recommendation for session cookies). */
const MAX_AUTH_AGE_MS = 5 * 60_000;

/** The credential of the request: the router already verified it and resolved the customer. */
function bearerOf(headers: Record<string, string | string[] | undefined>): string {
  const token = /^Bearer +(\S+)$/i.exec(String(headers.authorization ?? ''))?.[1];
  if (!token) throw new AppError('unauthorized', "This operation needs the shopper's ID token.");
  return token;
}

/**
 * Storefront sessions: exchanging a fresh ID token for a Firebase session cookie, and signing out
 * everywhere by revoking the user's refresh tokens (which also refuses every session cookie).
 */
export function sessionHandlers(deps: { identity: IdentityVerifier; db: Kysely<Database> }) {
  return {
    createStoreCustomerSession: async ({ principal, headers, body }) => {
      customerIdOf(principal);
      const expiresInS = body.expires_in ?? DEFAULT_EXPIRES_IN_S;
      const session = await deps.identity.createSession(
        bearerOf(headers),
        expiresInS * 1000,
        MAX_AUTH_AGE_MS,
      );
      return {
        status: 201,
        body: { session: session.value, expires_at: session.expiresAt.toISOString() },
      };
    },
    revokeStoreCustomerSessions: async ({ principal }) => {
      const row = await repo.findById(deps.db, customerIdOf(principal));
      if (!row) throw new AppError('not_found', 'The account no longer exists.');
      await deps.identity.revokeSessions(row.firebase_uid);
      return { status: 204 };
    },
  } satisfies SessionHandlers;
}
