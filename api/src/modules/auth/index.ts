/** Public surface of the auth module. */
export type { ApiKeyRecord } from './auth.repository.js';
export { type ApiKeyService, createApiKeyService } from './auth.service.js';
export type { ApiKeyKind, AuthTables } from './auth.table.js';
export { DEMO_KEYS, hashKey } from './keys.js';
