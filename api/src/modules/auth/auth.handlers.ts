import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import type { Idempotency } from '../../http/idempotency.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { ApiKeyRecord } from './auth.repository.js';
import type { ApiKeyService } from './auth.service.js';

type ApiKey = components['schemas']['ApiKey'];
type KeyHandlers = Pick<
  OperationHandlers,
  | 'listAdminSellerKeys'
  | 'createAdminSellerKey'
  | 'listAdminPublishableKeys'
  | 'createAdminPublishableKey'
  | 'revokeAdminKey'
>;

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

function toApiKey(row: ApiKeyRecord): ApiKey {
  return {
    ...row,
    created_at: row.created_at.toISOString(),
    revoked_at: iso(row.revoked_at),
    last_used_at: iso(row.last_used_at),
  };
}

/** Operator handlers for issuing, listing and revoking keys. */
export function keyHandlers(deps: {
  apiKeys: ApiKeyService;
  idempotent: Idempotency;
  /** Throws 404 when the seller does not exist. */
  requireSeller: (sellerId: string) => Promise<unknown>;
}) {
  const { apiKeys } = deps;
  const created = (out: { record: ApiKeyRecord; secret: string }) => ({
    key: toApiKey(out.record),
    secret: out.secret,
  });
  return {
    listAdminSellerKeys: async ({ params }) => {
      await deps.requireSeller(params.sellerId);
      return {
        status: 200,
        body: { data: (await apiKeys.list({ sellerId: params.sellerId })).map(toApiKey) },
      };
    },
    createAdminSellerKey: async (req) => {
      await deps.requireSeller(req.params.sellerId);
      return deps.idempotent.run(req, 201 as const, async (trx) =>
        created(
          await apiKeys.create({ kind: 'seller', sellerId: req.params.sellerId, name: req.body.name }, trx),
        ),
      );
    },
    listAdminPublishableKeys: async () => ({
      status: 200,
      body: { data: (await apiKeys.list({ kind: 'publishable' })).map(toApiKey) },
    }),
    createAdminPublishableKey: async (req) =>
      deps.idempotent.run(req, 201 as const, async (trx) =>
        created(await apiKeys.create({ kind: 'publishable', name: req.body.name }, trx)),
      ),
    revokeAdminKey: async ({ params, principal }) => {
      if (principal.kind === 'operator' && principal.keyId === params.keyId) {
        throw new AppError(
          'invalid_state',
          'An operator key cannot revoke itself; use another operator key.',
        );
      }
      const row = await deps.idempotent.transaction((trx, steps) => apiKeys.revoke(params.keyId, trx, steps));
      if (!row) throw new AppError('not_found', `No API key has the id '${params.keyId}'.`);
      return { status: 200, body: toApiKey(row) };
    },
  } satisfies KeyHandlers;
}
