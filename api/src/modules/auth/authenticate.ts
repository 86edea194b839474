import type { ApiKeyService, Principal } from './auth.service.js';
import type { IdentityVerifier, VerifiedIdentity } from './identity.js';

/** What a request presents, and the security schemes its operation accepts. */
export interface Credentials {
  apiKey: string | undefined;
  /** The token of an `Authorization: Bearer …` header. */
  bearer: string | undefined;
  schemes: readonly string[];
}

/**
 * Resolves a request's principal: the API key first, then — only on operations whose security names
 * `CustomerToken`, since verifying asks the identity provider — the shopper's ID token, which must come
 * with a publishable key. A token that fails verification is a 401 with its own code; no token leaves
 * the principal without a customer, and the router answers 401 if the operation needs one.
 */
export function createAuthenticator(deps: {
  apiKeys: ApiKeyService;
  identity: IdentityVerifier;
  /** The account id of a verified shopper (created on first sign-in). */
  customerOf: (identity: VerifiedIdentity) => Promise<string>;
}) {
  return async function authenticate(credentials: Credentials): Promise<Principal> {
    const byKey: Principal = (credentials.apiKey
      ? await deps.apiKeys.authenticate(credentials.apiKey)
      : undefined) ?? {
      kind: 'anonymous',
    };
    if (credentials.bearer === undefined || !credentials.schemes.includes('CustomerToken')) return byKey;
    // The key is judged first: a missing or wrong key is its own 401/403, whatever the token.
    if (byKey.kind !== 'publishable') return byKey;
    const identity = await deps.identity.verify(credentials.bearer);
    return { ...byKey, customerId: await deps.customerOf(identity) };
  };
}
