/** Public surface of the auth module. */
export type { ApiKeyRecord } from './auth.repository.js';
export { type ApiKeyService, createApiKeyService } from './auth.service.js';
export type { ApiKeyKind, AuthTables } from './auth.table.js';
export { type Credentials, createAuthenticator } from './authenticate.js';
export { createFirebaseIdentity, unconfiguredIdentity } from './identity.firebase.js';
export type { IdentityVerifier, SignInProvider, VerifiedIdentity } from './identity.js';
export { DEMO_KEYS, hashKey } from './keys.js';
export { createSecretSealer } from './seal.js';
