import { AppError } from '../../errors.js';
import { ANONYMOUS, type Principal } from '../../http/principal.js';
import type { OperatorRole } from '../staff/staff.table.js';
import type { ApiKeyService } from './auth.service.js';
import type { IdentityVerifier, VerifiedIdentity } from './identity.js';

/** What a request presents, and the security schemes its operation accepts. */
export interface Credentials {
  apiKey: string | undefined;
  /** The token of an `Authorization: Bearer …` header. */
  bearer: string | undefined;
  schemes: readonly string[];
}

/**
 * Resolves a request's principal: the API key first, then — only on operations whose security names a
 * token scheme, since verifying asks the identity provider — the ID token: a shopper's (`CustomerToken`,
 * with a publishable key) or a seller staff member's (`StaffToken`, without a key). A token that fails verification is a 401 with its own code; no token leaves
 * the principal without a customer, and the router answers 401 if the operation needs one.
 */
export function createAuthenticator(deps: {
  apiKeys: ApiKeyService;
  identity: IdentityVerifier;
  /** The account id of a verified shopper (created on first sign-in). */
  customerOf: (identity: VerifiedIdentity) => Promise<string>;
  /** The seller membership of a verified person (accepting a pending invitation), if any. */
  staffOf: (
    identity: VerifiedIdentity,
  ) => Promise<{ id: string; sellerId: string; role: 'owner' | 'catalog' | 'orders' } | undefined>;
  /** The operator staff membership of a verified person (accepting a pending invitation), if any. */
  operatorStaffOf: (identity: VerifiedIdentity) => Promise<{ id: string; role: OperatorRole } | undefined>;
}) {
  /**
   * Answers as it is, not as a promise, when no token is sent and the key is known to this process
   * (a storefront read): no microtask per request there. Everything else goes through `withToken`.
   */
  return function authenticate(credentials: Credentials): Principal | Promise<Principal> {
    const byKey = credentials.apiKey ? deps.apiKeys.authenticate(credentials.apiKey) : undefined;
    if (byKey instanceof Promise) return byKey.then((principal) => withToken(credentials, principal));
    return credentials.bearer === undefined ? (byKey ?? ANONYMOUS) : withToken(credentials, byKey);
  };

  async function withToken(credentials: Credentials, key: Principal | undefined): Promise<Principal> {
    const byKey: Principal = key ?? ANONYMOUS;
    if (credentials.bearer === undefined) return byKey;
    // Staff act with their token instead of a key: a key, when sent, is what counts.
    if (credentials.schemes.includes('StaffToken') && credentials.apiKey === undefined) {
      const identity = await deps.identity.verify(credentials.bearer);
      const staff = await deps.staffOf(identity);
      if (!staff) {
        throw new AppError(
          'forbidden',
          'You are not staff of a seller: ask the seller to invite your email, then sign in with it verified.',
        );
      }
      return {
        kind: 'seller',
        keyId: staff.id,
        sellerId: staff.sellerId,
        staff: { id: staff.id, role: staff.role },
      };
    }
    if (credentials.schemes.includes('OperatorStaffToken') && credentials.apiKey === undefined) {
      const staff = await deps.operatorStaffOf(await deps.identity.verify(credentials.bearer));
      if (!staff) {
        throw new AppError(
          'forbidden',
          "You are not the operator's staff: ask an operator owner to invite your email, then sign in with it verified.",
        );
      }
      return { kind: 'operator', keyId: staff.id, staff };
    }
    if (!credentials.schemes.includes('CustomerToken')) return byKey;
    // The key is judged first: a missing or wrong key is its own 401/403, whatever the token.
    if (byKey.kind !== 'publishable') return byKey;
    const identity = await deps.identity.verify(credentials.bearer);
    return { ...byKey, customerId: await deps.customerOf(identity) };
  }
}
